package org.iomworkbench.core.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted Fellegi-Sunter model: per field and level the probability of that level among true
 * matches ({@code m}) and among non-matches ({@code u}), and the prior: the probability that two
 * records drawn at random are the same person. A pair's match weight is
 * {@code log2(prior / (1 - prior)) + sum over fields of log2(m / u)} (missing levels add 0), plus
 * the term-frequency adjustments of exact matches; its match probability is
 * {@code 2^w / (1 + 2^w)}.
 */
public final class MatchModel {
    final double[][] m;
    final double[][] u;
    final double prior;
    final double[][] weight;
    private TermFrequencies tf;

    MatchModel(double[][] m, double[][] u, double prior) {
        this.m = m;
        this.u = u;
        this.prior = prior;
        this.weight = new double[Field.COUNT][];
        for (Field f : Field.ALL) {
            int k = f.ordinal();
            weight[k] = new double[f.levelCount()];
            for (int l = 1; l < f.levelCount(); l++) {
                weight[k][l] = TermFrequencies.log2(m[k][l] / u[k][l]);
            }
        }
    }

    MatchModel withTermFrequencies(TermFrequencies t) {
        this.tf = t;
        return this;
    }

    public double prior() {
        return prior;
    }

    /** log2 of the prior odds: the match weight of a pair about which nothing is known. */
    public double priorWeight() {
        return TermFrequencies.log2(prior / (1 - prior));
    }

    public double m(Field f, int level) {
        return m[f.ordinal()][level];
    }

    public double u(Field f, int level) {
        return u[f.ordinal()][level];
    }

    public double weight(Field f, int level) {
        return weight[f.ordinal()][level];
    }

    /** Every field's levels with m, u and weight, for display. */
    public List<LevelEstimate> levels() {
        List<LevelEstimate> out = new ArrayList<>();
        for (Field f : Field.ALL) {
            for (int l = 0; l < f.levelCount(); l++) {
                out.add(new LevelEstimate(f, l, f.levels().get(l), l == 0 ? Double.NaN : m(f, l),
                        l == 0 ? Double.NaN : u(f, l), weight(f, l)));
            }
        }
        return out;
    }

    /**
     * The sum of the fields' contributions (the log2 Bayes factor, without the prior), each
     * field's contribution written to {@code out} when it is not null.
     */
    double evidence(int a, int b, int pattern, double[] out) {
        double sum = 0;
        for (int k = 0; k < Field.COUNT; k++) {
            int level = (pattern >>> (4 * k)) & 0xF;
            double w = weight[k][level];
            if (tf != null && level != Field.MISSING) {
                w += termFrequency(k, level, a, b, pattern);
            }
            if (out != null) {
                out[k] = w;
            }
            sum += w;
        }
        return sum;
    }

    /**
     * The term-frequency adjustment of one field's level (see {@link TermFrequencies}): exact
     * agreements by their value's frequency, with the full-name correction shared between surname
     * and forenames when both agree; near agreements by the more common of the two values.
     */
    private double termFrequency(int k, int level, int a, int b, int pattern) {
        if (k == Field.SURNAME.ordinal()) {
            if (level == Field.EXACT) {
                return tf.surname[a] + fullNameShare(pattern, a);
            }
            if (level >= Field.SN_JW_HIGH && level <= Field.SN_JW_LOW) {
                return Math.min(tf.surname[a], tf.surname[b]);
            }
        } else if (k == Field.FORENAMES.ordinal()) {
            if (level == Field.EXACT) {
                return tf.forenames[a] + fullNameShare(pattern, a);
            }
            if (level == Field.FN_FIRST) {
                return tf.forename[a] + fullNameShare(pattern, a);
            }
            if (level >= Field.FN_NICKNAME && level <= Field.FN_JW_LOW) {
                return Math.min(tf.forename[a], tf.forename[b]);
            }
        } else if (k == Field.DOB.ordinal()) {
            if (level == Field.EXACT) {
                return tf.dob[a];
            }
            if ((level == Field.DOB_SWAPPED || level == Field.DOB_ONE_DIGIT)) {
                return Math.min(tf.dob[a], tf.dob[b]);
            }
        }
        return 0;
    }

    /** Half the full-name correction, when surname and forenames both agree exactly (or on the first forename). */
    private double fullNameShare(int pattern, int a) {
        if (Field.SURNAME.levelOf(pattern) != Field.EXACT) {
            return 0;
        }
        int fn = Field.FORENAMES.levelOf(pattern);
        return fn == Field.EXACT ? tf.fullName[a] / 2 : fn == Field.FN_FIRST ? tf.firstName[a] / 2 : 0;
    }

    /**
     * The evidence of the records' own values, i.e. {@link #evidence} without the source-system
     * field: what says whether two records contradict each other (two records of one system are
     * less often one person, but that alone never makes them contradict).
     */
    double attributeEvidence(int a, int b, int pattern) {
        int k = Field.SOURCE.ordinal();
        return evidence(a, b, pattern, null) - weight[k][(pattern >>> (4 * k)) & 0xF];
    }

    public static double probability(double matchWeight) {
        double odds = Math.pow(2, matchWeight);
        return Double.isInfinite(odds) ? 1.0 : odds / (1 + odds);
    }

    public static double weightOf(double probability) {
        return TermFrequencies.log2(probability / (1 - probability));
    }

    Map<String, Object> toJson() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("prior", prior);

        Map<String, Object> fields = new LinkedHashMap<>();
        for (Field f : Field.ALL) {
            fields.put(f.name(), Map.of("m", m[f.ordinal()], "u", u[f.ordinal()]));
        }
        j.put("fields", fields);
        return j;
    }

    @SuppressWarnings("unchecked")
    static MatchModel fromJson(Map<String, Object> j) {
        double prior = ((Number) j.get("prior")).doubleValue();
        Map<String, Object> fields = (Map<String, Object>) j.get("fields");
        double[][] m = new double[Field.COUNT][];
        double[][] u = new double[Field.COUNT][];
        for (Field f : Field.ALL) {
            Map<String, Object> fm = (Map<String, Object>) fields.get(f.name());
            if (fm == null) {
                // a run stored before the field existed: it carried no evidence then
                m[f.ordinal()] = new double[f.levelCount()];
                u[f.ordinal()] = new double[f.levelCount()];
                java.util.Arrays.fill(m[f.ordinal()], 1.0);
                java.util.Arrays.fill(u[f.ordinal()], 1.0);
                continue;
            }
            m[f.ordinal()] = toArray((List<Number>) fm.get("m"));
            u[f.ordinal()] = toArray((List<Number>) fm.get("u"));
        }
        return new MatchModel(m, u, prior);
    }

    private static double[] toArray(List<Number> xs) {
        double[] d = new double[xs.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = xs.get(i) == null ? Double.NaN : xs.get(i).doubleValue();
        }
        return d;
    }

    /** One comparison level's estimates. */
    public record LevelEstimate(Field field, int level, String name, double m, double u, double weight) {
    }
}
