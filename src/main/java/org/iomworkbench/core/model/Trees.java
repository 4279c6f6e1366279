package org.iomworkbench.core.model;

import smile.base.cart.CART;
import smile.base.cart.Loss;
import smile.base.cart.SplitRule;
import smile.classification.ClassLabels;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.data.type.DataTypes;
import smile.data.vector.BaseVector;
import smile.data.vector.IntVector;
import smile.feature.importance.TreeSHAP;
import smile.math.MathEx;
import smile.regression.RegressionTree;

import java.io.Serial;
import java.io.Serializable;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The tree ensembles, grown from Smile's own trees ({@link DecisionTree}, {@link RegressionTree})
 * on rows that carry a whole-number weight: a row of weight w counts as w copies of itself.
 * <p>
 * Why not Smile's {@code RandomForest.fit} and {@code GradientTreeBoost.fit}: they take no row
 * weights, so the balanced rows of the escalation models ({@link FittedModel.Balanced}: each
 * positive repeated about ten times) had to be handed over as copies, and every tree then sorted,
 * partitioned and searched each copy again. Smile's trees themselves take a count per row (their
 * bootstrap and subsample arrive that way), and a count of w splits and fills a leaf exactly as w
 * copies do (tested in {@code WeightedTreesTest}), so the ensembles below draw their samples from
 * the weighted rows as Smile draws them from the copies and hand each tree the counts:
 * <ul>
 *   <li>the forest: a bootstrap within each class of as many draws as the class's weight, every
 *   copy equally likely (Smile's stratified bootstrap over the copies);</li>
 *   <li>boosting: a sample without replacement of {@code subsample} of each class's copies
 *   (Smile's stratified subsample), with the logistic loss's leaf values summed over the counts
 *   (Smile's own logistic loss ignores them).</li>
 * </ul>
 * The forest averages its trees' class probabilities; Smile's weighs each tree by its accuracy on
 * its out-of-bag rows, which it scores through data frame rows at every tree, for weights that
 * hardly differ between trees. Each input's sort order keeps rows of equal value in row order
 * ({@link #stableOrder}). Each tree draws from a seed of its own, so the result does not depend
 * on the number of threads.
 */
final class Trees {
    private Trees() {
    }

    /** A random forest: the average of its trees' class probabilities. Explained by TreeSHAP. */
    static final class Forest implements TreeSHAP, Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private final Formula formula;
        private final DecisionTree[] trees;
        private final int k;
        private final double[] importance;

        Forest(Formula formula, DecisionTree[] trees, int k, double[] importance) {
            this.formula = formula;
            this.trees = trees;
            this.k = k;
            this.importance = importance;
        }

        /** Fills {@code posteriori} (length k) with the average of the trees' probabilities. */
        void predict(Tuple x, double[] posteriori) {
            Tuple xt = formula.x(x);
            double[] prob = new double[k];
            java.util.Arrays.fill(posteriori, 0.0);
            for (DecisionTree tree : trees) {
                tree.predict(xt, prob);
                for (int c = 0; c < k; c++) {
                    posteriori[c] += prob[c];
                }
            }
            for (int c = 0; c < k; c++) {
                posteriori[c] /= trees.length;
            }
        }

        /** The sum over the trees of each input's impurity decrease (Smile's importance). */
        double[] importance() {
            return importance;
        }

        @Override
        public DecisionTree[] trees() {
            return trees;
        }

        @Override
        public Formula formula() {
            return formula;
        }
    }

    /** The rows as Smile's trees read them: inputs as a data frame, labels coded 0..k-1, the sort order. */
    private record Frame(Formula formula, DataFrame x, ClassLabels labels, StructField response, int[][] order) {
        static Frame of(double[][] x, int[] y, String[] names) {
            DataFrame df = DataFrame.of(x, names).merge(IntVector.of("y", y));
            Formula formula = Formula.lhs("y").expand(df.schema());
            DataFrame xs = formula.x(df);
            BaseVector yv = formula.y(df);
            return new Frame(formula, xs, ClassLabels.fit(yv), yv.field(), stableOrder(CART.order(xs), x));
        }
    }

    /**
     * Smile's sort orders with the rows of equal value put back in row order. A tree splits only
     * between different values, so any order of equal ones grows the same tree; but Smile's sort is
     * not stable, and most inputs here are counts with few values, so each tree's split search and
     * partitioning walked those columns (and the rows' responses and counts beside them) in a
     * random order where row order reads memory in sequence.
     */
    static int[][] stableOrder(int[][] order, double[][] x) {
        for (int j = 0; j < order.length; j++) {
            int[] o = order[j];
            if (o == null) {
                continue;
            }
            int from = 0;
            for (int i = 1; i <= o.length; i++) {
                if (i == o.length || Double.compare(x[o[i]][j], x[o[from]][j]) != 0) {
                    if (i - from > 1) {
                        java.util.Arrays.sort(o, from, i);
                    }
                    from = i;
                }
            }
        }
        return order;
    }

    /**
     * A random forest on weighted rows.
     *
     * @param y      class labels
     * @param weight each row's whole-number weight (at least 1), or null for 1
     * @param seeds  one seed per tree
     */
    static Forest forest(double[][] x, int[] y, int[] weight, String[] names, int mtry, int maxDepth, int maxNodes,
                         int nodeSize, long[] seeds) {
        Frame f = Frame.of(x, y, names);
        int n = x.length;
        int k = f.labels().k;
        int[] codes = f.labels().y;
        int[][] slots = slotsByClass(codes, k, weight);
        DecisionTree[] trees = IntStream.range(0, seeds.length).parallel().mapToObj(t -> {
            MathEx.setSeed(seeds[t]); // the inputs tried at each node
            SplittableRandom r = new SplittableRandom(seeds[t]);
            int[] samples = new int[n];
            for (int[] pool : slots) { // a bootstrap within each class: as many draws as its copies
                for (int d = 0; d < pool.length; d++) {
                    samples[pool[r.nextInt(pool.length)]]++;
                }
            }
            return new DecisionTree(f.x(), codes, f.response(), k, SplitRule.GINI, maxDepth, maxNodes, nodeSize, mtry,
                    samples, f.order());
        }).toArray(DecisionTree[]::new);
        return new Forest(f.formula(), trees, k, importance(trees, f.x().ncol()));
    }

    /**
     * Gradient boosting of regression trees on the binomial deviance (Friedman's two-class
     * logistic boosting, as Smile's), on weighted rows; a Smile {@link GradientTreeBoost} that
     * scores and explains as one Smile fitted.
     *
     * @param y      labels 0 and 1, both present
     * @param weight each row's whole-number weight (at least 1), or null for 1
     */
    static GradientTreeBoost boosting(double[][] x, int[] y, int[] weight, String[] names, int trees, int maxDepth,
                                      int maxNodes, int nodeSize, double shrinkage, double subsample, long seed) {
        Frame f = Frame.of(x, y, names);
        if (f.labels().k != 2) {
            throw new IllegalArgumentException("boosting here is for two classes");
        }
        int n = x.length;
        int[] codes = f.labels().y;
        int[] w = weight != null ? weight : ones(n);
        WeightedLogistic loss = new WeightedLogistic(codes, w);
        double b = loss.intercept(null);
        double[] h = loss.residual(); // each row's current score, from b
        StructField field = new StructField("residual", DataTypes.DoubleType);
        StructType schema = f.x().schema();
        int p = f.x().ncol();
        int[][] slots = slotsByClass(codes, 2, w);
        SplittableRandom r = new SplittableRandom(seed);
        RegressionTree[] out = new RegressionTree[trees];
        int[] samples = new int[n];
        for (int m = 0; m < trees; m++) {
            java.util.Arrays.fill(samples, 0);
            for (int[] pool : slots) { // without replacement: the first share of a shuffle of the class's copies
                int size = (int) Math.round(pool.length * subsample);
                for (int d = 0; d < size; d++) {
                    int j = d + r.nextInt(pool.length - d);
                    int t = pool[d];
                    pool[d] = pool[j];
                    pool[j] = t;
                    samples[pool[d]]++;
                }
            }
            RegressionTree tree = new RegressionTree(f.x(), loss, field, maxDepth, maxNodes, nodeSize, p, samples, f.order());
            out[m] = tree;
            IntStream.range(0, (n + 4095) / 4096).parallel().forEach(block -> {
                for (int i = block * 4096, end = Math.min(n, i + 4096); i < end; i++) {
                    h[i] += shrinkage * tree.predict(Tuple.of(x[i], schema));
                }
            });
        }
        return new GradientTreeBoost(f.formula(), out, b, shrinkage, importance(out, p), f.labels().classes);
    }

    /** An ensemble's importance of each input: the sum of its trees' impurity decreases (as Smile's ensembles have it). */
    private static double[] importance(CART[] trees, int inputs) {
        double[] importance = new double[inputs];
        for (CART tree : trees) {
            double[] imp = tree.importance();
            for (int j = 0; j < inputs; j++) {
                importance[j] += imp[j];
            }
        }
        return importance;
    }

    /** For each class, its rows repeated by their weights: drawing a slot uniformly draws one copy. */
    private static int[][] slotsByClass(int[] codes, int k, int[] weight) {
        int[] size = new int[k];
        for (int i = 0; i < codes.length; i++) {
            size[codes[i]] += weight == null ? 1 : weight[i];
        }
        int[][] slots = new int[k][];
        for (int c = 0; c < k; c++) {
            slots[c] = new int[size[c]];
        }
        int[] at = new int[k];
        for (int i = 0; i < codes.length; i++) {
            int copies = weight == null ? 1 : weight[i];
            if (copies < 1) {
                throw new IllegalArgumentException("row weights must be at least 1");
            }
            for (int c = 0; c < copies; c++) {
                slots[codes[i]][at[codes[i]]++] = i;
            }
        }
        return slots;
    }

    private static int[] ones(int n) {
        int[] w = new int[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    /**
     * The binomial deviance with labels ±1 as Smile's {@code Loss.logistic} has it (scores F,
     * pseudo-response 2y / (1 + e^{2yF}), leaf value Newton's step Σr / Σ|r|(2 − |r|)), with
     * every sum taken over the rows' weights: the rows' own for the starting score, the tree's
     * sample counts (the weighted subsample) for the leaves.
     */
    private static final class WeightedLogistic implements Loss {
        private final int[] y;
        private final int[] weight;
        private final double[] response;
        private final double[] residual;

        WeightedLogistic(int[] codes, int[] weight) {
            int n = codes.length;
            this.y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = 2 * codes[i] - 1;
            }
            this.weight = weight;
            this.response = new double[n];
            this.residual = new double[n];
        }

        @Override
        public double output(int[] nodeSamples, int[] sampleCount) {
            double nu = 0;
            double de = 0;
            for (int i : nodeSamples) {
                double r = response[i];
                double abs = Math.abs(r);
                nu += sampleCount[i] * r;
                de += sampleCount[i] * abs * (2.0 - abs);
            }
            return nu / de;
        }

        @Override
        public double intercept(double[] ignored) {
            double sum = 0;
            double total = 0;
            for (int i = 0; i < y.length; i++) {
                sum += weight[i] * y[i];
                total += weight[i];
            }
            double mu = sum / total;
            double b = 0.5 * Math.log((1 + mu) / (1 - mu));
            java.util.Arrays.fill(residual, b);
            return b;
        }

        @Override
        public double[] response() {
            for (int i = 0; i < y.length; i++) {
                response[i] = 2.0 * y[i] / (1 + Math.exp(2 * y[i] * residual[i]));
            }
            return response;
        }

        @Override
        public double[] residual() {
            return residual;
        }

        @Override
        public String toString() {
            return "Logistic (weighted rows)";
        }
    }
}
