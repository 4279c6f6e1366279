package org.iomworkbench.core.model.data;

import org.iomworkbench.core.score.Cutoffs;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.Scores;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.score.Weights;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * The scoring hot loops on a synthetic population (ten offences a person): re-scoring everyone
 * after a change of half-life (what the Scores view does on each slider move; target 100 ms for
 * 1,000,000 persons) and building everyone's model inputs at one date from their scores.
 * Run through {@code JmhSuiteBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScoringJmh {
    @Param({"250000"})
    public int persons;

    static final LocalDate T = LocalDate.of(2022, 12, 31);
    ModelData md;
    ScoreData d;
    ScoringConfig cfg;
    ScoringConfig[] changes;
    Scores scores;
    Features features;
    int[] everyone;
    int call;

    @Setup(Level.Trial)
    public void build() {
        md = SyntheticPopulation.modelData(persons, 10, 42);
        d = md.score();
        cfg = new ScoringConfig(0, "", d.harmIndexVersion(), T, 365, 730, 365, T.minusDays(365),
                new Weights(1.3, 1.2, 1.5, 1.4, 1.1, 1.05), ScoringConfig.WeightsSource.PINNED,
                new Cutoffs(1, 2, 3, 4), ScoringConfig.CutoffsSource.SET);
        changes = new ScoringConfig[]{cfg.withHalfLife(200), cfg.withHalfLife(365), cfg.withHalfLife(500)};
        scores = Scorer.score(d, cfg);
        features = new Features(d.crimeGroups(), true, 730);
        everyone = new int[d.persons()];
        java.util.Arrays.setAll(everyone, i -> i);
    }

    /** Everyone re-scored for a new half-life (the three alternate, so no result is reused). */
    @Benchmark
    public Scores rescoreEveryone() {
        return Scorer.score(d, changes[call++ % changes.length]);
    }

    /** Everyone's model inputs at T from their scores (offence counts, harm by group, trend, tests, custody). */
    @Benchmark
    public Features.Matrix inputsForEveryone() {
        return features.matrix(md, scores, (int) T.toEpochDay(), everyone);
    }
}
