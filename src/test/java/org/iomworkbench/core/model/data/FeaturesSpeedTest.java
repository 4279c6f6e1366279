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
        ModelData md = SyntheticPopulation.modelData(PERSONS, 10, 42);
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
}
