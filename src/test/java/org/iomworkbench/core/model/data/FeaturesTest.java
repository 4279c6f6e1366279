package org.iomworkbench.core.model.data;

import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.Scores;
import org.iomworkbench.core.score.ScoringConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.iomworkbench.core.model.data.Histories.T;
import static org.iomworkbench.core.model.data.Histories.base;
import static org.iomworkbench.core.model.data.Histories.config;
import static org.iomworkbench.core.model.data.Histories.h;

/** Every input on hand-made persons, with the window edges. */
class FeaturesTest {
    static ScoreData d;
    static ModelData md;
    static Features f;
    static Features withGender;
    static Features.Matrix m;

    @BeforeAll
    static void build() {
        d = base()
                // A: offences at the edges of the windows; "ago" = days before T
                .crime("a0", "A", "THEFT", T, false)                     // ago 0: every window
                .crime("a1", "A", "THEFT", T.minusDays(90), true)        // last day of the 91-day window
                .crime("a2", "A", "DAMAGE", T.minusDays(91), false)      // not in 91 days, in 182
                .crime("a3", "A", "THEFT", T.minusDays(181), false)      // in 182
                .crime("a4", "A", "ASSAULT", T.minusDays(182), false)    // not in 182, in 365
                .crime("a5", "A", "THEFT", T.minusDays(364), false)      // in 365
                .crime("a6", "A", "THEFT", T.minusDays(365), false)      // not in 365, in 730
                .crime("a7", "A", "THEFT", T.minusDays(729), true)       // in 730
                .crime("a8", "A", "THEFT", T.minusDays(730), true)       // not in 730: total only
                .crime("a9", "A", "MURDER", T.plusDays(1), true)         // after T: never
                .drugTest("A", T.minusDays(10), "OPIATES", "POSITIVE")
                .drugTest("A", T.minusDays(729), "BOTH", "POSITIVE")
                .drugTest("A", T.minusDays(730), "COCAINE", "POSITIVE")  // outside the 730-day lookback
                .drugTest("A", T.minusDays(5), "COCAINE", "NEGATIVE")    // negative: not counted
                .drugTest("A", T.plusDays(3), "OPIATES", "POSITIVE")     // after T
                .marker("CRIMES", "A", "ALCOHOL_DEPENDENCY", T.minusDays(100), T) // ended on T: not active
                .prison("CRIMES", "A", T.minusDays(1000), T.minusDays(800))
                .prison("CRIMES", "A", T.minusDays(740), T.minusDays(700))     // T-729 .. T-701 in the window: 29
                .prison("CRIMES", "A", T.minusDays(20), null)                  // in at T: T-20 .. T = 21
                .prison("CRIMES", "A", T.plusDays(5), T.plusDays(50))          // after T
                // B: no date of birth, overlapping stays, a marker whose end is after T
                .crime("b1", "B", "THEFT", T.minusDays(400), false)
                .marker("CRIMES", "B", "ALCOHOL_DEPENDENCY", T.minusDays(50), T.plusDays(10))
                .prison("CRIMES", "B", T.minusDays(100), T.minusDays(50))
                .prison("CRIMES", "B", T.minusDays(80), T.minusDays(30))       // union T-100 .. T-31 = 70
                // C: born after T (impossible), released on T
                .crime("c1", "C", "THEFT", T.minusDays(3), false)
                .prison("CRIMES", "C", T.minusDays(10), T)
                // D: no offence at all
                // E: born after the first offence
                .crime("e1", "E", "THEFT", LocalDate.of(2010, 1, 1), false)
                .build();
        md = ModelData.builder(d)
                .person("PA", LocalDate.of(1990, 1, 2), 'M', "W1")
                .person("PB", null, 'U', null)
                .person("PC", LocalDate.of(2023, 1, 1), 'F', "B2")
                .person("PD", LocalDate.of(2000, 6, 15), 'm', "A1")
                .person("PE", LocalDate.of(2015, 1, 1), 'X', "W1")
                .custody("PA", T).custody("PA", T.minusDays(364)).custody("PA", T.minusDays(365))
                .custody("PA", T.plusDays(1)).custody("PA", T.minusDays(729)).custody("PA", T.minusDays(730))
                .build();
        f = new Features(d.crimeGroups(), false, 730);
        withGender = new Features(d.crimeGroups(), true, 730);
        m = f.matrix(md, config(), T, new int[]{d.indexOf("PA"), d.indexOf("PB"), d.indexOf("PC"), d.indexOf("PD"),
                d.indexOf("PE")});
    }

    static double x(int row, String name) {
        int k = f.indexOf(name);
        assertThat(k).as(name).isNotNegative();
        return m.rows()[row][k];
    }

    @Test
    void offenceWindowsAreTheDaysTMinusNExclusiveToTInclusive() {
        double ht = h(10);
        double hd = h(5);
        double ha = h(100);
        assertThat(x(0, "offences_91d")).isEqualTo(2);
        assertThat(x(0, "offences_182d")).isEqualTo(4);
        assertThat(x(0, "offences_365d")).as("364 days before T is in, 365 days before is not").isEqualTo(6);
        assertThat(x(0, "offences_730d")).isEqualTo(8);
        assertThat(x(0, "offences_total")).isEqualTo(9);
        assertThat(x(0, "harm_91d")).isCloseTo(2 * ht, within(1e-12));
        assertThat(x(0, "harm_182d")).isCloseTo(3 * ht + hd, within(1e-12));
        assertThat(x(0, "harm_365d")).isCloseTo(4 * ht + hd + ha, within(1e-12));
        assertThat(x(0, "harm_730d")).isCloseTo(6 * ht + hd + ha, within(1e-12));
        assertThat(x(0, "harm_total")).isCloseTo(7 * ht + hd + ha, within(1e-12));
        assertThat(x(0, "days_since_last_offence")).isZero();
        assertThat(x(0, "career_days")).isEqualTo(730);
        assertThat(x(0, "alcohol_offences_total")).isEqualTo(3);
        assertThat(x(0, "alcohol_offences_730d")).isEqualTo(2);
        assertThat(x(0, "group_theft")).isEqualTo(7);
        assertThat(x(0, "group_criminal_damage")).isEqualTo(1);
        assertThat(x(0, "group_violence")).as("the murder after T is not counted").isEqualTo(1);
        assertThat(x(0, "group_robbery")).isZero();
        assertThat(x(1, "days_since_last_offence")).isEqualTo(400);
        assertThat(x(1, "career_days")).isZero();
        assertThat(x(3, "offences_total")).isZero();
        assertThat(x(3, "days_since_last_offence")).isEqualTo(Features.CAP_DAYS);
        assertThat(x(4, "days_since_last_offence")).as("capped").isEqualTo(Features.CAP_DAYS);
    }

    @Test
    void agesInCompletedYearsWithTheMedianForUnknownDates() {
        assertThat(x(0, "age_at_t")).as("the birthday is the day after T").isEqualTo(31);
        assertThat(x(0, "age_at_first_offence")).as("first offence on the 30th birthday").isEqualTo(30);
        assertThat(x(0, "age_unknown")).isZero();
        assertThat(x(3, "age_at_t")).isEqualTo(21);
        assertThat(x(3, "age_unknown")).isZero();
        // known ages at T: 31 and 21, median 26; known ages at a first offence: 30
        assertThat(m.ageAtTImputed()).isEqualTo(26);
        assertThat(m.ageAtFirstOffenceImputed()).isEqualTo(30);
        for (int row : new int[]{1, 2, 4}) { // missing, born after T, born after the first offence
            assertThat(x(row, "age_unknown")).as("row " + row).isEqualTo(1);
            assertThat(x(row, "age_at_t")).isEqualTo(26);
            assertThat(x(row, "age_at_first_offence")).isEqualTo(30);
        }
        assertThat(x(3, "age_at_first_offence")).as("no offence: imputed").isEqualTo(30);
        // one person alone: the raw value is NaN
        double[] raw = new double[f.count()];
        f.compute(md, Scorer.score(d, config()), d.indexOf("PB"), (int) T.toEpochDay(), raw);
        assertThat(raw[f.indexOf("age_at_t")]).isNaN();
        assertThat(raw[f.indexOf("age_unknown")]).isEqualTo(1);
        // nobody known: 0
        Features.Matrix alone = f.matrix(md, config(), T, new int[]{d.indexOf("PB")});
        assertThat(alone.rows()[0][f.indexOf("age_at_t")]).isZero();
        // fixed values (a training set's medians) instead of this set's
        Features fixed = f.withImputation(40, 19);
        assertThat(fixed.names()).isEqualTo(f.names());
        Features.Matrix fm = fixed.matrix(md, config(), T, m.persons());
        assertThat(fm.ageAtTImputed()).isEqualTo(40);
        assertThat(fm.rows()[1][f.indexOf("age_at_t")]).isEqualTo(40);
        assertThat(fm.rows()[1][f.indexOf("age_at_first_offence")]).isEqualTo(19);
        assertThat(fm.rows()[0][f.indexOf("age_at_t")]).as("a known age is kept").isEqualTo(31);
    }

    @Test
    void custodyTestsMarkersAndPrisonUpToT() {
        assertThat(x(0, "custody_365d")).isEqualTo(2);
        assertThat(x(0, "custody_730d")).isEqualTo(4);
        assertThat(x(0, "custody_total")).isEqualTo(5);
        assertThat(x(1, "custody_total")).isZero();
        assertThat(x(0, "opiates_positive_lookback")).isEqualTo(2);
        assertThat(x(0, "cocaine_positive_lookback")).isEqualTo(1);
        assertThat(x(0, "opiates_positive_total")).isEqualTo(2);
        assertThat(x(0, "cocaine_positive_total")).isEqualTo(2);
        assertThat(x(0, "alcohol_marker_active")).as("ended on T").isZero();
        assertThat(x(1, "alcohol_marker_active")).as("the end after T is not known at T").isEqualTo(1);
        assertThat(x(0, "prison_stays")).isEqualTo(3);
        assertThat(x(0, "prison_days_730d")).isEqualTo(29 + 21);
        assertThat(x(0, "in_prison_at_t")).isEqualTo(1);
        assertThat(x(0, "days_since_release")).isEqualTo(700);
        assertThat(x(1, "prison_stays")).isEqualTo(2);
        assertThat(x(1, "prison_days_730d")).as("overlapping stays count each day once").isEqualTo(70);
        assertThat(x(1, "in_prison_at_t")).isZero();
        assertThat(x(1, "days_since_release")).isEqualTo(30);
        assertThat(x(2, "in_prison_at_t")).as("released on T").isZero();
        assertThat(x(2, "days_since_release")).isZero();
        assertThat(x(2, "prison_days_730d")).isEqualTo(10);
        assertThat(x(3, "days_since_release")).isEqualTo(Features.CAP_DAYS);
        assertThat(x(3, "prison_stays")).isZero();
    }

    @Test
    void theScoreColumnsAreTheScorersAtTUnderTheFrozenConfiguration() {
        ScoringConfig cfg = config().withAsAt(T);
        Scores s = Scorer.score(d, cfg);
        String[] xs = {"x_alcohol_crime", "x_alcohol_dependency", "x_opiates_positive", "x_cocaine_positive",
                "x_harm_trend", "x_freq_trend"};
        int[] rows = m.persons();
        for (int r = 0; r < rows.length; r++) {
            int p = rows[r];
            assertThat(x(r, "s")).isEqualTo(s.s(p));
            assertThat(x(r, "ln1p_s")).isEqualTo(Math.log1p(s.s(p)));
            assertThat(x(r, "rfsdi")).isEqualTo(s.rfsdi(p));
            assertThat(x(r, "ln1p_rfsdi")).isEqualTo(Math.log1p(s.rfsdi(p)));
            assertThat(x(r, "band")).isEqualTo(s.band(p).ordinal());
            for (int k = 0; k < 6; k++) {
                assertThat(x(r, xs[k])).as(xs[k]).isEqualTo(s.x(p, k));
            }
        }
        assertThat(x(0, "s")).isPositive();
        assertThat(x(0, "x_opiates_positive")).isEqualTo(1);
        // a different as-at date gives different scores: the matrix really scores at T
        Features.Matrix later = f.matrix(md, config(), T.plusDays(400), rows);
        assertThat(later.rows()[0][f.indexOf("s")]).isNotEqualTo(x(0, "s"));
    }

    @Test
    void genderOnlyWhenAskedAndNeverEthnicityNamesOrIdentifiers() {
        assertThat(f.names()).doesNotContain("gender_m", "gender_f");
        assertThat(withGender.names()).endsWith("gender_m", "gender_f");
        assertThat(withGender.count()).isEqualTo(f.count() + 2);
        Features.Matrix g = withGender.matrix(md, config(), T, m.persons());
        int gm = withGender.indexOf("gender_m");
        int gf = withGender.indexOf("gender_f");
        assertThat(new double[]{g.rows()[0][gm], g.rows()[0][gf]}).containsExactly(1, 0); // M
        assertThat(new double[]{g.rows()[1][gm], g.rows()[1][gf]}).containsExactly(0, 0); // U
        assertThat(new double[]{g.rows()[2][gm], g.rows()[2][gf]}).containsExactly(0, 1); // F
        assertThat(new double[]{g.rows()[3][gm], g.rows()[3][gf]}).containsExactly(1, 0); // m
        assertThat(new double[]{g.rows()[4][gm], g.rows()[4][gf]}).containsExactly(0, 0); // X: unknown
        // the other columns are the same with or without gender
        for (int r = 0; r < 5; r++) {
            for (int k = 0; k < f.count(); k++) {
                assertThat(g.rows()[r][k]).isEqualTo(m.rows()[r][k]);
            }
        }
        for (Features x : List.of(f, withGender)) {
            assertThat(x.names()).noneMatch(n -> n.matches(".*(ethnic|postcode|surname|forename|name|pnc|_id|person).*"));
            assertThat(x.names()).doesNotHaveDuplicates();
            assertThat(x.columns()).allMatch(c -> !c.meaning().isBlank());
            assertThat(x.describe().keySet()).containsExactlyElementsOf(x.names());
        }
        // the ethnicity is there, for the audit only
        assertThat(md.auditEthnicity(d.indexOf("PA"))).isEqualTo("W1");
    }

    @Test
    void theColumnOrderIsStable() {
        assertThat(f.names()).startsWith("offences_91d", "offences_182d", "offences_365d", "offences_730d",
                "harm_91d", "harm_182d", "harm_365d", "harm_730d", "offences_total", "harm_total",
                "days_since_last_offence", "career_days", "age_at_t", "age_at_first_offence", "age_unknown",
                "group_criminal_damage", "group_robbery", "group_theft", "group_violence");
        assertThat(f.names()).endsWith("band", "x_alcohol_crime", "x_alcohol_dependency", "x_opiates_positive",
                "x_cocaine_positive", "x_harm_trend", "x_freq_trend");
        assertThat(new Features(d.crimeGroups(), false, 730).names()).isEqualTo(f.names());
        // row-major layout
        double[] flat = m.rowMajor();
        assertThat(flat).hasSize(5 * f.count());
        assertThat(flat[2 * f.count() + f.indexOf("custody_total")]).isEqualTo(x(2, "custody_total"));
        assertThat(flat[f.indexOf("offences_total")]).isEqualTo(9);
    }
}
