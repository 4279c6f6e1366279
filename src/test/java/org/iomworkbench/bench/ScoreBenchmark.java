package org.iomworkbench.bench;

import org.iomworkbench.core.model.data.SyntheticPopulation;
import org.iomworkbench.core.score.Cutoffs;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.Scores;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.score.Weights;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Re-score speed: {@code iom.bench.persons} persons (default 1,000,000) with ten offences each
 * (10,000,000), built in memory in the layout of {@link ScoreData}, re-scored warm for changes
 * of half-life, lookback and window; prints the median ms and persons/s. Target: at most 100 ms
 * on a 2-core machine. Run with {@code mvn test -Dgroups=benchmark -Dbench.excluded=none -Dtest=ScoreBenchmark}.
 */
@Tag("benchmark")
class ScoreBenchmark {
    @Test
    void rescoreEveryone() {
        int persons = Integer.getInteger("iom.bench.persons", 1_000_000);
        int perPerson = 10;
        long t0 = System.nanoTime();
        ScoreData d = SyntheticPopulation.modelData(persons, perPerson, 42).score();
        System.out.printf("built %,d persons and %,d offences in %.1f s%n", d.persons(), d.offences(), (System.nanoTime() - t0) / 1e9);
        LocalDate asAt = LocalDate.of(2024, 12, 31);
        ScoringConfig cfg = new ScoringConfig(0, "", d.harmIndexVersion(), asAt, 365, 730, 365, asAt.minusDays(365),
                new Weights(1.3, 1.2, 1.5, 1.4, 1.1, 1.05), ScoringConfig.WeightsSource.PINNED,
                new Cutoffs(1, 2, 3, 4), ScoringConfig.CutoffsSource.SET);
        ScoringConfig[] changes = {cfg, cfg.withHalfLife(200), cfg.withLookback(365), cfg.withWindow(180),
                cfg.withHalfLife(500).withWindow(400)};
        for (int i = 0; i < 10; i++) {
            Scorer.score(d, changes[i % changes.length]);
        }
        int runs = 21;
        double[] ms = new double[runs];
        double check = 0;
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            Scores r = Scorer.score(d, changes[i % changes.length]);
            ms[i] = (System.nanoTime() - s) / 1e6;
            check += r.rfsdi(i);
        }
        Arrays.sort(ms);
        double median = ms[runs / 2];
        System.out.printf("re-score %,d persons / %,d offences: median %.1f ms (min %.1f, max %.1f) = %,.0f persons/s "
                        + "on %d processors (checksum %.3f)%n", d.persons(), d.offences(), median, ms[0], ms[runs - 1],
                d.persons() / (median / 1000), Runtime.getRuntime().availableProcessors(), check);
    }
}
