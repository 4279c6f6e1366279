package org.iomworkbench.core.util;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTest {

    private static void same(double x, int decimals) {
        assertThat(Decimals.fixed(x, decimals)).as("%s to %d decimals", x, decimals)
                .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", x));
    }

    @Test
    void writesWhatTheFormatterWritesAtTheEdges() {
        double[] edges = {0.0, -0.0, 1.0, -1.0, 0.00005, 0.00015, 0.00025, 1.00005, 2.00005, 0.99995, 9.99995, 0.12345,
                -0.12345, -0.00004, -5e-17, 5e-17, 1e-300, 123456.78905, 1e15, 1.2345e20, Double.MIN_VALUE, Double.MAX_VALUE,
                0.1 + 0.2, 1.0 / 3, 2.0 / 3, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double x : edges) {
            for (int d = 0; d <= 6; d++) {
                same(x, d);
            }
        }
    }

    @Test
    void writesWhatTheFormatterWritesForManyNumbers() {
        SplittableRandom r = new SplittableRandom(20261207L);
        for (int i = 0; i < 300_000; i++) {
            double x = switch (i % 4) {
                case 0 -> r.nextDouble() * 10;                          // a score
                case 1 -> r.nextDouble();                               // a probability
                case 2 -> r.nextInt(2_000_000) / 200_000.0;             // ties at the fifth decimal
                default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-8, 9));
            };
            same(x, 4);
            same(x, 6);
        }
    }
}
