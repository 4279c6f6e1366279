package org.iomworkbench.core.model.data;

import org.iomworkbench.core.score.Labels;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.Scores;
import org.iomworkbench.core.score.ScoringConfig;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iomworkbench.core.model.data.Histories.T;
import static org.iomworkbench.core.model.data.Histories.base;
import static org.iomworkbench.core.model.data.Histories.config;

/** Labels, next crime group and the prison rule on hand-made histories. */
class OutcomesTest {
    static final Set<String> VIOLENT = Outcomes.DEFAULT_VIOLENT_GROUPS;

    static Outcomes outcomes(ScoreData d, LocalDate t, Outcome kind, int horizon) {
        return Outcomes.compute(d, config(), t, kind, horizon, VIOLENT);
    }

    static Boolean label(ScoreData d, Outcomes o, String person) {
        return o.label(d.indexOf(person));
    }

    /** A: an assault after T (offends, violent, does not escalate); B: a murder on day 200 (escalates); C: nothing. */
    static ScoreData threePeople() {
        return base()
                .crime("a1", "A", "THEFT", T.minusDays(10), false)
                .crime("a2", "A", "ASSAULT", T.plusDays(100), false)
                .crime("b1", "B", "THEFT", T.minusDays(10), false)
                .crime("b2", "B", "MURDER", T.plusDays(200), false)
                .crime("c1", "C", "THEFT", T.minusDays(10), false)
                .crime("d0", "D", "THEFT", T.minusDays(2), false)
                .crime("d1", "D", "MURDER", T.minusDays(1), false) // HIGH at T (S = 4.77): not at risk
                .build();
    }

    @Test
    void escalationIsLabelsRuleWithinTheHorizon() {
        ScoreData d = threePeople();
        Outcomes o = outcomes(d, T, Outcome.ESCALATION, 365);
        assertThat(o.followUpComplete()).isTrue();
        assertThat(label(d, o, "PB")).isTrue();
        assertThat(label(d, o, "PA")).isFalse();
        assertThat(label(d, o, "PC")).isFalse();
        assertThat(o.atRisk(d.indexOf("PD"))).isFalse();
        assertThat(label(d, o, "PD")).isNull();
        assertThat(o.atRisk(d.indexOf("PZ"))).as("no offence by T").isFalse();
        assertThat(o.atRiskCount()).isEqualTo(3);
        // the same as Labels with its 365 days, person by person
        ScoringConfig cfg = config().withAsAt(T);
        Scores s = Scorer.score(d, cfg);
        Labels labels = Labels.compute(d, cfg, s);
        for (int p = 0; p < d.persons(); p++) {
            assertThat(o.atRisk(p)).isEqualTo(labels.atRisk(p));
            assertThat(o.label(p)).isEqualTo(labels.escalates(p));
            assertThat(o.nextCrimeGroup(p)).isEqualTo(labels.nextCrimeGroup(p));
        }
        // the murder is on day 200: a 180-day horizon does not reach it, a 200-day one does
        assertThat(label(d, outcomes(d, T, Outcome.ESCALATION, 199), "PB")).isFalse();
        assertThat(label(d, outcomes(d, T, Outcome.ESCALATION, 200), "PB")).isTrue();
        assertThat(Labels.compute(d, cfg, s, 199).escalates(d.indexOf("PB"))).isFalse();
    }

    @Test
    void anyAndViolentOffenceOutcomes() {
        ScoreData d = threePeople();
        Outcomes any = outcomes(d, T, Outcome.ANY_OFFENCE, 365);
        assertThat(label(d, any, "PA")).isTrue();
        assertThat(label(d, any, "PB")).isTrue();
        assertThat(label(d, any, "PC")).isFalse();
        Outcomes violent = outcomes(d, T, Outcome.VIOLENT_OFFENCE, 365);
        assertThat(label(d, violent, "PA")).isTrue();
        assertThat(label(d, violent, "PB")).isTrue();
        assertThat(label(d, violent, "PC")).isFalse();
        // the assault is on day 100: a 99-day horizon misses it, 100 days includes it
        assertThat(label(d, outcomes(d, T, Outcome.VIOLENT_OFFENCE, 99), "PA")).isFalse();
        assertThat(label(d, outcomes(d, T, Outcome.VIOLENT_OFFENCE, 100), "PA")).isTrue();
        assertThat(label(d, outcomes(d, T, Outcome.ANY_OFFENCE, 99), "PA")).isFalse();
        // a configurable violent set: without VIOLENCE the assault is not violent
        Outcomes robberyOnly = Outcomes.compute(d, config(), T, Outcome.VIOLENT_OFFENCE, 365, Set.of("robbery"));
        assertThat(label(d, robberyOnly, "PA")).isFalse();
        // an offence on T itself is not in the follow-up
        ScoreData onT = base().crime("e1", "E", "THEFT", T.minusDays(5), false)
                .crime("e2", "E", "ASSAULT", T, false).build();
        assertThat(label(onT, outcomes(onT, T, Outcome.ANY_OFFENCE, 365), "PE")).isFalse();
    }

    @Test
    void anIncompleteFollowUpIsUnknownNeverNegative() {
        ScoreData d = base()
                .crime("a1", "A", "THEFT", LocalDate.of(2023, 6, 1), false)
                .crime("a2", "A", "MURDER", LocalDate.of(2023, 8, 1), false) // escalates inside the observed part
                .crime("c1", "C", "THEFT", LocalDate.of(2023, 6, 1), false)
                .build();
        LocalDate t = LocalDate.of(2023, 7, 1); // the data end on 2024-06-01: t + 365 is after it
        for (Outcome kind : Outcome.values()) {
            Outcomes o = outcomes(d, t, kind, 365);
            assertThat(o.followUpComplete()).isFalse();
            assertThat(o.atRiskCount()).isEqualTo(2);
            for (String p : new String[]{"PA", "PC"}) {
                assertThat(o.atRisk(d.indexOf(p))).isTrue();
                assertThat(label(d, o, p)).as(kind + " " + p).isNull();
                assertThat(o.known(d.indexOf(p))).isFalse();
                assertThat(o.nextCrimeGroup(d.indexOf(p))).isNull();
                assertThat(o.excluded(d.indexOf(p), 0.0)).isFalse();
            }
        }
        // a shorter horizon that ends by the end of the data is known: 2023-07-01 + 336 = 2024-06-01
        Outcomes shorter = outcomes(d, t, Outcome.ESCALATION, 336);
        assertThat(shorter.followUpComplete()).isTrue();
        assertThat(label(d, shorter, "PA")).isTrue();
        assertThat(label(d, shorter, "PC")).isFalse();
        assertThat(outcomes(d, t, Outcome.ESCALATION, 337).followUpComplete()).isFalse();
        // the data set: nobody labelled, all at risk counted as unknown, none as a negative
        Features f = new Features(d.crimeGroups(), false, 730);
        ModelDataset s = ModelDataset.labelled(ModelData.withoutAttributes(d), config(), t, f,
                ModelDataset.Labelling.of(Outcome.ESCALATION));
        assertThat(s.size()).isZero();
        assertThat(s.positives()).isZero();
        assertThat(s.atRisk()).isEqualTo(2);
        assertThat(s.unknownFollowUp()).isEqualTo(2);
        assertThat(s.followUpComplete()).isFalse();
        ModelDataset known = ModelDataset.labelled(ModelData.withoutAttributes(d), config(), t, f,
                new ModelDataset.Labelling(Outcome.ESCALATION, 336, VIOLENT, 0.5));
        assertThat(known.size()).isEqualTo(2);
        assertThat(known.positives()).isEqualTo(1);
        assertThat(known.unknownFollowUp()).isZero();
    }

    @Test
    void nextCrimeGroupIsTheFirstOffenceAfterTWithTheTieRule() {
        ScoreData d = base()
                // same day: the most harmful wins (ASSAULT 100 over THEFT 10)
                .crime("a1", "A", "THEFT", T.minusDays(10), false)
                .crime("a2", "A", "THEFT", T.plusDays(30), false)
                .crime("a3", "A", "ASSAULT", T.plusDays(30), false)
                .crime("a4", "A", "DAMAGE", T.plusDays(40), false)
                // same day, same harm: the smallest crime group (ROBBERY before VIOLENCE)
                .crime("b1", "B", "THEFT", T.minusDays(10), false)
                .crime("b2", "B", "ASSAULT", T.plusDays(5), false)
                .crime("b3", "B", "ROB", T.plusDays(5), false)
                // the first after T, even when a later one is more harmful
                .crime("c1", "C", "THEFT", T.minusDays(10), false)
                .crime("c2", "C", "DAMAGE", T.plusDays(1), false)
                .crime("c3", "C", "MURDER", T.plusDays(2), false)
                // only after the horizon: none
                .crime("e1", "E", "THEFT", T.minusDays(10), false)
                .crime("e2", "E", "THEFT", T.plusDays(366), false)
                .build();
        Outcomes o = outcomes(d, T, Outcome.ANY_OFFENCE, 365);
        assertThat(o.nextCrimeGroup(d.indexOf("PA"))).isEqualTo("VIOLENCE");
        assertThat(o.nextCrimeGroup(d.indexOf("PB"))).isEqualTo("ROBBERY");
        assertThat(o.nextCrimeGroup(d.indexOf("PC"))).isEqualTo("CRIMINAL_DAMAGE");
        assertThat(o.nextCrimeGroup(d.indexOf("PE"))).isNull();
        assertThat(label(d, o, "PE")).isFalse();
        assertThat(outcomes(d, T, Outcome.ANY_OFFENCE, 366).nextCrimeGroup(d.indexOf("PE"))).isEqualTo("THEFT");
        // the data set's index into the sorted groups
        Features f = new Features(d.crimeGroups(), false, 730);
        ModelDataset s = ModelDataset.labelled(ModelData.withoutAttributes(d), config(), T, f,
                ModelDataset.Labelling.of(Outcome.ANY_OFFENCE));
        assertThat(s.groups()).containsExactly("CRIMINAL_DAMAGE", "ROBBERY", "THEFT", "VIOLENCE");
        int rowA = row(s, d.indexOf("PA"));
        int rowE = row(s, d.indexOf("PE"));
        assertThat(s.groups().get(s.nextGroup()[rowA])).isEqualTo("VIOLENCE");
        assertThat(s.nextGroup()[rowE]).isEqualTo(-1);
        assertThat(s.groups().get(s.lastGroup()[rowA])).isEqualTo("THEFT");
    }

    @Test
    void prisonForMoreThanTheShareOfTheFollowUpIsExcluded() {
        ScoreData d = base()
                .crime("a1", "A", "THEFT", T.minusDays(10), false)
                .prison("CRIMES", "A", T.plusDays(1), T.plusDays(183))     // days T+1 .. T+182: 182 of 365, kept
                .crime("b1", "B", "THEFT", T.minusDays(10), false)
                .prison("CRIMES", "B", T.plusDays(1), T.plusDays(184))     // 183 days: more than half, out
                .crime("c1", "C", "THEFT", T.minusDays(10), false)
                .prison("CRIMES", "C", T.minusDays(5), T.plusDays(200))    // in at T: T+1 .. T+199 = 199, out
                .crime("e1", "E", "THEFT", T.minusDays(10), false)
                .prison("CRIMES", "E", T.plusDays(200), null)              // still in: T+200 .. T+365 = 166, kept
                .crime("f1", "F", "THEFT", T.minusDays(10), false)
                .prison("CRIMES", "F", T.plusDays(10), T.plusDays(110))    // overlapping stays count each day once:
                .prison("CRIMES", "F", T.plusDays(60), T.plusDays(160))    // T+10 .. T+159 = 150 days, kept
                .crime("g1", "G", "THEFT", T.minusDays(10), false)
                .crime("g2", "G", "MURDER", T.plusDays(3), false)          // escalates, then prison most of the year
                .prison("CRIMES", "G", T.plusDays(20), T.plusDays(330))    // out, whatever the label
                .crime("h1", "H", "THEFT", T.minusDays(10), false)
                .prison("CRIMES", "H", T.minusDays(100), T)                // released on T: no day in the follow-up
                .build();
        Outcomes o = outcomes(d, T, Outcome.ESCALATION, 365);
        int[] days = {182, 183, 199, 166, 150, 310, 0};
        String[] people = {"PA", "PB", "PC", "PE", "PF", "PG", "PH"};
        boolean[] out = {false, true, true, false, false, true, false};
        for (int i = 0; i < people.length; i++) {
            int p = d.indexOf(people[i]);
            assertThat(o.prisonDays(p)).as(people[i]).isEqualTo(days[i]);
            assertThat(o.excluded(p, 0.5)).as(people[i]).isEqualTo(out[i]);
            assertThat(o.excluded(p, 1.0)).as("1.0 leaves nobody out").isFalse();
            assertThat(o.excluded(p, 0.0)).as("0 leaves out anyone with a day inside").isEqualTo(days[i] > 0);
        }
        assertThat(label(d, o, "PG")).isTrue();
        Features f = new Features(d.crimeGroups(), false, 730);
        ModelData md = ModelData.withoutAttributes(d);
        ModelDataset half = ModelDataset.labelled(md, config(), T, f, ModelDataset.Labelling.of(Outcome.ESCALATION));
        assertThat(half.atRisk()).isEqualTo(7);
        assertThat(half.excludedPrison()).isEqualTo(3);
        assertThat(half.size()).isEqualTo(4);
        assertThat(row(half, d.indexOf("PB"))).isNegative();
        assertThat(half.prisonDaysInFollowUp()[row(half, d.indexOf("PA"))]).isEqualTo(182);
        ModelDataset all = ModelDataset.labelled(md, config(), T, f,
                new ModelDataset.Labelling(Outcome.ESCALATION, 365, VIOLENT, 1.0));
        assertThat(all.excludedPrison()).isZero();
        assertThat(all.size()).isEqualTo(7);
        // "in prison at T" stays an input: C is in prison at T
        assertThat(all.x()[row(all, d.indexOf("PC"))][f.indexOf("in_prison_at_t")]).isEqualTo(1);
        // prediction leaves nobody out and carries no outcome
        ModelDataset pred = ModelDataset.forPrediction(md, config(), T, f);
        assertThat(pred.size()).isEqualTo(7);
        assertThat(pred.isLabelled()).isFalse();
        assertThat(pred.positives()).isZero();
        assertThat(pred.nextGroup()).containsOnly(-1);
    }

    @Test
    void badOptionsAreRefused() {
        assertThatThrownBy(() -> new ModelDataset.Labelling(Outcome.ESCALATION, 0, VIOLENT, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelDataset.Labelling(Outcome.ESCALATION, 365, VIOLENT, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        ScoreData d = threePeople();
        assertThatThrownBy(() -> Outcomes.compute(d, config(), T, Outcome.ESCALATION, 0, VIOLENT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static int row(ModelDataset s, int person) {
        for (int i = 0; i < s.size(); i++) {
            if (s.person(i) == person) {
                return i;
            }
        }
        return -1;
    }
}
