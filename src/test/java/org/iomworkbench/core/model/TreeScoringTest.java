package org.iomworkbench.core.model;

import org.junit.jupiter.api.Test;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree models score a row as a tuple over its own array; the probabilities must be exactly
 * those of scoring the rows through a data frame (Smile's own path, which copies them into columns).
 */
class TreeScoringTest {
    private static final String[] NAMES = {"a", "b", "c", "d"};

    private static double[][] rows(int n, SplittableRandom r) {
        double[][] x = new double[n][NAMES.length];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = j == 3 ? r.nextInt(3) : r.nextGaussian();
            }
        }
        return x;
    }

    private static boolean[] labels(double[][] x, SplittableRandom r) {
        boolean[] y = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            double logit = -2 + 1.5 * x[i][0] - x[i][1] * x[i][2] + 0.5 * x[i][3];
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit));
        }
        return y;
    }

    @Test
    void tupleScoringEqualsDataFrameScoring() {
        SplittableRandom r = new SplittableRandom(11);
        double[][] train = rows(3000, r);
        boolean[] y = labels(train, r);
        double[][] fresh = rows(2000, r);
        FittedModel forest = FittedModel.forest(train, y, NAMES, 30, 5, 64, 3, 1.0, 10);
        FittedModel boosting = FittedModel.boosting(train, y, NAMES, 40, 8, 0.1, 0.7, 3, 1.0, 10);
        DataFrame df = FittedModel.frame(fresh, NAMES);
        double[] post = new double[2];
        double[] viaForest = forest.positive(fresh);
        double[] viaBoosting = boosting.positive(fresh);
        double spread = 0;
        for (int i = 0; i < fresh.length; i++) {
            ((Trees.Forest) forest.model).predict(df.get(i), post);
            assertThat(viaForest[i]).isEqualTo(post[1]);
            ((GradientTreeBoost) boosting.model).predict(df.get(i), post);
            assertThat(viaBoosting[i]).isEqualTo(post[1]);
            spread += Math.abs(viaBoosting[i] - viaBoosting[0]);
        }
        assertThat(spread).as("the scores differ between rows (the comparison is not of constants)").isGreaterThan(1);
        // the forest's explanation (TreeSHAP) reads the row as a tuple too: the same values as through a frame
        double[] phi = forest.contributions(fresh[0]);
        double[] viaFrame = ((Trees.Forest) forest.model).shap(df.get(0));
        int k = viaFrame.length / NAMES.length;
        for (int j = 0; j < NAMES.length; j++) {
            assertThat(phi[j]).isEqualTo(viaFrame[j * k + (k - 1)]);
        }
    }

    @Test
    void multiClassForestScoresTheSameThroughTuples() {
        SplittableRandom r = new SplittableRandom(5);
        double[][] x = rows(2000, r);
        int[] group = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            group[i] = x[i][0] > 0.5 ? 4 : x[i][1] > 0 ? 1 : 7;
        }
        FittedModel m = FittedModel.forestMulti(x, group, NAMES, 20, 5, 64, 9);
        double[][] fresh = rows(500, r);
        double[][] p = m.groupProbabilities(fresh, 8);
        DataFrame df = FittedModel.frame(fresh, NAMES);
        double[] post = new double[m.classes.length];
        for (int i = 0; i < fresh.length; i++) {
            ((Trees.Forest) m.model).predict(df.get(i), post);
            for (int c = 0; c < m.classes.length; c++) {
                assertThat(p[i][m.classes[c]]).isEqualTo(post[c]);
            }
        }
        assertThat(p[0][4] + p[0][1] + p[0][7]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
