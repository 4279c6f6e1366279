package org.iomworkbench.core.model.data;

import org.iomworkbench.core.score.Cutoffs;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.score.Weights;

import java.time.LocalDate;
import java.util.List;

/** Hand-made histories for the tests: a small harm index, weights 1 (RFSDi = S) and cut-offs by value. */
final class Histories {
    static final LocalDate T = LocalDate.of(2022, 1, 1);
    /** HIGH from 4: a MURDER (h = 3.74) on top of a recent THEFT (h = 1.04) escalates, an ASSAULT (2.00) does not. */
    static final Cutoffs CUT = new Cutoffs(1, 2, 4, 8);
    /** The data end here (person PZ's offence), so that a 365-day follow-up from T is complete. */
    static final LocalDate END = LocalDate.of(2024, 6, 1);

    private Histories() {
    }

    static ScoringConfig config() {
        return new ScoringConfig(1, "f", "h", T, 365, 730, 365, T.minusDays(365), Weights.ONE,
                ScoringConfig.WeightsSource.PINNED, CUT, ScoringConfig.CutoffsSource.SET);
    }

    static double h(double harmDays) {
        return Math.log10(1 + harmDays);
    }

    /** Harm index, persons PA .. PH with CRIMES, CUSTODY and DIP records, and PZ who sets the end of the data. */
    static ScoreData.Builder base() {
        ScoreData.Builder b = new ScoreData.Builder()
                .harm("THEFT", "THEFT", 10)
                .harm("ASSAULT", "VIOLENCE", 100)
                .harm("ROB", "ROBBERY", 100)
                .harm("MURDER", "VIOLENCE", 5475)
                .harm("DAMAGE", "CRIMINAL_DAMAGE", 5);
        for (String p : List.of("A", "B", "C", "D", "E", "F", "G", "H")) {
            b.record("CRIMES", p, "P" + p).record("DIP", p, "P" + p).record("CUSTODY", p, "P" + p);
        }
        b.record("CRIMES", "Z", "PZ").crime("z1", "Z", "THEFT", END, false);
        return b;
    }
}
