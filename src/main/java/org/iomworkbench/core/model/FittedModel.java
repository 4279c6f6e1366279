package org.iomworkbench.core.model;

import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.type.StructType;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * A fitted Smile model with what it needs to score new rows: the standardisation (logistic
 * regression), the input names (tree models read a data frame), and for a multi-class model the
 * crime group of each of its classes. Serialisable as a whole: stored as a file with the run.
 */
final class FittedModel implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static final String LOGISTIC = "logistic_regression";
    static final String FOREST = "random_forest";
    static final String BOOSTING = "gradient_boosting";
    static final String MULTINOMIAL = "multinomial_logistic_regression";

    final String kind;
    final Object model;
    final double[] mean;
    final double[] sd;
    final String[] names;
    /** Multi-class: the crime-group index of each class of the model; binary: null. */
    final int[] classes;
    final Map<String, Object> parameters;

    private FittedModel(String kind, Object model, Standardizer z, String[] names, int[] classes,
                        Map<String, Object> parameters) {
        this.kind = kind;
        this.model = model;
        this.mean = z == null ? null : z.mean;
        this.sd = z == null ? null : z.sd;
        this.names = names;
        this.classes = classes;
        this.parameters = parameters;
    }

    // ------------------------------------------------------------------ binary

    static FittedModel logistic(double[][] x, boolean[] y, double lambda, int maxIterations) {
        Standardizer z = Standardizer.fit(x);
        LogisticRegression.Binomial m = LogisticRegression.binomial(z.apply(x), ints(y), lambda, 1e-6, maxIterations);
        return new FittedModel(LOGISTIC, m, z, null, null, params("lambda", lambda, "max_iterations", maxIterations));
    }

    /**
     * Random forest. Smile's class weights made the trees degenerate at a few percent positives
     * (every tree a single leaf: tried; they thin the class out rather than weigh it), so, as for
     * boosting, each positive counts as many times as the classes need to weigh alike
     * ({@link Balanced}); calibration on the validation year puts the probabilities right. Grown by
     * {@link Trees#forest} from Smile's trees on the weighted rows.
     */
    static FittedModel forest(double[][] x, boolean[] y, String[] names, int trees, int nodeSize, int maxNodes, long seed,
                              double balance, double negativesPerPositive) {
        Balanced b = Balanced.of(x, y, balance, negativesPerPositive, seed);
        int mtry = Math.max(1, (int) Math.floor(Math.sqrt(names.length)));
        Trees.Forest m = Trees.forest(b.x, b.y, b.weight, names, mtry, 20, maxNodes, nodeSize,
                LongStream.range(0, trees).map(k -> seed * 31 + k).toArray());
        return new FittedModel(FOREST, m, null, names, null,
                params("trees", trees, "mtry", mtry, "node_size", nodeSize, "max_nodes", maxNodes, "positive_copies", b.copies,
                        "negatives_kept", b.negativesKept));
    }

    /**
     * The rows for the tree models: the negatives all kept or, with a ratio, a seeded sample of
     * them without replacement, and every positive, in the rows' own order; each positive weighs
     * {@code copies} (about as many as the kept negatives outnumber the positives), each negative 1.
     * A weight of w counts as w copies of the row ({@link Trees}).
     */
    record Balanced(double[][] x, int[] y, int[] weight, int copies, int negativesKept) {
        /**
         * @param balance              1 = as many copies as balance the classes, 0 = none, between: that power of the ratio
         * @param negativesPerPositive 0 = every negative; otherwise at most this many negatives per positive, drawn at random
         */
        static Balanced of(double[][] x, boolean[] y, double balance, double negativesPerPositive, long seed) {
            int pos = 0;
            for (boolean v : y) {
                if (v) {
                    pos++;
                }
            }
            int neg = y.length - pos;
            boolean[] keep = null;
            int kept = neg;
            if (negativesPerPositive > 0 && pos > 0 && neg > negativesPerPositive * pos) {
                kept = (int) Math.max(1, Math.round(negativesPerPositive * pos));
                int[] negatives = new int[neg];
                for (int i = 0, k = 0; i < y.length; i++) {
                    if (!y[i]) {
                        negatives[k++] = i;
                    }
                }
                java.util.SplittableRandom r = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
                keep = new boolean[y.length];
                for (int k = 0; k < kept; k++) { // a partial Fisher-Yates shuffle: the first `kept` are the sample
                    int j = k + r.nextInt(neg - k);
                    int t = negatives[k];
                    negatives[k] = negatives[j];
                    negatives[j] = t;
                    keep[negatives[k]] = true;
                }
            }
            int w = (int) Math.max(1, Math.round(Math.pow((double) kept / Math.max(1, pos), balance)));
            int n = kept + pos;
            double[][] xx = new double[n][];
            int[] yy = new int[n];
            int[] ww = new int[n];
            int k = 0;
            for (int i = 0; i < y.length; i++) {
                if (!y[i] && keep != null && !keep[i]) {
                    continue;
                }
                xx[k] = x[i];
                yy[k] = y[i] ? 1 : 0;
                ww[k++] = y[i] ? w : 1;
            }
            return new Balanced(xx, yy, ww, w, kept);
        }
    }

    /**
     * Gradient boosting. Smile's has no class weights: each positive counts as many times as the
     * classes need to weigh alike ({@link Balanced}; calibration on the validation year puts the
     * probabilities right). Grown by {@link Trees#boosting} from Smile's regression trees on the
     * weighted rows, with Smile's settings (depth at most 20, leaves of at least 5).
     */
    static FittedModel boosting(double[][] x, boolean[] y, String[] names, int trees, int maxNodes, double shrinkage,
                                double subsample, long seed, double balance, double negativesPerPositive) {
        Balanced b = Balanced.of(x, y, balance, negativesPerPositive, seed);
        GradientTreeBoost m = Trees.boosting(b.x, b.y, b.weight, names, trees, 20, maxNodes, 5, shrinkage, subsample, seed);
        return new FittedModel(BOOSTING, m, null, names, null, params("trees", trees, "max_nodes", maxNodes,
                "shrinkage", shrinkage, "subsample", subsample, "positive_copies", b.copies, "negatives_kept", b.negativesKept));
    }

    /** The model's probability of the positive class (before calibration) for each row. */
    double[] positive(double[][] x) {
        double[] out = new double[x.length];
        if (model instanceof LogisticRegression.Binomial lr) {
            Standardizer z = new Standardizer(mean, sd);
            byBlocks(x.length, 2, (from, to, post) -> {
                for (int i = from; i < to; i++) {
                    lr.predict(z.apply(x[i]), post);
                    out[i] = post[1];
                }
            });
            return out;
        }
        StructType schema = schema(names);
        byBlocks(x.length, 2, (from, to, post) -> {
            for (int i = from; i < to; i++) {
                Tuple row = Tuple.of(x[i], schema);
                if (model instanceof Trees.Forest rf) {
                    rf.predict(row, post);
                } else if (model instanceof RandomForest rf) { // a run stored before the forests were grown here
                    rf.predict(row, post);
                } else {
                    ((GradientTreeBoost) model).predict(row, post);
                }
                out[i] = post[1];
            }
        });
        return out;
    }

    /** Scores rows {@code from} (inclusive) to {@code to}, with a scratch array of its own. */
    @FunctionalInterface
    private interface Block {
        void score(int from, int to, double[] scratch);
    }

    private static final int BLOCK = 2048;

    /**
     * Scores the rows in blocks side by side on the processors: each row's score depends on that
     * row alone (a fitted Smile model is only read), so the result is the same in any order.
     */
    private static void byBlocks(int n, int scratch, Block body) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        java.util.stream.IntStream.range(0, blocks).parallel()
                .forEach(b -> body.score(b * BLOCK, Math.min(n, (b + 1) * BLOCK), new double[scratch]));
    }

    // ------------------------------------------------------------------ multi-class (next crime type)

    static FittedModel multinomial(double[][] x, int[] group, double lambda, int maxIterations) {
        int[][] enc = encode(group);
        Standardizer z = Standardizer.fit(x);
        Object m = enc[0].length == 2 ? LogisticRegression.binomial(z.apply(x), enc[1], lambda, 1e-6, maxIterations)
                : LogisticRegression.multinomial(z.apply(x), enc[1], lambda, 1e-6, maxIterations);
        return new FittedModel(MULTINOMIAL, m, z, null, enc[0], params("lambda", lambda, "max_iterations", maxIterations));
    }

    static FittedModel forestMulti(double[][] x, int[] group, String[] names, int trees, int nodeSize, int maxNodes,
                                   long seed) {
        int[][] enc = encode(group);
        int mtry = Math.max(1, (int) Math.floor(Math.sqrt(names.length)));
        Trees.Forest m = Trees.forest(x, enc[1], null, names, mtry, 20, maxNodes, nodeSize,
                LongStream.range(0, trees).map(k -> seed * 37 + k).toArray());
        return new FittedModel(FOREST, m, null, names, enc[0],
                params("trees", trees, "mtry", mtry, "node_size", nodeSize, "max_nodes", maxNodes));
    }

    /** Probabilities over all {@code groups} crime groups (a group the model never saw gets 0). */
    double[][] groupProbabilities(double[][] x, int groups) {
        double[][] out = new double[x.length][groups];
        StructType schema = names == null ? null : schema(names);
        Standardizer z = mean == null ? null : new Standardizer(mean, sd);
        byBlocks(x.length, classes.length, (from, to, post) -> {
            for (int i = from; i < to; i++) {
                if (model instanceof LogisticRegression lr) {
                    lr.predict(z.apply(x[i]), post);
                } else if (model instanceof Trees.Forest rf) {
                    rf.predict(Tuple.of(x[i], schema), post);
                } else { // a run stored before the forests were grown here
                    ((RandomForest) model).predict(Tuple.of(x[i], schema), post);
                }
                for (int c = 0; c < classes.length; c++) {
                    out[i][classes[c]] = post[c];
                }
            }
        });
        return out;
    }

    /** {classes present (group indices, sorted), labels recoded to 0..k-1}. */
    private static int[][] encode(int[] group) {
        int[] present = java.util.Arrays.stream(group).distinct().sorted().toArray();
        int[] y = new int[group.length];
        for (int i = 0; i < group.length; i++) {
            y[i] = java.util.Arrays.binarySearch(present, group[i]);
        }
        return new int[][]{present, y};
    }

    // ------------------------------------------------------------------ explanation

    /** Logistic regression: each input's coefficient on the standardised scale (per SD), intercept last; else null. */
    double[] coefficients() {
        return model instanceof LogisticRegression.Binomial lr ? lr.coefficients() : null;
    }

    /**
     * Each input's part in one person's prediction: for logistic regression the coefficient times
     * the standardised value (log-odds, exact for the linear model, measured from the training
     * year's average person); for the tree models their SHAP values (TreeSHAP) for the positive
     * class. Null for a multi-class model.
     */
    double[] contributions(double[] row) {
        if (model instanceof LogisticRegression.Binomial lr) {
            double[] w = lr.coefficients();
            double[] z = new Standardizer(mean, sd).apply(row);
            double[] out = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                out[j] = w[j] * z[j];
            }
            return out;
        }
        if (model instanceof smile.feature.importance.TreeSHAP t && classes == null) {
            double[] phi = t.shap(Tuple.of(row, schema(names)));
            int k = phi.length / row.length;
            double[] out = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                out[j] = phi[j * k + (k - 1)];
            }
            return out;
        }
        return null;
    }

    /** What {@link #contributions} are measured in. */
    String contributionScale() {
        return model instanceof LogisticRegression ? "log-odds (coefficient × standardised value)"
                : "SHAP value (TreeSHAP), on the model's raw probability before calibration";
    }

    /** Tree models: Smile's importance per input; else null. */
    double[] importance() {
        if (model instanceof Trees.Forest rf) {
            return rf.importance();
        }
        if (model instanceof RandomForest rf) {
            return rf.importance();
        }
        if (model instanceof GradientTreeBoost gb) {
            return gb.importance();
        }
        return null;
    }

    static DataFrame frame(double[][] x, String[] names) {
        return DataFrame.of(x, names);
    }

    /**
     * The inputs' schema as a data frame of them has it: a row is then scored as a tuple over its
     * own array, with no copy of the rows into a data frame's columns (the same model code either way).
     */
    static StructType schema(String[] names) {
        return frame(new double[1][names.length], names).schema();
    }

    private static int[] ints(boolean[] y) {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] ? 1 : 0;
        }
        return out;
    }

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
