package org.iomworkbench.core.model;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import smile.base.cart.SplitRule;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * Fitting the escalation tree models with the default settings (a forest of 200 trees of up to
 * 512 nodes and node size 5; 200 boosted trees of up to 16 nodes, shrinkage 0.05, subsample 0.7)
 * on balanced rows: every positive weighing as many copies as balance the classes, at most ten
 * negatives per positive. Two ways: {@link Trees} on the weighted rows, as the workbench fits
 * them, and Smile's own {@code fit} on the rows with each positive repeated, as it fitted them
 * until 2026-12-08. 60,000 training rows of 24 inputs with about 5 % positives (so 3,000 positives
 * weighing 10 and 30,000 negatives). Run through {@code JmhSuiteBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TreeFittingJmh {
    String[] names;
    FittedModel.Balanced balanced;
    DataFrame copies;

    @Setup(Level.Trial)
    public void data() {
        SplittableRandom r = new SplittableRandom(7);
        double[][] x = TreeScoringJmh.rows(60_000, r);
        boolean[] y = new boolean[x.length];
        for (int i = 0; i < y.length; i++) {
            double[] row = x[i];
            double logit = -3.4 + 1.2 * row[0] - 0.8 * row[1] * row[2] + 0.4 * row[3] + 0.6 * Math.abs(row[4]);
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit));
        }
        names = new String[TreeScoringJmh.INPUTS];
        for (int j = 0; j < names.length; j++) {
            names[j] = "x" + j;
        }
        balanced = FittedModel.Balanced.of(x, y, 1.0, 10, 1);
        int n = 0;
        for (int w : balanced.weight()) {
            n += w;
        }
        double[][] cx = new double[n][];
        int[] cy = new int[n];
        for (int i = 0, k = 0; i < balanced.x().length; i++) {
            for (int c = 0; c < balanced.weight()[i]; c++, k++) {
                cx[k] = balanced.x()[i];
                cy[k] = balanced.y()[i];
            }
        }
        copies = DataFrame.of(cx, names).merge(IntVector.of("y", cy));
    }

    @Benchmark
    public Object forestWeightedRows() {
        return Trees.forest(balanced.x(), balanced.y(), balanced.weight(), names, 4, 20, 512, 5,
                LongStream.range(0, 200).map(k -> 31 + k).toArray());
    }

    @Benchmark
    public Object forestSmileOnCopies() {
        return RandomForest.fit(Formula.lhs("y"), copies, 200, 4, SplitRule.GINI, 20, 512, 5, 1.0, null,
                LongStream.range(0, 200).map(k -> 31 + k));
    }

    @Benchmark
    public Object boostingWeightedRows() {
        return Trees.boosting(balanced.x(), balanced.y(), balanced.weight(), names, 200, 20, 16, 5, 0.05, 0.7, 1);
    }

    @Benchmark
    public Object boostingSmileOnCopies() {
        MathEx.setSeed(1);
        return GradientTreeBoost.fit(Formula.lhs("y"), copies, 200, 20, 16, 5, 0.05, 0.7);
    }
}
