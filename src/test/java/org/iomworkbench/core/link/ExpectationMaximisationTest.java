package org.iomworkbench.core.link;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** EM recovers the m values and the share of matches that generated a synthetic set of pairs. */
class ExpectationMaximisationTest {

    private static double[] dist(double... p) {
        double[] d = new double[p.length + 1];
        d[0] = 1;
        System.arraycopy(p, 0, d, 1, p.length);
        return d;
    }

    private static int draw(double[] d, SplittableRandom r) {
        double u = r.nextDouble();
        for (int l = 1; l < d.length; l++) {
            u -= d[l];
            if (u < 0) {
                return l;
            }
        }
        return d.length - 1;
    }

    @Test
    void recoversMAndLambda() {
        double[][] m = new double[Field.COUNT][];
        double[][] u = new double[Field.COUNT][];
        m[0] = dist(0.80, 0.01, 0.06, 0.03, 0.03, 0.03, 0.04);
        u[0] = dist(0.01, 0.0001, 0.002, 0.001, 0.002, 0.005, 0.9799);
        m[1] = dist(0.78, 0.02, 0.05, 0.03, 0.02, 0.06, 0.02, 0.02);
        u[1] = dist(0.005, 0.01, 0.004, 0.001, 0.003, 0.01, 0.006, 0.961);
        m[2] = dist(0.90, 0.03, 0.04, 0.02, 0.01);
        u[2] = dist(0.0003, 0.00005, 0.003, 0.03, 0.96665);
        m[3] = dist(0.97, 0.03);
        u[3] = dist(0.70, 0.30);
        m[4] = dist(0.70, 0.05, 0.15, 0.10);
        u[4] = dist(0.0002, 0.002, 0.02, 0.9778);
        m[5] = dist(0.98, 0.02);
        u[5] = dist(0.0001, 0.9999);
        m[6] = dist(0.06, 0.94);
        u[6] = dist(0.40, 0.60);
        m[7] = dist(0.40, 0.45, 0.10, 0.05);
        u[7] = dist(0.0005, 0.006, 0.5935, 0.4);
        double lambda = 0.15;
        SplittableRandom r = new SplittableRandom(42);
        ExpectationMaximisation.PatternCounts counts = new ExpectationMaximisation.PatternCounts(null);
        for (int i = 0; i < 300_000; i++) {
            boolean match = r.nextDouble() < lambda;
            int[] lv = new int[Field.COUNT];
            for (int k = 0; k < Field.COUNT; k++) {
                // a fifth of the values are missing, as in real data
                lv[k] = k != Field.SOURCE.ordinal() && r.nextDouble() < 0.2 ? 0 : draw(match ? m[k] : u[k], r);
            }
            counts.add(Field.pack(lv[0], lv[1], lv[2], lv[3], lv[4], lv[5], lv[6], lv[7]), 1);
        }
        ExpectationMaximisation.Fit fit = ExpectationMaximisation.fit(counts, u, EnumSet.allOf(Field.class), 1e-6);
        assertThat(fit.converged()).isTrue();
        assertThat(fit.lambda()).isCloseTo(lambda, within(0.005));
        for (Field f : Field.ALL) {
            for (int l = 1; l < f.levelCount(); l++) {
                assertThat(fit.m()[f.ordinal()][l]).as("m of %s %s", f, f.levels().get(l))
                        .isCloseTo(m[f.ordinal()][l], within(0.01));
            }
        }
        System.out.printf("EM: lambda %.4f (true %.4f) in %d iterations%n", fit.lambda(), lambda, fit.iterations());
    }

    @Test
    void uFromRandomPairsSmoothsUnseenLevels() {
        long[][] counts = new long[Field.COUNT][];
        for (Field f : Field.ALL) {
            counts[f.ordinal()] = new long[f.levelCount()];
        }
        counts[Field.GENDER.ordinal()][1] = 700;
        counts[Field.GENDER.ordinal()][2] = 300;
        double[][] u = UEstimation.fromCounts(counts, 1e-9);
        assertThat(u[Field.GENDER.ordinal()][1]).isCloseTo(0.7, within(0.001));
        assertThat(u[Field.PNC.ordinal()][1]).isPositive();
    }
}
