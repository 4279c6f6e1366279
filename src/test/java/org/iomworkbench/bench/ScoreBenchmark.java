package org.iomworkbench.bench;

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
import java.util.SplittableRandom;

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
        ScoreData d = synthetic(persons, perPerson, 42);
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

    /** Offences spread over ten years, a harm index of twenty codes, some prison, tests and markers. */
    static ScoreData synthetic(int persons, int perPerson, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int codes = 20;
        String[] code = new String[codes];
        String[] group = new String[codes];
        double[] harm = new double[codes];
        double[] h = new double[codes];
        for (int c = 0; c < codes; c++) {
            code[c] = "C" + c;
            group[c] = "G" + (c % 7);
            harm[c] = c == 0 ? 0 : Math.round(Math.pow(1.6, c));
            h[c] = Math.log10(1 + harm[c]);
        }
        int first = (int) LocalDate.of(2015, 1, 1).toEpochDay();
        int n = persons * perPerson;
        String[] ids = new String[persons];
        String[] sources = new String[persons];
        int[] offStart = new int[persons + 1];
        int[] offDate = new int[n];
        double[] offH = new double[n];
        byte[] offAlcohol = new byte[n];
        int[] offCode = new int[n];
        int[] testStart = new int[persons + 1];
        int[] markerStart = new int[persons + 1];
        int[] prisonStart = new int[persons + 1];
        int[] testDate = new int[persons];
        byte[] testKind = new byte[persons];
        int[] markerFrom = new int[persons];
        int[] markerTo = new int[persons];
        int[] prisonEntry = new int[persons];
        int[] prisonRelease = new int[persons];
        int tests = 0;
        int markers = 0;
        int prisons = 0;
        int[] dates = new int[perPerson];
        for (int p = 0; p < persons; p++) {
            ids[p] = String.format("P%016x", p);
            sources[p] = "CRIMES:" + p;
            for (int k = 0; k < perPerson; k++) {
                dates[k] = first + r.nextInt(3653);
            }
            Arrays.sort(dates);
            for (int k = 0; k < perPerson; k++) {
                int i = p * perPerson + k;
                int c = r.nextInt(codes);
                offDate[i] = dates[k];
                offCode[i] = c;
                offH[i] = h[c];
                offAlcohol[i] = (byte) (r.nextInt(5) == 0 ? 1 : 0);
            }
            offStart[p + 1] = (p + 1) * perPerson;
            if (r.nextInt(4) == 0) {
                testDate[tests] = first + r.nextInt(3653);
                testKind[tests++] = (byte) (1 + r.nextInt(3));
            }
            testStart[p + 1] = tests;
            if (r.nextInt(10) == 0) {
                markerFrom[markers] = first + r.nextInt(3653);
                markerTo[markers] = r.nextBoolean() ? ScoreData.OPEN : markerFrom[markers] + r.nextInt(700);
                markers++;
            }
            markerStart[p + 1] = markers;
            if (r.nextInt(10) == 0) {
                prisonEntry[prisons] = first + r.nextInt(3653);
                prisonRelease[prisons] = r.nextBoolean() ? ScoreData.OPEN : prisonEntry[prisons] + 1 + r.nextInt(900);
                prisons++;
            }
            prisonStart[p + 1] = prisons;
        }
        return new ScoreData(ids, sources, offStart, offDate, offH, offAlcohol, offCode, code, harm, group, testStart,
                Arrays.copyOf(testDate, tests), Arrays.copyOf(testKind, tests), markerStart, Arrays.copyOf(markerFrom, markers),
                Arrays.copyOf(markerTo, markers), prisonStart, Arrays.copyOf(prisonEntry, prisons),
                Arrays.copyOf(prisonRelease, prisons), "synthetic");
    }
}
