package org.iomworkbench.core.model;

import org.iomworkbench.core.model.eval.BinaryMetrics;
import org.iomworkbench.core.util.Parallelism;
import org.junit.jupiter.api.Test;
import smile.base.cart.CART;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The tree ensembles grown on weighted rows ({@link Trees}) against Smile's own, fitted on the
 * rows repeated: a row of weight w must count exactly as w copies of it.
 */
class WeightedTreesTest {
    private static final String[] NAMES = {"a", "b", "c", "d", "e"};

    private static double[][] rows(int n, SplittableRandom r) {
        double[][] x = new double[n][NAMES.length];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = j == 3 ? r.nextInt(4) : r.nextGaussian();
            }
        }
        return x;
    }

    /** About 8 % positives, with an interaction the trees must find. */
    private static int[] labels(double[][] x, SplittableRandom r) {
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double logit = -3.2 + 1.2 * x[i][0] - x[i][1] * x[i][2] + 0.4 * x[i][3];
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        return y;
    }

    private record Data(double[][] x, int[] y, int[] weight, double[][] copiesX, int[] copiesY) {
        /** Each positive weighs {@code w}; the copies repeat it w times in place. */
        static Data of(double[][] x, int[] y, int w) {
            int[] weight = Arrays.stream(y).map(v -> v == 1 ? w : 1).toArray();
            int n = Arrays.stream(weight).sum();
            double[][] cx = new double[n][];
            int[] cy = new int[n];
            for (int i = 0, k = 0; i < x.length; i++) {
                for (int c = 0; c < weight[i]; c++, k++) {
                    cx[k] = x[i];
                    cy[k] = y[i];
                }
            }
            return new Data(x, y, weight, cx, cy);
        }
    }

    private static DataFrame frame(double[][] x, int[] y) {
        return DataFrame.of(x, NAMES).merge(IntVector.of("y", y));
    }

    @Test
    void aTreeSplitsAndFillsItsLeavesWithACountAsWithThatManyCopies() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = rows(3000, r);
        Data d = Data.of(x, labels(x, r), 9);
        DataFrame weighted = frame(d.x(), d.y());
        DataFrame copies = frame(d.copiesX(), d.copiesY());
        Formula f = Formula.lhs("y");
        DataFrame wx = f.x(weighted);
        DataFrame cx = f.x(copies);
        // every input tried at every node: no randomness, so the two trees must be the same tree
        DecisionTree byCount = new DecisionTree(wx, d.y(), f.y(weighted).field(), 2, SplitRule.GINI, 20, 64, 5,
                NAMES.length, d.weight().clone(), CART.order(wx));
        int[] ones = new int[d.copiesY().length];
        Arrays.fill(ones, 1);
        DecisionTree byCopies = new DecisionTree(cx, d.copiesY(), f.y(copies).field(), 2, SplitRule.GINI, 20, 64, 5,
                NAMES.length, ones, CART.order(cx));
        double[][] fresh = rows(2000, r);
        StructType schema = wx.schema();
        double[] a = new double[2];
        double[] b = new double[2];
        java.util.Set<Double> leaves = new java.util.HashSet<>();
        for (double[] row : fresh) {
            byCount.predict(Tuple.of(row, schema), a);
            byCopies.predict(Tuple.of(row, schema), b);
            assertThat(a[1]).isCloseTo(b[1], within(1e-12));
            leaves.add(a[1]);
        }
        assertThat(Arrays.equals(byCount.importance(), byCopies.importance()) || closeAll(byCount.importance(),
                byCopies.importance())).isTrue();
        assertThat(leaves).as("the tree has grown leaves of different probabilities").hasSizeGreaterThan(5);
    }

    private static boolean closeAll(double[] a, double[] b) {
        for (int j = 0; j < a.length; j++) {
            if (Math.abs(a[j] - b[j]) > 1e-9 * Math.max(1, Math.abs(a[j]))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void boostingOnWeightedRowsIsSmilesBoostingOnTheCopies() {
        // with no subsample every tree sees every row, so the two fits must agree tree for tree
        SplittableRandom r = new SplittableRandom(5);
        double[][] x = rows(2500, r);
        Data d = Data.of(x, labels(x, r), 7);
        GradientTreeBoost weighted = Trees.boosting(d.x(), d.y(), d.weight(), NAMES, 30, 20, 8, 5, 0.1, 1.0, 1);
        GradientTreeBoost smile = GradientTreeBoost.fit(Formula.lhs("y"), frame(d.copiesX(), d.copiesY()), 30, 20, 8, 5,
                0.1, 1.0);
        double[][] fresh = rows(2000, r);
        StructType schema = FittedModel.schema(NAMES);
        double[] a = new double[2];
        double[] b = new double[2];
        double spread = 0;
        for (double[] row : fresh) {
            weighted.predict(Tuple.of(row, schema), a);
            smile.predict(Tuple.of(row, schema), b);
            assertThat(a[1]).isCloseTo(b[1], within(1e-9));
            spread += Math.abs(a[1] - 0.5);
        }
        assertThat(spread / fresh.length).as("the probabilities are not all alike").isGreaterThan(0.05);
    }

    @Test
    void boostingWithASubsampleRanksAsSmilesDoesAndRepeatsItself() {
        SplittableRandom r = new SplittableRandom(8);
        double[][] x = rows(6000, r);
        Data d = Data.of(x, labels(x, r), 10);
        double[][] fresh = rows(6000, r);
        boolean[] truth = bools(labels(fresh, new SplittableRandom(99)));
        GradientTreeBoost weighted = Trees.boosting(d.x(), d.y(), d.weight(), NAMES, 80, 20, 6, 5, 0.05, 0.7, 4);
        smile.math.MathEx.setSeed(4);
        GradientTreeBoost smile = GradientTreeBoost.fit(Formula.lhs("y"), frame(d.copiesX(), d.copiesY()), 80, 20, 6, 5,
                0.05, 0.7);
        double aucWeighted = BinaryMetrics.auc(positive(weighted, fresh), truth);
        double aucSmile = BinaryMetrics.auc(positive(smile, fresh), truth);
        assertThat(aucWeighted).isGreaterThan(0.7).isCloseTo(aucSmile, within(0.01));
        GradientTreeBoost again = Trees.boosting(d.x(), d.y(), d.weight(), NAMES, 80, 20, 6, 5, 0.05, 0.7, 4);
        assertThat(positive(again, fresh)).containsExactly(positive(weighted, fresh));
    }

    @Test
    void theForestRanksAsSmilesDoesAndDoesNotDependOnTheThreads() throws Exception {
        SplittableRandom r = new SplittableRandom(13);
        double[][] x = rows(6000, r);
        Data d = Data.of(x, labels(x, r), 10);
        double[][] fresh = rows(6000, r);
        boolean[] truth = bools(labels(fresh, new SplittableRandom(98)));
        long[] seeds = LongStream.range(0, 60).map(k -> 17 * 31 + k).toArray();
        Trees.Forest one = Parallelism.call(1, () -> Trees.forest(d.x(), d.y(), d.weight(), NAMES, 2, 20, 128, 5, seeds));
        Trees.Forest two = Parallelism.call(2, () -> Trees.forest(d.x(), d.y(), d.weight(), NAMES, 2, 20, 128, 5, seeds));
        double[] p1 = positive(one, fresh);
        assertThat(positive(two, fresh)).containsExactly(p1);
        RandomForest smile = RandomForest.fit(Formula.lhs("y"), frame(d.copiesX(), d.copiesY()), 60, 2, SplitRule.GINI, 20,
                128, 5, 1.0, null, LongStream.range(0, 60).map(k -> 17 * 31 + k));
        double[] ps = positive(smile::predict, fresh);
        double aucForest = BinaryMetrics.auc(p1, truth);
        assertThat(aucForest).isGreaterThan(0.7).isCloseTo(BinaryMetrics.auc(ps, truth), within(0.01));
        // the probabilities are on the same scale as Smile's (a forest of the copies), not just in the same order
        double meanForest = Arrays.stream(p1).average().orElseThrow();
        double meanSmile = Arrays.stream(ps).average().orElseThrow();
        assertThat(meanForest).isCloseTo(meanSmile, within(0.02));
        assertThat(one.importance()).hasSize(NAMES.length);
        assertThat(one.importance()[0]).isPositive();
    }

    @Test
    void aForestStoredBeforeTheTreesWereGrownHereStillScoresAndExplains() throws Exception {
        // runs stored until 2026-12-08 hold Smile's RandomForest itself: such a model file must still work
        SplittableRandom r = new SplittableRandom(17);
        double[][] x = rows(3000, r);
        int[] y = labels(x, r);
        RandomForest smile = RandomForest.fit(Formula.lhs("y"), frame(x, y), 30, 2, SplitRule.GINI, 20, 64, 5, 1.0, null,
                LongStream.range(0, 30).map(k -> 5 + k));
        var ctor = FittedModel.class.getDeclaredConstructor(String.class, Object.class, Standardizer.class, String[].class,
                int[].class, java.util.Map.class);
        ctor.setAccessible(true);
        FittedModel stored = ctor.newInstance(FittedModel.FOREST, smile, null, NAMES, null, java.util.Map.of());
        // through a serialised copy, as a model file is read back
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(stored);
        }
        FittedModel read;
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            read = (FittedModel) in.readObject();
        }
        double[][] fresh = rows(500, r);
        assertThat(read.positive(fresh)).containsExactly(positive(smile::predict, fresh));
        assertThat(read.importance()).containsExactly(smile.importance());
        assertThat(read.contributions(fresh[0])).hasSize(NAMES.length);
    }

    private static boolean[] bools(int[] y) {
        boolean[] out = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] == 1;
        }
        return out;
    }

    private static double[] positive(GradientTreeBoost m, double[][] x) {
        return positive(m::predict, x);
    }

    private static double[] positive(Trees.Forest m, double[][] x) {
        return positive(m::predict, x);
    }

    @Test
    void equalValuesAreOrderedByRowSoThatTheirRowsAreReadInSequence() {
        SplittableRandom r = new SplittableRandom(21);
        double[][] x = new double[5000][2];
        for (double[] row : x) {
            row[0] = r.nextInt(3); // few values: long runs of ties
            row[1] = r.nextGaussian();
        }
        DataFrame df = DataFrame.of(x, "a", "b");
        int[][] order = Trees.stableOrder(CART.order(df), x);
        for (int[] o : order) {
            int[] rows = o.clone();
            Arrays.sort(rows);
            assertThat(rows).as("a permutation of the rows").isEqualTo(java.util.stream.IntStream.range(0, x.length).toArray());
        }
        for (int j = 0; j < 2; j++) {
            int[] o = order[j];
            for (int i = 1; i < o.length; i++) {
                double before = x[o[i - 1]][j];
                double now = x[o[i]][j];
                assertThat(now).isGreaterThanOrEqualTo(before);
                if (now == before) {
                    assertThat(o[i]).as("rows of equal value in row order").isGreaterThan(o[i - 1]);
                }
            }
        }
    }

    /** Each row's probability of class 1 through {@code predict} (a row as a tuple over its array). */
    private static double[] positive(java.util.function.BiConsumer<Tuple, double[]> predict, double[][] x) {
        StructType schema = FittedModel.schema(NAMES);
        double[] post = new double[2];
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            predict.accept(Tuple.of(x[i], schema), post);
            out[i] = post[1];
        }
        return out;
    }
}
