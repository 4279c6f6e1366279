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
    int[] a;
    int[] b;
    int[] pattern;
    double[] weight;
    byte[] rule;

    PairScorer(LinkRecords r, MatchModel model, double keepWeight) {
        this(r, model, keepWeight, 256);
    }

    /** With room for {@code capacity} pairs before its arrays grow. */
    PairScorer(LinkRecords r, MatchModel model, double keepWeight, int capacity) {
        this.cmp = new Comparisons(r);
        this.model = model;
        this.priorWeight = model.priorWeight();
        this.keepWeight = keepWeight;
        int cap = Math.max(16, capacity);
        a = new int[cap];
        b = new int[cap];
        pattern = new int[cap];
        weight = new double[cap];
        rule = new byte[cap];
    }

    /**
     * A chunk's pairs are all in: its arrays give back their spare room (up to half of them, as
     * they grow by doubling), so that the chunks waiting to be collected hold only their pairs.
     */
    @Override
    public void done() {
        if (size < a.length) {
            resize(size);
        }
    }

    private void resize(int cap) {
        a = Arrays.copyOf(a, cap);
        b = Arrays.copyOf(b, cap);
        pattern = Arrays.copyOf(pattern, cap);
        weight = Arrays.copyOf(weight, cap);
        rule = Arrays.copyOf(rule, cap);
    }

    /** Appends another scorer's pairs, in their order (histograms are not merged). */
    void addAll(PairScorer other) {
        int n = other.size;
        if (size + n > a.length) {
            resize(Math.max(size + n, a.length * 2));
        }
        System.arraycopy(other.a, 0, a, size, n);
        System.arraycopy(other.b, 0, b, size, n);
        System.arraycopy(other.pattern, 0, pattern, size, n);
        System.arraycopy(other.weight, 0, weight, size, n);
        System.arraycopy(other.rule, 0, rule, size, n);
        size += n;
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
            resize(Math.max(16, size * 2));
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
