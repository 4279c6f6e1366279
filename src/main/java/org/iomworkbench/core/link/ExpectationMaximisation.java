package org.iomworkbench.core.link;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Estimates m (the distribution of comparison levels among true matches) and the share of
 * matches by expectation-maximisation over the comparison patterns of blocked pairs, with u held
 * at its random-sample estimate (Fellegi-Sunter with conditional independence, as in Splink).
 * Only the fields a training block does not fix are fitted; the pairs are aggregated by pattern,
 * so each iteration costs the number of distinct patterns, not pairs.
 */
final class ExpectationMaximisation {
    static final int MAX_ITERATIONS = 500;
    static final double TOLERANCE = 1e-7;

    /** Comparison patterns and how many pairs showed each. */
    static final class PatternCounts implements Blocking.PairSink {
        private final Map<Integer, long[]> counts = new HashMap<>();
        private final Comparisons cmp;
        long pairs;

        PatternCounts(Comparisons cmp) {
            this.cmp = cmp;
        }

        @Override
        public void pair(int a, int b, int rule) {
            add(cmp.pattern(a, b), 1);
        }

        void add(int pattern, long n) {
            counts.computeIfAbsent(pattern, k -> new long[1])[0] += n;
            pairs += n;
        }

        int[] patterns() {
            int[] p = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(p);
            return p;
        }

        long count(int pattern) {
            long[] c = counts.get(pattern);
            return c == null ? 0 : c[0];
        }
    }

    /** The fitted m of the trained fields (others null), the share of matches among the pairs, and the iterations run. */
    record Fit(double[][] m, double lambda, int iterations, boolean converged) {
    }

    private ExpectationMaximisation() {
    }

    static double[][] initialM() {
        double[][] m = new double[Field.COUNT][];
        for (Field f : Field.ALL) {
            int levels = f.levelCount();
            m[f.ordinal()] = new double[levels];
            m[f.ordinal()][0] = 1;
            m[f.ordinal()][1] = 0.9;
            for (int l = 2; l < levels; l++) {
                m[f.ordinal()][l] = 0.1 / (levels - 2);
            }
        }
        return m;
    }

    static Fit fit(PatternCounts data, double[][] u, Set<Field> trained, double minProbability) {
        int[] patterns = data.patterns();
        double[] count = new double[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            count[i] = data.count(patterns[i]);
        }
        double[][] m = initialM();
        double lambda = 0.3;
        boolean[] on = new boolean[Field.COUNT];
        for (Field f : trained) {
            on[f.ordinal()] = true;
        }
        double total = Arrays.stream(count).sum();
        if (total == 0 || trained.isEmpty()) {
            return new Fit(m, 0, 0, false);
        }
        int iter = 0;
        boolean converged = false;
        while (iter < MAX_ITERATIONS && !converged) {
            iter++;
            double[][] num = new double[Field.COUNT][];
            for (Field f : Field.ALL) {
                num[f.ordinal()] = new double[f.levelCount()];
            }
            double matches = 0;
            for (int i = 0; i < patterns.length; i++) {
                double pm = lambda;
                double pu = 1 - lambda;
                for (int k = 0; k < Field.COUNT; k++) {
                    if (!on[k]) {
                        continue;
                    }
                    int level = (patterns[i] >>> (4 * k)) & 0xF;
                    if (level != Field.MISSING) {
                        pm *= m[k][level];
                        pu *= u[k][level];
                    }
                }
                double p = pm + pu > 0 ? pm / (pm + pu) : 0;
                double w = p * count[i];
                matches += w;
                for (int k = 0; k < Field.COUNT; k++) {
                    if (on[k]) {
                        num[k][(patterns[i] >>> (4 * k)) & 0xF] += w;
                    }
                }
            }
            double change = Math.abs(matches / total - lambda);
            lambda = matches / total;
            for (int k = 0; k < Field.COUNT; k++) {
                if (!on[k]) {
                    continue;
                }
                double present = 0;
                for (int l = 1; l < num[k].length; l++) {
                    present += num[k][l];
                }
                if (present <= 0) {
                    continue;
                }
                double norm = 0;
                double[] next = new double[num[k].length];
                next[0] = 1;
                for (int l = 1; l < num[k].length; l++) {
                    next[l] = Math.max(minProbability, num[k][l] / present);
                    norm += next[l];
                }
                for (int l = 1; l < num[k].length; l++) {
                    next[l] /= norm;
                    change = Math.max(change, Math.abs(next[l] - m[k][l]));
                }
                m[k] = next;
            }
            converged = change < TOLERANCE;
        }
        double[][] out = new double[Field.COUNT][];
        for (Field f : trained) {
            out[f.ordinal()] = m[f.ordinal()];
        }
        return new Fit(out, lambda, iter, converged);
    }
}
