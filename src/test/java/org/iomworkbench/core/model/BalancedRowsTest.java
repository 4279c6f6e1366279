package org.iomworkbench.core.model;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree models' rows: negatives sampled to a ratio without replacement, positives weighed to balance. */
class BalancedRowsTest {
    private static double[][] rows(int n) {
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[]{i};
        }
        return x;
    }

    @Test
    void negativesAreSampledToTheRatioAndPositivesWeighedToBalance() {
        int n = 1000;
        double[][] x = rows(n);
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i += 50) {
            y[i] = true; // 20 positives, 980 negatives
        }
        FittedModel.Balanced b = FittedModel.Balanced.of(x, y, 1.0, 10, 7);
        assertThat(b.negativesKept()).isEqualTo(200);
        assertThat(b.copies()).isEqualTo(10);
        assertThat(b.x().length).isEqualTo(200 + 20);
        Map<double[], Integer> seen = new IdentityHashMap<>();
        for (int k = 0; k < b.x().length; k++) {
            seen.merge(b.x()[k], 1, Integer::sum);
            boolean positive = y[(int) b.x()[k][0]];
            assertThat(b.y()[k] == 1).isEqualTo(positive);
            assertThat(b.weight()[k]).isEqualTo(positive ? 10 : 1);
        }
        // every positive once (weighing 10), each negative at most once, in the rows' own order
        for (int i = 0; i < n; i++) {
            if (y[i]) {
                assertThat(seen.get(x[i])).isEqualTo(1);
            } else {
                assertThat(seen.getOrDefault(x[i], 0)).isIn(0, 1);
            }
        }
        assertThat(Arrays.stream(b.weight()).sum()).isEqualTo(200 + 20 * 10);
        double[] order = Arrays.stream(b.x()).mapToDouble(r -> r[0]).toArray();
        assertThat(order).isSorted();
        // the same seed, the same sample; another seed, another
        assertThat(Arrays.equals(FittedModel.Balanced.of(x, y, 1.0, 10, 7).x(), b.x())).isTrue();
        assertThat(Arrays.equals(FittedModel.Balanced.of(x, y, 1.0, 10, 8).x(), b.x())).isFalse();
        // 0 keeps every negative, as does a ratio the data already meet
        assertThat(FittedModel.Balanced.of(x, y, 1.0, 0, 7).negativesKept()).isEqualTo(980);
        FittedModel.Balanced none = FittedModel.Balanced.of(x, y, 0.0, 100, 7);
        assertThat(none.x().length).isEqualTo(n);
        assertThat(none.weight()).containsOnly(1);
    }
}
