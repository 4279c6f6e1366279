package org.iomworkbench.core.link;

import java.util.Arrays;

/**
 * Scores the candidate pairs of one chunk of blocks: the comparison pattern, the match weight
 * (prior + fields + term frequencies) into the histogram; keeps the pairs the run needs (at or
 * above the lower threshold, or sharing a PNC) in primitive arrays.
 */
final class PairScorer implements Blocking.PairSink {
    private final Comparisons cmp;
    private final MatchModel model;
    private final double priorWeight;
    private final double keepWeight;
    final WeightHistogram histogram = new WeightHistogram();
    int size;
    int[] a = new int[256];
    int[] b = new int[256];
    int[] pattern = new int[256];
    double[] weight = new double[256];
    byte[] rule = new byte[256];

    PairScorer(LinkRecords r, MatchModel model, double keepWeight) {
        this.cmp = new Comparisons(r);
        this.model = model;
        this.priorWeight = model.priorWeight();
        this.keepWeight = keepWeight;
    }

    @Override
    public void pair(int x, int y, int ruleNo) {
        int p = cmp.pattern(x, y);
        double w = priorWeight + model.evidence(x, y, p, null);
        histogram.add(w);
        if (w >= keepWeight || Field.PNC.levelOf(p) == Field.EXACT || nameOnly(p)) {
            add(x, y, p, w, ruleNo);
        }
    }

    /**
     * A pair whose full name agrees exactly while the dates of birth do not disagree (one is
     * missing, or they are equal, swapped or one digit apart) and nothing else contradicts (PNC,
     * gender): kept even below the lower threshold, because its evidence is re-weighed once the
     * first clusters show how many other persons carry the name (see {@link LinkRun}).
     */
    static boolean nameOnly(int p) {
        int fn = Field.FORENAMES.levelOf(p);
        return Field.SURNAME.levelOf(p) == Field.EXACT && (fn == Field.EXACT || fn == Field.FN_FIRST)
                && Field.DOB.levelOf(p) < Field.DOB_SAME_YEAR && Field.PNC.levelOf(p) != Field.PNC_DIFFERENT
                && Field.GENDER.levelOf(p) != Field.GENDER_DIFFERENT;
    }

    void add(int x, int y, int p, double w, int ruleNo) {
        if (size == a.length) {
            int cap = size * 2;
            a = Arrays.copyOf(a, cap);
            b = Arrays.copyOf(b, cap);
            pattern = Arrays.copyOf(pattern, cap);
            weight = Arrays.copyOf(weight, cap);
            rule = Arrays.copyOf(rule, cap);
        }
        a[size] = x;
        b[size] = y;
        pattern[size] = p;
        weight[size] = w;
        rule[size] = (byte) ruleNo;
        size++;
    }

    MatchModel model() {
        return model;
    }

    /** Scores one pair outside blocking (an analyst's decision, a pair within a cluster). */
    int patternOf(int x, int y) {
        return cmp.pattern(x, y);
    }
}
