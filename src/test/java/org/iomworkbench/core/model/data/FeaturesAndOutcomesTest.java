package org.iomworkbench.core.model.data;

import org.iomworkbench.core.score.Cutoffs;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.score.Weights;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Inputs and outcomes on hand-made histories; inputs at T never see a record dated after T. */
class FeaturesAndOutcomesTest {
    static final LocalDate T = LocalDate.of(2022, 1, 1);
    /** Cut-offs by value (weights 1, so RFSDi = S): HIGH from 4. */
    static final Cutoffs CUT = new Cutoffs(1, 2, 4, 8);

    static ScoringConfig config() {
        return new ScoringConfig(1, "f", "h", T, 365, 730, 365, T.minusDays(365), Weights.ONE,
                ScoringConfig.WeightsSource.PINNED, CUT, ScoringConfig.CutoffsSource.SET);
    }

    static ScoreData.Builder base() {
        ScoreData.Builder b = new ScoreData.Builder()
                .harm("THEFT", "THEFT", 10)
                .harm("ASSAULT", "VIOLENCE", 100)
                .harm("MURDER", "VIOLENCE", 5475)
                .harm("DAMAGE", "CRIMINAL_DAMAGE", 5);
        for (String p : List.of("A", "B", "C", "D", "E")) {
            b.record("CRIMES", p, "P" + p);
        }
        // the data run to 2024 so that a follow-up from T is complete
        b.record("CRIMES", "Z", "PZ").crime("z1", "Z", "THEFT", LocalDate.of(2024, 6, 1), false);
        return b;
    }

    static double[] features(ScoreData d, Features f, String person) {
        ModelData md = ModelData.withoutAttributes(d);
        Dataset s = Dataset.forPrediction(md, config(), T, f);
        int p = d.indexOf(person);
        for (int i = 0; i < s.size(); i++) {
            if (s.person[i] == p) {
                return s.x[i];
            }
        }
        throw new AssertionError(person + " is not at risk at T");
    }

    @Test
    void windowsCountOffencesDatedInTheLastNDaysUpToAndIncludingT() {
        ScoreData d = base()
                .crime("a1", "A", "THEFT", T, false)                  // on T: in every window
                .crime("a2", "A", "THEFT", T.minusDays(90), true)     // in 91 days
                .crime("a3", "A", "DAMAGE", T.minusDays(91), false)   // just outside 91 days, inside 182
                .crime("a4", "A", "THEFT", T.minusDays(365), false)   // outside 365 days
                .crime("a5", "A", "THEFT", T.plusDays(1), false)      // after T: never seen
                .build();
        Features f = new Features(d.crimeGroups(), false, 730);
        double[] x = features(d, f, "PA");
        assertThat(x[f.names().indexOf("offences_91d")]).isEqualTo(2);
        assertThat(x[f.names().indexOf("offences_182d")]).isEqualTo(3);
        assertThat(x[f.names().indexOf("offences_365d")]).isEqualTo(3);
        assertThat(x[f.names().indexOf("offences_730d")]).isEqualTo(4);
        assertThat(x[f.names().indexOf("offences_total")]).isEqualTo(4);
        assertThat(x[f.names().indexOf("days_since_last_offence")]).isZero();
        assertThat(x[f.names().indexOf("career_days")]).isEqualTo(365);
        assertThat(x[f.names().indexOf("alcohol_offences_total")]).isEqualTo(1);
        assertThat(x[f.names().indexOf("group_theft")]).isEqualTo(3);
        assertThat(x[f.names().indexOf("group_criminal_damage")]).isEqualTo(1);
        assertThat(f.names()).noneMatch(n -> n.contains("ethnic")).doesNotContain("gender_m");
        assertThat(new Features(d.crimeGroups(), true, 730).names()).contains("gender_m", "gender_f");
    }

    @Test
    void prisonCountsOnlyUpToT() {
        ScoreData d = base()
                .crime("b1", "B", "THEFT", T.minusDays(400), false)
                .prison("CRIMES", "B", T.minusDays(9), LocalDate.of(2023, 1, 1)) // released after T: unknown at T
                .build();
        Features f = new Features(d.crimeGroups(), false, 730);
        double[] x = features(d, f, "PB");
        assertThat(x[f.names().indexOf("in_prison_at_t")]).isEqualTo(1);
        assertThat(x[f.names().indexOf("prison_days_730d")]).isEqualTo(10); // T-9 .. T
        assertThat(x[f.names().indexOf("prison_stays")]).isEqualTo(1);
    }

    @Test
    void inputsAtTAreUnchangedByAnyRecordDatedAfterT() {
        Consumer<ScoreData.Builder> history = b -> b
                .crime("c1", "C", "THEFT", T.minusDays(30), true)
                .crime("c2", "C", "ASSAULT", T.minusDays(500), false)
                .crime("d1", "D", "DAMAGE", T.minusDays(3), false)
                .prison("CRIMES", "D", T.minusDays(200), T.minusDays(100))
                .marker("CRIMES", "C", "ALCOHOL_DEPENDENCY", T.minusDays(50), null);
        ScoreData.Builder before = base();
        history.accept(before);
        ScoreData.Builder after = base();
        history.accept(after);
        // the future: offences, a prison stay, an alcohol marker, all after T
        after.crime("c3", "C", "MURDER", T.plusDays(1), true)
                .crime("d2", "D", "ASSAULT", T.plusDays(40), false)
                .prison("CRIMES", "C", T.plusDays(60), T.plusDays(90))
                .marker("CRIMES", "D", "ALCOHOL_DEPENDENCY", T.plusDays(5), null);
        ScoreData d0 = before.build();
        ScoreData d1 = after.build();
        Features f = new Features(d0.crimeGroups(), false, 730);
        for (String p : List.of("PC", "PD")) {
            assertThat(Arrays.equals(features(d0, f, p), features(d1, f, p))).as(p).isTrue();
        }
    }

    @Test
    void outcomesFollowTheHorizonAndAreUnknownWhenTheFollowUpIsIncomplete() {
        ScoreData d = base()
                .crime("a1", "A", "THEFT", T.minusDays(10), false)
                .crime("a2", "A", "ASSAULT", T.plusDays(100), false)  // offends, violent, not enough to escalate
                .crime("b1", "B", "THEFT", T.minusDays(10), false)
                .crime("b2", "B", "MURDER", T.plusDays(200), false)   // escalates
                .crime("c1", "C", "THEFT", T.minusDays(10), false)    // nothing after T
                .crime("e1", "E", "THEFT", T.minusDays(10), false)
                .crime("e2", "E", "THEFT", T.plusDays(20), false)
                .prison("CRIMES", "E", T.plusDays(30), T.plusDays(300)) // prison for most of the year: left out
                .build();
        ModelData md = ModelData.withoutAttributes(d);
        Features f = new Features(d.crimeGroups(), false, 730);
        Set<String> violent = Set.of("VIOLENCE", "ROBBERY", "SEXUAL");
        Dataset esc = Dataset.labelled(md, config(), T, f, new Dataset.Labelling(Outcome.ESCALATION, 365, violent, 0.5));
        assertThat(outcome(d, esc, "PB")).isTrue();
        assertThat(outcome(d, esc, "PA")).isFalse();
        assertThat(outcome(d, esc, "PC")).isFalse();
        assertThat(outcome(d, esc, "PE")).isNull(); // left out
        assertThat(esc.excludedPrison).isEqualTo(1);
        assertThat(esc.groups.get(esc.nextGroup[row(d, esc, "PA")])).isEqualTo("VIOLENCE");
        assertThat(esc.nextGroup[row(d, esc, "PC")]).isEqualTo(-1);
        Dataset any = Dataset.labelled(md, config(), T, f, new Dataset.Labelling(Outcome.ANY_OFFENCE, 365, violent, 0.5));
        assertThat(outcome(d, any, "PA")).isTrue();
        assertThat(outcome(d, any, "PC")).isFalse();
        Dataset vio = Dataset.labelled(md, config(), T, f, new Dataset.Labelling(Outcome.VIOLENT_OFFENCE, 90, violent, 0.5));
        assertThat(outcome(d, vio, "PA")).isFalse(); // the assault is on day 100, after a 90-day horizon
        Dataset noExclusion = Dataset.labelled(md, config(), T, f, new Dataset.Labelling(Outcome.ANY_OFFENCE, 365, violent, 1.0));
        assertThat(outcome(d, noExclusion, "PE")).isTrue();
        // a follow-up that runs past the end of the data: nobody is labelled (never counted as a negative)
        Dataset late = Dataset.labelled(md, config(), LocalDate.of(2024, 1, 1), f,
                new Dataset.Labelling(Outcome.ESCALATION, 365, violent, 0.5));
        assertThat(late.size()).isZero();
        assertThat(late.atRisk).isPositive();
    }

    private static int row(ScoreData d, Dataset s, String person) {
        int p = d.indexOf(person);
        for (int i = 0; i < s.size(); i++) {
            if (s.person[i] == p) {
                return i;
            }
        }
        return -1;
    }

    private static Boolean outcome(ScoreData d, Dataset s, String person) {
        int i = row(d, s, person);
        return i < 0 ? null : s.y[i];
    }
}
