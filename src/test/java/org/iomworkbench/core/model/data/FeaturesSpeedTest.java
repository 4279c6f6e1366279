package org.iomworkbench.core.model.data;

import org.iomworkbench.core.score.Cutoffs;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.Scores;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.score.Weights;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 250,000 persons with ten offences each (2,500,000), tests, markers, prison and custody, in
 * memory: the inputs of everyone at one T in well under two seconds, and the same numbers twice
 * (the parallel blocks do not change them). Prints the times.
 */
class FeaturesSpeedTest {
    static final int PERSONS = Integer.getInteger("iom.model.persons", 250_000);
    static final LocalDate T = LocalDate.of(2022, 12, 31);

    @Test
    void inputsForAQuarterOfAMillionPersonsInUnderTwoSeconds() {
        long t0 = System.nanoTime();
        ModelData md = synthetic(PERSONS, 10, 42);
        double built = (System.nanoTime() - t0) / 1e9;
        ScoreData d = md.score();
        ScoringConfig cfg = new ScoringConfig(0, "", d.harmIndexVersion(), T, 365, 730, 365, T.minusDays(365),
                new Weights(1.3, 1.2, 1.5, 1.4, 1.1, 1.05), ScoringConfig.WeightsSource.PINNED,
                new Cutoffs(1, 2, 3, 4), ScoringConfig.CutoffsSource.SET);
        Features f = new Features(d.crimeGroups(), true, 730);
        int[] all = new int[d.persons()];
        Arrays.setAll(all, i -> i);
        int t = (int) T.toEpochDay();
        Features.Matrix first = null;
        double best = Double.MAX_VALUE;
        double bestWithScore = Double.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long s0 = System.nanoTime();
            Scores scores = Scorer.score(d, cfg.withAsAt(T));
            long s1 = System.nanoTime();
            Features.Matrix m = f.matrix(md, scores, t, all);
            long s2 = System.nanoTime();
            best = Math.min(best, (s2 - s1) / 1e9);
            bestWithScore = Math.min(bestWithScore, (s2 - s0) / 1e9);
            if (first == null) {
                first = m;
            } else {
                assertThat(m.rows()).isDeepEqualTo(first.rows());
            }
        }
        long p0 = System.nanoTime();
        ModelDataset pred = ModelDataset.forPrediction(md, cfg, T, f);
        double predSeconds = (System.nanoTime() - p0) / 1e9;
        long l0 = System.nanoTime();
        ModelDataset lab = ModelDataset.labelled(md, cfg, T.minusDays(400), f, ModelDataset.Labelling.of(Outcome.ESCALATION));
        double labSeconds = (System.nanoTime() - l0) / 1e9;
        System.out.printf("model inputs: %,d persons, %,d offences (built in %.1f s), %d columns, %d processors: "
                        + "features %.3f s, with scoring %.3f s (best of 5); prediction set at T (%,d at risk) %.3f s; "
                        + "labelled escalation set (%,d rows, base rate %.3f, %,d out for prison) %.3f s%n",
                d.persons(), d.offences(), built, f.count(), Runtime.getRuntime().availableProcessors(), best,
                bestWithScore, pred.size(), predSeconds, lab.size(), lab.baseRate(), lab.excludedPrison(), labSeconds);
        assertThat(first.size()).isEqualTo(PERSONS);
        assertThat(pred.size()).isPositive();
        assertThat(bestWithScore).as("seconds for the inputs of everyone at one T").isLessThan(2.0);
    }

    /** Offences over ten years from 2013, a harm index of twenty codes in seven groups, some tests, markers, prison, custody. */
    static ModelData synthetic(int persons, int perPerson, long seed) {
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
        int first = (int) LocalDate.of(2013, 1, 1).toEpochDay();
        int span = 3653;
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
        int[] custodyStart = new int[persons + 1];
        int[] testDate = new int[persons * 2];
        byte[] testKind = new byte[persons * 2];
        int[] markerFrom = new int[persons];
        int[] markerTo = new int[persons];
        int[] prisonEntry = new int[persons * 2];
        int[] prisonRelease = new int[persons * 2];
        int[] custody = new int[persons * 3];
        int[] dob = new int[persons];
        char[] gender = new char[persons];
        String[] ethnicity = new String[persons];
        int tests = 0;
        int markers = 0;
        int prisons = 0;
        int arrests = 0;
        int[] dates = new int[perPerson];
        for (int p = 0; p < persons; p++) {
            ids[p] = String.format("P%016x", p);
            sources[p] = "CRIMES:" + p;
            for (int k = 0; k < perPerson; k++) {
                dates[k] = first + r.nextInt(span);
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
            for (int k = r.nextInt(3); k > 0; k--) {
                testDate[tests] = first + r.nextInt(span);
                testKind[tests++] = (byte) (1 + r.nextInt(3));
            }
            Arrays.sort(testDate, testStart[p], tests); // kinds are random anyway
            testStart[p + 1] = tests;
            if (r.nextInt(10) == 0) {
                markerFrom[markers] = first + r.nextInt(span);
                markerTo[markers] = r.nextBoolean() ? ScoreData.OPEN : markerFrom[markers] + r.nextInt(700);
                markers++;
            }
            markerStart[p + 1] = markers;
            for (int k = r.nextInt(4) == 0 ? 2 : 0; k > 0; k--) {
                prisonEntry[prisons] = first + r.nextInt(span);
                prisonRelease[prisons] = r.nextBoolean() ? ScoreData.OPEN : prisonEntry[prisons] + 1 + r.nextInt(900);
                prisons++;
            }
            if (prisons - prisonStart[p] == 2 && prisonEntry[prisons - 1] < prisonEntry[prisons - 2]) {
                int e = prisonEntry[prisons - 1];
                int rel = prisonRelease[prisons - 1];
                prisonEntry[prisons - 1] = prisonEntry[prisons - 2];
                prisonRelease[prisons - 1] = prisonRelease[prisons - 2];
                prisonEntry[prisons - 2] = e;
                prisonRelease[prisons - 2] = rel;
            }
            prisonStart[p + 1] = prisons;
            for (int k = r.nextInt(4); k > 0; k--) {
                custody[arrests++] = first + r.nextInt(span);
            }
            Arrays.sort(custody, custodyStart[p], arrests);
            custodyStart[p + 1] = arrests;
            dob[p] = r.nextInt(20) == 0 ? ModelData.NO_DATE : first - 365 * 14 - r.nextInt(365 * 30);
            gender[p] = "MFU".charAt(r.nextInt(3));
            ethnicity[p] = "E" + r.nextInt(5);
        }
        ScoreData d = new ScoreData(ids, sources, offStart, offDate, offH, offAlcohol, offCode, code, harm, group, testStart,
                Arrays.copyOf(testDate, tests), Arrays.copyOf(testKind, tests), markerStart, Arrays.copyOf(markerFrom, markers),
                Arrays.copyOf(markerTo, markers), prisonStart, Arrays.copyOf(prisonEntry, prisons),
                Arrays.copyOf(prisonRelease, prisons), "synthetic");
        return new ModelData(d, dob, gender, ethnicity, custodyStart, Arrays.copyOf(custody, arrests));
    }
}
