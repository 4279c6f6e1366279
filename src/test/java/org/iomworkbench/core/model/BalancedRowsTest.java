package org.iomworkbench.core.model;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree models' rows: negatives sampled to a ratio without replacement, positives repeated to balance. */
class BalancedRowsTest {
    private static double[][] rows(int n) {
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[]{i};
        }
        return x;
    }

    @Test
    void negativesAreSampledToTheRatioAndPositivesRepeatedToBalance() {
        int n = 1000;
        double[][] x = rows(n);
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i += 50) {
            y[i] = true; // 20 positives, 980 negatives
        }
        FittedModel.Balanced b = FittedModel.Balanced.of(x, y, 1.0, 10, 7);
        assertThat(b.negativesKept()).isEqualTo(200);
        assertThat(b.copies()).isEqualTo(10);
        assertThat(b.x().length).isEqualTo(200 + 20 * 10);
        Map<double[], Integer> seen = new IdentityHashMap<>();
        for (int k = 0; k < b.x().length; k++) {
            seen.merge(b.x()[k], 1, Integer::sum);
            assertThat(b.y()[k] == 1).isEqualTo(y[(int) b.x()[k][0]]);
        }
        // every positive 10 times, each kept negative once, in the rows' own order
        for (int i = 0; i < n; i++) {
            if (y[i]) {
                assertThat(seen.get(x[i])).isEqualTo(10);
            } else {
                assertThat(seen.getOrDefault(x[i], 0)).isIn(0, 1);
            }
        }
        double[] order = Arrays.stream(b.x()).mapToDouble(r -> r[0]).toArray();
        assertThat(order).isSorted();
        // the same seed, the same sample; another seed, another
        assertThat(Arrays.equals(FittedModel.Balanced.of(x, y, 1.0, 10, 7).x(), b.x())).isTrue();
        assertThat(Arrays.equals(FittedModel.Balanced.of(x, y, 1.0, 10, 8).x(), b.x())).isFalse();
        // 0 keeps every negative, as does a ratio the data already meet
        assertThat(FittedModel.Balanced.of(x, y, 1.0, 0, 7).negativesKept()).isEqualTo(980);
        assertThat(FittedModel.Balanced.of(x, y, 0.0, 100, 7).x().length).isEqualTo(n);
    }
}
