package org.iomworkbench.core.model;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Scoring rows through fitted models with the default sizes of a model run (a forest of 200 trees
 * of up to 512 nodes, 200 boosted trees of up to 16 nodes, a logistic regression): what predict,
 * publish and training's evaluation of every candidate spend per row. 100,000 rows of 24 inputs;
 * the models are fitted once on 20,000 rows with a known signal. Run through {@code JmhSuiteBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TreeScoringJmh {
    static final int INPUTS = 24;
    double[][] rows;
    FittedModel forest;
    FittedModel boosting;
    FittedModel logistic;

    static double[][] rows(int n, SplittableRandom r) {
        double[][] x = new double[n][INPUTS];
        for (double[] row : x) {
            for (int j = 0; j < INPUTS; j++) {
                row[j] = j % 4 == 3 ? r.nextInt(5) : r.nextGaussian();
            }
        }
        return x;
    }

    @Setup(Level.Trial)
    public void fit() {
        SplittableRandom r = new SplittableRandom(7);
        double[][] train = rows(20_000, r);
        boolean[] y = new boolean[train.length];
        for (int i = 0; i < y.length; i++) {
            double[] x = train[i];
            double logit = -3.5 + 1.2 * x[0] - 0.8 * x[1] * x[2] + 0.4 * x[3] + 0.6 * Math.abs(x[4]);
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit));
        }
        String[] names = new String[INPUTS];
        for (int j = 0; j < INPUTS; j++) {
            names[j] = "x" + j;
        }
        forest = FittedModel.forest(train, y, names, 200, 5, 512, 1, 1.0, 10);
        boosting = FittedModel.boosting(train, y, names, 200, 16, 0.05, 0.7, 1, 1.0, 10);
        logistic = FittedModel.logistic(train, y, 0.01, 100);
        rows = rows(100_000, r);
    }

    @Benchmark
    public double[] forest100k() {
        return forest.positive(rows);
    }

    @Benchmark
    public double[] boosting100k() {
        return boosting.positive(rows);
    }

    @Benchmark
    public double[] logistic100k() {
        return logistic.positive(rows);
    }
}
