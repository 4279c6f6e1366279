package org.iomworkbench.core.link;

import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.util.WorkbenchException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Fits the model on a snapshot's records, with no hand-set weight: u from random pairs; m by EM
 * on each training rule's blocks, each fitting only the fields its blocks do not fix (a rule on
 * names also leaves gender aside, names being gendered), a field's m being the mean over the
 * sessions that fitted it; and the prior from the first session that blocks on one field's exact
 * value: matches in its blocks / P(a match agrees exactly on that field) / all pairs.
 */
final class ModelTraining {
    record Trained(MatchModel model, List<TrainingSession> sessions, long uPairs) {
    }

    private ModelTraining() {
    }

    static Trained train(LinkRecords r, LinkParameters p, Progress progress, Cancellation cancel) {
        if (r.n < 2) {
            throw new WorkbenchException("The snapshot has fewer than two person records; there is nothing to link.",
                    "Load an extract with person records.", true);
        }
        progress.update("Estimating u from random pairs", 0, 3);
        double[][] u = UEstimation.estimate(r, p.uSamplePairs, p.seed, p.minProbability, cancel);
        long uPairs = Math.min(p.uSamplePairs, (long) r.n * (r.n - 1) / 2);
        double[][] mSum = new double[Field.COUNT][];
        int[] fittedBy = new int[Field.COUNT];
        List<TrainingSession> sessions = new ArrayList<>();
        List<ExpectationMaximisation.Fit> fits = new ArrayList<>();
        List<Long> blockPairs = new ArrayList<>();

        // the sessions are independent (each samples its blocks with its own seed): fitted side by
        // side, then taken in their order, so the model is the same whatever the threads
        progress.update("Estimating m by expectation-maximisation (" + String.join(", ", p.trainingRules) + ")", 1, 3);
        cancel.check();
        List<Session> done = IntStream.range(0, p.trainingRules.size()).parallel()
                .mapToObj(i -> session(r, p, u, i)).toList();
        cancel.check();
        for (Session d : done) {
            fits.add(d.fit);
            blockPairs.add(d.total);
            if (d.counts.pairs > 0) {
                for (Field f : d.fitted) {
                    int k = f.ordinal();
                    if (mSum[k] == null) {
                        mSum[k] = new double[f.levelCount()];
                    }
                    for (int l = 0; l < f.levelCount(); l++) {
                        mSum[k][l] += d.fit.m()[k][l];
                    }
                    fittedBy[k]++;
                }
            }
            sessions.add(new TrainingSession(d.rule, List.copyOf(d.fitted), d.total, d.counts.pairs, d.fit.lambda(),
                    d.fit.iterations(), d.fit.converged()));
        }
        double[][] m = new double[Field.COUNT][];
        for (Field f : Field.ALL) {
            int k = f.ordinal();
            if (fittedBy[k] == 0) {
                throw new WorkbenchException("No training rule estimates the m values of " + f.label() + ".",
                        "Add a training rule that does not block on " + f.label() + ".", true);
            }
            m[k] = new double[f.levelCount()];
            for (int l = 0; l < f.levelCount(); l++) {
                m[k][l] = mSum[k][l] / fittedBy[k];
            }
            m[k][0] = 1;
        }
        double prior = prior(r, p, fits, blockPairs, m);
        return new Trained(new MatchModel(m, u, prior), sessions, uPairs);
    }

    private record Session(String rule, Set<Field> fitted, ExpectationMaximisation.PatternCounts counts, long total,
                           ExpectationMaximisation.Fit fit) {
    }

    /** Training session {@code i}: the pairs of its rule's blocks sampled with seed + 1000 (i + 1), and EM on them. */
    private static Session session(LinkRecords r, LinkParameters p, double[][] u, int i) {
        String text = p.trainingRules.get(i);
        BlockingRule rule = BlockingRule.parse(text);
        Set<Field> fitted = EnumSet.allOf(Field.class);
        Set<Field> fixed = rule.fields();
        fitted.removeAll(fixed);
        if (fixed.contains(Field.SURNAME) || fixed.contains(Field.FORENAMES)) {
            fitted.remove(Field.GENDER);
        }
        ExpectationMaximisation.PatternCounts counts = new ExpectationMaximisation.PatternCounts(new Comparisons(r));
        long total = Blocking.sample(r, rule, p.emSamplePairs, new SplittableRandom(p.seed + 1000L * (i + 1)), counts);
        ExpectationMaximisation.Fit fit = ExpectationMaximisation.fit(counts, u, fitted, p.minProbability);
        return new Session(text, fitted, counts, total, fit);
    }

    private static double prior(LinkRecords r, LinkParameters p, List<ExpectationMaximisation.Fit> fits,
                                List<Long> blockPairs, double[][] m) {
        double allPairs = (double) r.n * (r.n - 1) / 2;
        for (int s = 0; s < p.trainingRules.size(); s++) {
            Field f = BlockingRule.parse(p.trainingRules.get(s)).exactField();
            if (f == null || blockPairs.get(s) == 0) {
                continue;
            }
            double present = presentShare(r, f);
            double agree = present * present * m[f.ordinal()][Field.EXACT];
            if (agree <= 0) {
                continue;
            }
            double matches = fits.get(s).lambda() * blockPairs.get(s) / agree;
            return Math.min(0.5, Math.max(1 / allPairs, matches / allPairs));
        }
        throw new WorkbenchException("No training rule blocks on a single field's exact value, so the prior cannot be estimated.",
                "Add a training rule such as dob.", true);
    }

    static double presentShare(LinkRecords r, Field f) {
        long present = 0;
        for (int i = 0; i < r.n; i++) {
            boolean has = switch (f) {
                case SURNAME -> r.surname[i] != LinkRecords.NONE;
                case FORENAMES -> r.forename1[i] != LinkRecords.NONE;
                case DOB -> r.dob[i] != LinkRecords.NONE;
                case GENDER -> r.gender[i] != 0;
                case POSTCODE -> r.postcode[i] != LinkRecords.NONE;
                case PNC -> r.pnc[i] != LinkRecords.NONE;
                case SOURCE -> true;
                case EVENTS -> r.eventDays[i] != null;
            };
            if (has) {
                present++;
            }
        }
        return (double) present / r.n;
    }
}
