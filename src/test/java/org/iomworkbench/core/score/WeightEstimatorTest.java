package org.iomworkbench.core.score;

import org.iomworkbench.core.util.WorkbenchException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Section 6: recovery of known coefficients, the dispersion and intervals, and degenerate fits. */
class WeightEstimatorTest {
    static final LocalDate T0 = LocalDate.of(2023, 1, 1);
    static final double[] BETA = {0.2, 0.8, Math.log(1.5), Math.log(1.3), Math.log(2.0), Math.log(0.8), Math.log(1.2),
            Math.log(0.9)};

    /** Columns of the section 6 design for n persons: intercept, ln S, four flags, two trends. */
    static double[][] design(int n, Random r) {
        double[][] x = new double[8][n];
        for (int i = 0; i < n; i++) {
            x[0][i] = 1;
            x[1][i] = r.nextGaussian() * 0.8;
            x[2][i] = r.nextDouble() < 0.3 ? 1 : 0;
            x[3][i] = r.nextDouble() < 0.1 ? 1 : 0;
            x[4][i] = r.nextDouble() < 0.15 ? 1 : 0;
            x[5][i] = r.nextDouble() < 0.2 ? 1 : 0;
            x[6][i] = r.nextInt(3) - 1;
            x[7][i] = r.nextInt(3) - 1;
        }
        return x;
    }

    static double mean(double[][] x, double[] beta, int i) {
        double eta = 0;
        for (int j = 0; j < beta.length; j++) {
            eta += x[j][i] * beta[j];
        }
        return Math.exp(eta);
    }

    static int poisson(Random r, double mu) {
        double l = Math.exp(-mu);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    @Test
    void recoversCoefficientsExactlyFromNoiselessOutcomes() {
        Random r = new Random(1);
        double[][] x = design(3000, r);
        double[] y = new double[3000];
        for (int i = 0; i < y.length; i++) {
            y[i] = mean(x, BETA, i);
        }
        WeightEstimator.Estimate e = WeightEstimator.fit(T0, x, y);
        for (int j = 0; j < 8; j++) {
            assertThat(e.beta()[j]).as(WeightEstimator.COLUMNS.get(j)).isCloseTo(BETA[j], within(1e-9));
        }
        assertThat(e.weights().opiatesPositive()).isCloseTo(2.0, within(1e-8));
        assertThat(e.dispersion()).isLessThan(1e-15);
        assertThat(e.droppedColumns()).isEmpty();
    }

    @Test
    void recoversCoefficientsOfSimulatedPoissonOutcomesWithinTheirStandardErrors() {
        Random r = new Random(2024);
        int n = 20000;
        double[][] x = design(n, r);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = poisson(r, mean(x, BETA, i));
        }
        WeightEstimator.Estimate e = WeightEstimator.fit(T0, x, y);
        int withinOne = 0;
        for (int j = 0; j < 8; j++) {
            double z = Math.abs(e.beta()[j] - BETA[j]) / e.se()[j];
            assertThat(z).as("%s: beta %f se %f", WeightEstimator.COLUMNS.get(j), e.beta()[j], e.se()[j]).isLessThan(3);
            withinOne += z < 1 ? 1 : 0;
        }
        assertThat(withinOne).as("coefficients within one standard error").isGreaterThanOrEqualTo(4);
        assertThat(e.dispersion()).isCloseTo(1.0, within(0.05));
        assertThat(e.iterations()).isLessThan(30);
        // intervals: exp(beta +- 1.96 se), weight se = w se(beta)
        for (int k = 0; k < 6; k++) {
            double b = e.beta()[k + 2];
            double se = e.se()[k + 2];
            assertThat(e.lower()[k]).isCloseTo(Math.exp(b - 1.959963984540054 * se), within(1e-12));
            assertThat(e.upper()[k]).isCloseTo(Math.exp(b + 1.959963984540054 * se), within(1e-12));
            assertThat(e.weightSe()[k]).isCloseTo(Math.exp(b) * se, within(1e-12));
            assertThat(e.lower()[k]).isLessThan(Math.exp(BETA[k + 2]) * 1.5);
        }
        assertThat(e.nonZero()[0]).isBetween((int) (n * 0.27), (int) (n * 0.33));
    }

    @Test
    void overdispersedOutcomesWidenTheIntervalsByThePearsonDispersion() {
        Random r = new Random(5);
        int n = 20000;
        double[][] x = design(n, r);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 3.0 * poisson(r, mean(x, BETA, i) / 3.0);
        }
        WeightEstimator.Estimate e = WeightEstimator.fit(T0, x, y);
        assertThat(e.dispersion()).isCloseTo(3.0, within(0.2));
        for (int j = 0; j < 8; j++) {
            assertThat(Math.abs(e.beta()[j] - BETA[j]) / e.se()[j]).isLessThan(3.5);
        }
    }

    @Test
    void matchesTheClosedFormOfTwoGroups() {
        // intercept, ln S constant (dropped), alcohol_crime: group means are the fit
        double[] y = {1, 2, 3, 6, 0, 4, 5};
        double[] g = {0, 0, 0, 1, 1, 1, 1};
        double[][] x = {{1, 1, 1, 1, 1, 1, 1}, {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, g};
        WeightEstimator.Estimate e = WeightEstimator.fit(T0, x, y);
        assertThat(e.droppedColumns()).containsExactly("ln_s");
        double m0 = 2;
        double m1 = 15 / 4.0;
        assertThat(e.beta()[0]).isCloseTo(Math.log(m0), within(1e-12));
        assertThat(e.beta()[2]).isCloseTo(Math.log(m1 / m0), within(1e-12));
        double chi2 = 0;
        for (int i = 0; i < y.length; i++) {
            double mu = g[i] == 0 ? m0 : m1;
            chi2 += (y[i] - mu) * (y[i] - mu) / mu;
        }
        assertThat(e.chi2()).isCloseTo(chi2, within(1e-12));
        double phi = chi2 / (7 - 2);
        assertThat(e.dispersion()).isCloseTo(phi, within(1e-12));
        assertThat(e.se()[0]).isCloseTo(Math.sqrt(phi / (3 * m0)), within(1e-10));
        assertThat(e.se()[2]).isCloseTo(Math.sqrt(phi * (1 / (3 * m0) + 1 / (4 * m1))), within(1e-10));
        assertThat(Double.isNaN(e.se()[1])).isTrue();
        assertThat(e.weights().alcoholCrime()).isCloseTo(m1 / m0, within(1e-12));
        assertThat(e.weights().alcoholDependency()).isEqualTo(1.0);
    }

    @Test
    void constantAndCollinearColumnsAreDroppedWithWeightOne() {
        Random r = new Random(3);
        int n = 5000;
        double[][] x = design(n, r);
        java.util.Arrays.fill(x[5], 0); // nobody cocaine positive: constant
        x[7] = x[6].clone(); // freq trend = harm trend: collinear with a column before it
        for (int i = 0; i < n; i++) {
            x[3][i] = x[2][i] - x[4][i]; // alcohol_dependency = alcohol_crime - opiates: collinear with... later columns only
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = poisson(r, mean(x, new double[]{0.2, 0.8, 0.3, 0, 0.5, 0, 0.2, 0}, i));
        }
        WeightEstimator.Estimate e = WeightEstimator.fit(T0, x, y);
        // alcohol_dependency is a combination of a column before it and one after: kept; opiates then is dropped
        assertThat(e.droppedColumns()).containsExactly("opiates_positive", "cocaine_positive", "freq_trend");
        assertThat(e.weights().opiatesPositive()).isEqualTo(1.0);
        assertThat(e.weights().cocainePositive()).isEqualTo(1.0);
        assertThat(e.weights().freqTrend()).isEqualTo(1.0);
        assertThat(e.nonZero()[3]).isZero();
        assertThat(e.toJson().get("dropped")).isEqualTo(java.util.List.of("opiates_positive", "cocaine_positive", "freq_trend"));
        assertThat(WeightEstimator.dropColumns(new double[][]{{1, 1, 1}, {1, 2, 3}, {2, 4, 6.000000000000001}}))
                .containsExactly(false, false, true);
        assertThat(WeightEstimator.dropColumns(new double[][]{{1, 1, 1}, {1, 2, 3}, {2, 4, 6.01}}))
                .containsExactly(false, false, false);
    }

    @Test
    void noConvergenceFailsWithAClearMessageAndNoWeights() {
        // everyone with the alcohol flag has Y = 0: the estimate runs off to minus infinity
        Random r = new Random(4);
        int n = 2000;
        double[][] x = design(n, r);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[2][i] == 1 ? 0 : poisson(r, mean(x, BETA, i));
        }
        assertThatThrownBy(() -> WeightEstimator.fit(T0, x, y))
                .isInstanceOf(WorkbenchException.class)
                .hasMessageContaining("did not converge in 100 iterations")
                .hasMessageContaining("no weights were produced");
        assertThatThrownBy(() -> WeightEstimator.fit(T0, x, new double[n]))
                .isInstanceOf(WorkbenchException.class).hasMessageContaining("offended in the year after");
    }

    @Test
    void theFullPathFitsPersonsWithPositiveSAtTheCalibrationDate() {
        ReferenceScoringTest.World w = new ReferenceScoringTest.World(1500, 8);
        ScoreData d = w.build(Integer.MAX_VALUE);
        LocalDate t0 = LocalDate.of(2022, 1, 1);
        WeightEstimator.Estimate e = WeightEstimator.estimate(d, t0, 365, 730, 365);
        Scores s = Scorer.score(d, t0, 365, 730, 365, Weights.ONE, null);
        int positive = 0;
        for (int p = 0; p < d.persons(); p++) {
            positive += s.s(p) > 0 ? 1 : 0;
        }
        assertThat(e.persons()).isEqualTo(positive);
        assertThat(e.calibrationDate()).isEqualTo(t0);
        // the random world has no relation between flags and outcomes, but the fit is finite and stored whole
        assertThat(e.toJson()).containsKeys("intervals", "counts", "dropped", "dispersion", "coefficients");
    }
}
