package org.iomworkbench.core.model.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BinaryMetricsTest {
    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void aucCountsTiesAsOneHalf() {
        // pairs (pos, neg): (0.8,0.3)=1 (0.8,0.5)=1 (0.5,0.3)=1 (0.5,0.5)=0.5 -> 3.5 / 4
        double[] s = {0.8, 0.5, 0.5, 0.3};
        boolean[] y = {T, T, F, F};
        assertThat(BinaryMetrics.auc(s, y)).isEqualTo(0.875);
        assertThat(BinaryMetrics.auc(new double[]{1, 2}, new boolean[]{T, T})).isNaN();
    }

    @Test
    void aucAndAveragePrecisionEqualBruteForceWithManyTies() {
        SplittableRandom r = new SplittableRandom(3);
        for (int rep = 0; rep < 20; rep++) {
            int n = 50 + r.nextInt(200);
            double[] s = new double[n];
            boolean[] y = new boolean[n];
            for (int i = 0; i < n; i++) {
                s[i] = r.nextInt(12) / 4.0;
                y[i] = r.nextDouble() < 0.2 + 0.05 * s[i];
            }
            double num = 0;
            double den = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (y[i] && !y[j]) {
                        den++;
                        num += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    }
                }
            }
            assertThat(BinaryMetrics.auc(s, y)).isCloseTo(num / den, within(1e-12));
            // average precision: sum over distinct thresholds of (R_k - R_k-1) P_k
            double ap = 0;
            double lastR = 0;
            long pos = 0;
            for (boolean b : y) {
                pos += b ? 1 : 0;
            }
            double[] distinct = java.util.Arrays.stream(s).distinct().sorted().toArray();
            for (int k = distinct.length - 1; k >= 0; k--) {
                Confusion c = Confusion.at(s, y, distinct[k]);
                double rec = (double) c.tp() / pos;
                ap += (rec - lastR) * c.ppv();
                lastR = rec;
            }
            assertThat(BinaryMetrics.averagePrecision(s, y)).isCloseTo(ap, within(1e-12));
        }
    }

    @Test
    void confusionFlagsAtOrAboveTheThresholdAndLeavesUndefinedRatesNull() {
        double[] s = {0.9, 0.5, 0.5, 0.1};
        boolean[] y = {T, F, T, F};
        Confusion c = Confusion.at(s, y, 0.5);
        assertThat(c).isEqualTo(new Confusion(2, 1, 1, 0));
        assertThat(c.specificity()).isEqualTo(0.5);
        assertThat(c.sensitivity()).isEqualTo(1.0);
        assertThat(c.ppv()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(c.npv()).isEqualTo(1.0);
        Confusion none = Confusion.at(s, y, 2);
        assertThat(none.ppv()).isNull();
        assertThat(none.flagged()).isZero();
    }

    @Test
    void sweepAgreesWithConfusionAndMeetsTheTargetSpecificityByConstruction() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 2000;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.1;
            s[i] = Math.round((r.nextGaussian() + (y[i] ? 1.2 : 0)) * 20) / 20.0;
        }
        ThresholdSweep sweep = new ThresholdSweep(s, y);
        for (int k = 0; k < 50; k++) {
            double t = r.nextGaussian();
            assertThat(sweep.at(t)).isEqualTo(Confusion.at(s, y, t));
        }
        for (double target : new double[]{0.8, 0.9, 0.95, 0.99}) {
            double t = sweep.thresholdForSpecificity(target);
            assertThat(sweep.at(t).specificity()).isGreaterThanOrEqualTo(target);
            // the next lower distinct score would miss it: t is the lowest that meets it
            double[] d = sweep.distinctScores();
            int i = java.util.Arrays.binarySearch(d, t);
            if (i > 0) {
                assertThat(sweep.at(d[i - 1]).specificity()).isLessThan(target);
            }
        }
        List<ThresholdSweep.Point> roc = sweep.roc();
        assertThat(roc.get(0).x()).isZero();
        assertThat(roc.get(roc.size() - 1).x()).isEqualTo(1.0);
        assertThat(roc.get(roc.size() - 1).y()).isEqualTo(1.0);
    }

    @Test
    void calibrationBinsAndExpectedCalibrationError() {
        double[] p = {0.05, 0.05, 0.95, 0.95, 1.0};
        boolean[] y = {F, T, T, T, T};
        var bins = Calibration.bins(p, y, 10);
        assertThat(bins.get(0).n()).isEqualTo(2);
        assertThat(bins.get(0).observedRate()).isEqualTo(0.5);
        assertThat(bins.get(9).n()).isEqualTo(3);
        // ece = 2/5 * |0.5 - 0.05| + 3/5 * |1 - 0.9666..|
        assertThat(Calibration.ece(p, y, 10)).isCloseTo(0.4 * 0.45 + 0.6 * (1 - (0.95 + 0.95 + 1.0) / 3), within(1e-12));
        assertThat(BinaryMetrics.brier(new double[]{0.2, 0.9}, new boolean[]{F, T})).isCloseTo((0.04 + 0.01) / 2, within(1e-15));
    }

    @Test
    void isotonicIsMonotoneAndPoolsViolators() {
        double[] s = {1, 2, 3, 4, 5, 6};
        boolean[] y = {F, T, F, F, T, T};
        IsotonicCalibration iso = IsotonicCalibration.fit(s, y);
        // blocks: {1}=0, {2,3,4}=1/3, {5}=1, {6}=1
        assertThat(iso.apply(1)).isZero();
        assertThat(iso.apply(3)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(iso.apply(5.5)).isEqualTo(1.0);
        assertThat(iso.apply(-10)).isZero();
        double last = -1;
        for (double x = 0; x <= 7; x += 0.25) {
            assertThat(iso.apply(x)).isGreaterThanOrEqualTo(last);
            last = iso.apply(x);
        }
        assertThat(Calibrator.fromJson(iso.toJson()).apply(3)).isEqualTo(iso.apply(3));
    }

    @Test
    void plattRecoversAKnownLogisticRelation() {
        SplittableRandom r = new SplittableRandom(9);
        int n = 20000;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextDouble() * 6 - 3; // a raw score, not a probability
            y[i] = r.nextDouble() < PlattScaling.sigmoid(1.5 * s[i] - 0.5);
        }
        PlattScaling p = PlattScaling.fit(s, y);
        assertThat(p.a()).isCloseTo(1.5, within(0.1));
        assertThat(p.b()).isCloseTo(-0.5, within(0.1));
        assertThat(Calibrator.fromJson(p.toJson()).apply(0.7)).isEqualTo(p.apply(0.7));
    }

    @Test
    void bootstrapIsDeterministicAndItsIntervalsCoverTheTruthAtAboutTheNominalRate() {
        SplittableRandom r = new SplittableRandom(11);
        // scores of negatives uniform on [0, 1]: the true specificity at threshold 0.9 is 0.9
        int covered = 0;
        int sets = 200;
        for (int k = 0; k < sets; k++) {
            int n = 400;
            double[] s = new double[n];
            boolean[] y = new boolean[n];
            for (int i = 0; i < n; i++) {
                y[i] = r.nextDouble() < 0.2;
                s[i] = y[i] ? Math.min(1, r.nextDouble() + 0.3) : r.nextDouble();
            }
            Bootstrap.Result b = Bootstrap.run(s, y, 0.9, 0.9, 300, k);
            if (b.specificity().lo() <= 0.9 && 0.9 <= b.specificity().hi()) {
                covered++;
            }
        }
        double coverage = (double) covered / sets;
        System.out.printf("bootstrap 95%% interval coverage of the true specificity: %.3f over %d data sets%n", coverage, sets);
        assertThat(coverage).isBetween(0.88, 0.99);

        double[] s = {0.1, 0.4, 0.35, 0.8, 0.7, 0.2};
        boolean[] y = {F, F, T, T, T, F};
        assertThat(Bootstrap.run(s, y, 0.5, 0.9, 200, 42)).isEqualTo(Bootstrap.run(s, y, 0.5, 0.9, 200, 42));
    }

    @Test
    void pairedAucDifferenceSeesWhatTwoSeparateIntervalsCannot() {
        // b is a's score plus noise: the two AUCs' own intervals overlap, but paired resamples show a ahead
        SplittableRandom r = new SplittableRandom(21);
        int n = 3000;
        double[] a = new double[n];
        double[] b = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.1;
            a[i] = (y[i] ? 1.2 : 0) + r.nextGaussian();
            b[i] = a[i] + 0.3 * r.nextGaussian();
        }
        Bootstrap.Difference d = Bootstrap.aucDifference(a, b, y, 400, 9);
        assertThat(d.auc()).isCloseTo(BinaryMetrics.auc(a, y) - BinaryMetrics.auc(b, y), within(1e-12)).isPositive();
        assertThat(d.interval().lo()).isPositive();
        assertThat(d.interval().hi()).isGreaterThan(d.auc());
        assertThat(d.pAHigher()).isGreaterThan(0.975);
        Bootstrap.Interval ia = Bootstrap.run(a, y, 0.5, 0.9, 400, 9).auc();
        Bootstrap.Interval ib = Bootstrap.run(b, y, 0.5, 0.9, 400, 9).auc();
        assertThat(ia.lo()).isLessThan(ib.hi()); // separately, the intervals overlap
        // a score against itself: no difference in any resample
        Bootstrap.Difference same = Bootstrap.aucDifference(a, a, y, 100, 9);
        assertThat(same.auc()).isZero();
        assertThat(same.interval().lo()).isZero();
        assertThat(same.interval().hi()).isZero();
        assertThat(same.pAHigher()).isZero();
        assertThat(Bootstrap.aucDifference(a, b, y, 100, 3)).isEqualTo(Bootstrap.aucDifference(a, b, y, 100, 3));
        // the per-resample AUCs are run's own resamples, and make the same comparison when drawn once each
        assertThat(Bootstrap.interval(Bootstrap.aucs(a, y, 400, 9))).isEqualTo(ia);
        assertThat(Bootstrap.difference(d.auc(), Bootstrap.aucs(a, y, 400, 9), Bootstrap.aucs(b, y, 400, 9))).isEqualTo(d);
    }

    @Test
    void multiClassTopKMacroF1AndConfusion() {
        int[] truth = {0, 1, 2, 2};
        double[][] p = {{0.6, 0.3, 0.1}, {0.5, 0.4, 0.1}, {0.2, 0.3, 0.5}, {0.4, 0.35, 0.25}};
        MultiClassMetrics m = MultiClassMetrics.of(truth, p, 3);
        assertThat(m.top1()).isEqualTo(0.5); // rows 0 and 2
        assertThat(m.top3()).isEqualTo(1.0);
        // class 0: P=1/3 R=1 F1=0.5; class 1: P=0 (never predicted) R=0 F1=0; class 2: P=1 R=0.5 F1=2/3
        assertThat(m.macroF1()).isCloseTo((0.5 + 0 + 2.0 / 3) / 3, within(1e-12));
        assertThat(m.confusion()[2][0]).isEqualTo(1);
        assertThat(MultiClassMetrics.topK(new double[]{0.2, 0.4, 0.4}, 2)).containsExactly(1, 2);
    }

    @Test
    void curveBandsHoldTheCurveAndAreReproducible() {
        SplittableRandom r = new SplittableRandom(13);
        int n = 1500;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.15;
            s[i] = r.nextGaussian() + (y[i] ? 1 : 0);
        }
        double[] grid = {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1};
        double[][] roc = Bootstrap.rocBand(s, y, grid, 200, 5);
        double[][] pr = Bootstrap.precisionRecallBand(s, y, grid, 200, 5);
        ThresholdSweep sweep = new ThresholdSweep(s, y);
        for (int g = 1; g < grid.length - 1; g++) {
            // the curve's own true positive rate at that false positive rate lies inside the band
            double fpr = grid[g];
            double tpr = sweep.roc().stream().filter(p -> p.x() <= fpr + 1e-12).mapToDouble(ThresholdSweep.Point::y).max().orElse(0);
            assertThat(tpr).isBetween(roc[0][g], roc[1][g]);
            assertThat(roc[0][g]).isLessThanOrEqualTo(roc[1][g]);
            assertThat(pr[0][g]).isLessThanOrEqualTo(pr[1][g]);
        }
        assertThat(Bootstrap.rocBand(s, y, grid, 200, 5)[0]).containsExactly(roc[0]);
    }

    @Test
    void publishedValues() {
        // scikit-learn's documentation examples: roc_auc_score, average_precision_score, brier_score_loss
        double[] s = {0.1, 0.4, 0.35, 0.8};
        boolean[] y = {F, F, T, T};
        assertThat(BinaryMetrics.auc(s, y)).isEqualTo(0.75);
        assertThat(BinaryMetrics.averagePrecision(s, y)).isCloseTo(0.8333333333333333, within(1e-15));
        assertThat(BinaryMetrics.brier(new double[]{0.1, 0.9, 0.8, 0.3}, new boolean[]{F, T, T, F}))
                .isCloseTo(0.0375, within(1e-15));
        // Mann–Whitney on a small sample: positives {3, 4, 6} beat negatives {1, 2, 5} in 7 of 9 pairs
        assertThat(BinaryMetrics.auc(new double[]{1, 2, 5, 3, 4, 6}, new boolean[]{F, F, F, T, T, T}))
                .isCloseTo(7.0 / 9, within(1e-15));
    }
}
