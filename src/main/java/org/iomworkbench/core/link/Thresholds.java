package org.iomworkbench.core.link;

import java.util.Arrays;

/**
 * The two thresholds, as match weights and as the posterior match probabilities of the fitted
 * model. The rule: the lower threshold is {@code lowerProbability} (default 0.5: below it a match
 * is less likely than not, and the pair is not linked). The upper threshold, unless fixed by
 * {@code upperProbability}, is chosen from the data: the lowest weight at which the model still
 * expects at least {@code expectedPrecision} (default 0.998) of all the pairs at or above it to be
 * true matches (the expected share of false links is the mean of {@code 1 - p} over those pairs),
 * kept between the lower threshold and probability 0.99. Pairs at or above it are linked; pairs
 * between the two wait for the analyst.
 */
public record Thresholds(double lowerProbability, double upperProbability, double lowerWeight, double upperWeight,
                         boolean upperFromData) {
    static final double MAX_UPPER_PROBABILITY = 0.99;

    /** The thresholds for scored pairs with these match weights (only those at or above the lower threshold matter). */
    static Thresholds choose(LinkParameters p, double[] weights, int count) {
        double lower = MatchModel.weightOf(p.lowerProbability);
        if (p.upperProbability != null) {
            return new Thresholds(p.lowerProbability, p.upperProbability, lower, MatchModel.weightOf(p.upperProbability), false);
        }
        double cap = MatchModel.weightOf(MAX_UPPER_PROBABILITY);
        double[] w = Arrays.copyOf(weights, count);
        Arrays.sort(w);
        double expectedFalse = 0;
        long n = 0;
        double upper = cap;
        for (int k = w.length - 1; k >= 0 && w[k] >= lower; k--) {
            expectedFalse += 1 - MatchModel.probability(w[k]);
            n++;
            if (expectedFalse / n <= 1 - p.expectedPrecision) {
                upper = Math.min(upper, w[k]);
            } else {
                break;
            }
        }
        upper = Math.max(lower, Math.min(cap, upper));
        return new Thresholds(p.lowerProbability, MatchModel.probability(upper), lower, upper, true);
    }

    PairStatus status(double matchWeight) {
        return matchWeight >= upperWeight ? PairStatus.LINKED : matchWeight >= lowerWeight ? PairStatus.QUEUED
                : PairStatus.REJECTED;
    }
}
