package org.iomworkbench.core.score;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Hand-computed persons: the clock, S, every window and lookback edge, ties, merging and bands. */
class ScorerTest {
    static final LocalDate T = LocalDate.of(2024, 6, 30);

    static LocalDate day(int offset) {
        return T.plusDays(offset);
    }

    /** A harm index with round logarithms: h(A) = 2, h(B) = 1, h(C) = 3, h(Z) = 0. */
    static ScoreData.Builder index() {
        return new ScoreData.Builder()
                .harm("A", "VIOLENCE", 99)
                .harm("B", "THEFT", 9)
                .harm("C", "ROBBERY", 999)
                .harm("B2", "BURGLARY", 9)
                .harm("Z", "OTHER", 0)
                .harm("F4", "FRAUD", 3)
                .harm("F25", "FRAUD", 24);
    }

    static Scores score(ScoreData d) {
        return Scorer.score(d, T, 365, 730, 365, Weights.ONE, null);
    }

    @Test
    void decayHalvesEachHalfLifeAndAPersonWithNoOffenceScoresZero() {
        ScoreData d = index().record("CRIMES", "1", "P1").record("CRIMES", "2", "P2").record("DIP", "9", "P2")
                .record("CRIMES", "3", "P3")
                .crime("R1", "1", "A", day(-365), false)
                .crime("R2", "1", "B", day(0), false)
                .crime("R3", "1", "C", day(1), false) // after T: not counted
                .crime("R4", "3", "Z", day(-10), false)
                .build();
        Scores s = score(d);
        int p1 = d.indexOf("P1");
        assertThat(s.s(p1)).isCloseTo(2 * 0.5 + 1, within(1e-15));
        assertThat(s.inPrison(p1)).isFalse();
        int p2 = d.indexOf("P2");
        assertThat(s.s(p2)).isZero();
        assertThat(s.rfsdi(p2)).isZero();
        assertThat(d.sourceIds(p2)).isEqualTo("CRIMES:2;DIP:9");
        // zero harm days: h = 0, yet an offence for the trends
        int p3 = d.indexOf("P3");
        assertThat(s.s(p3)).isZero();
        assertThat(s.freqTrend(p3)).isEqualTo(1);
        assertThat(s.harmTrend(p3)).isZero();
        assertThat(Cutoffs.ofValues(new double[]{-1, 0.5, 1, 2}).band(0)).isEqualTo(Band.LOW);
    }

    @Test
    void prisonStopsTheClockAtTheLatestEntryOfTheRecordsOpenAtT() {
        ScoreData d = index()
                .record("CRIMES", "1", "P1").record("CUSTODY", "1", "P1")
                .record("CRIMES", "2", "P2")
                .record("CRIMES", "3", "P3")
                .record("CRIMES", "4", "P4")
                .crime("R1", "1", "A", day(-400), false)
                .crime("R2", "1", "B", day(-10), true) // in prison: age 0, no window, no alcohol flag
                .prison("CUSTODY", "1", day(-900), day(-500))
                .prison("CUSTODY", "1", day(-60), null)
                .prison("CRIMES", "1", day(-35), day(5))
                .crime("R3", "2", "A", day(-365), false)
                .prison("CRIMES", "2", day(-100), day(0)) // released on T: not in prison
                .crime("R4", "3", "A", day(-365), false)
                .prison("CRIMES", "3", day(0), null) // entered on T: in prison, c = T
                .crime("R5", "4", "A", day(-30), false)
                .prison("CRIMES", "4", day(1), null) // entry after T: ignored
                .build();
        Scores s = score(d);
        int p1 = d.indexOf("P1");
        assertThat(s.inPrison(p1)).isTrue();
        // c = T - 35: A is 365 days old (decay 1/2), B counts whole
        assertThat(s.s(p1)).isCloseTo(2 * 0.5 + 1, within(1e-15));
        // window at c: A at c - 365 is not recent (c - 365 < date fails) but previous
        assertThat(s.freqTrend(p1)).isEqualTo(-1);
        assertThat(s.harmTrend(p1)).isEqualTo(-1);
        assertThat(s.alcoholCrime(p1)).isZero();
        int p2 = d.indexOf("P2");
        assertThat(s.inPrison(p2)).isFalse();
        assertThat(s.s(p2)).isCloseTo(1.0, within(1e-15));
        int p3 = d.indexOf("P3");
        assertThat(s.inPrison(p3)).isTrue();
        assertThat(s.s(p3)).isCloseTo(1.0, within(1e-15));
        assertThat(s.inPrison(d.indexOf("P4"))).isFalse();
    }

    @Test
    void windowEdgesAreOpenBelowAndClosedAbove() {
        ScoreData d = index()
                .record("CRIMES", "1", "P1").record("CRIMES", "2", "P2").record("CRIMES", "3", "P3")
                // P1: c - 364 is recent, c - 365 is previous: trend 0 in count, harm 2 vs 1
                .crime("R1", "1", "A", day(-364), false)
                .crime("R2", "1", "B", day(-365), false)
                // P2: c - 729 is previous, c - 730 is in no window
                .crime("R3", "2", "A", day(-729), false)
                .crime("R4", "2", "C", day(-730), false)
                // P3: an offence on T itself is recent
                .crime("R5", "3", "B", day(0), false)
                .build();
        Scores s = score(d);
        int p1 = d.indexOf("P1");
        assertThat(s.freqTrend(p1)).isZero();
        assertThat(s.harmTrend(p1)).isEqualTo(1);
        int p2 = d.indexOf("P2");
        assertThat(s.freqTrend(p2)).isEqualTo(-1);
        assertThat(s.harmTrend(p2)).isEqualTo(-1);
        int p3 = d.indexOf("P3");
        assertThat(s.freqTrend(p3)).isEqualTo(1);
        assertThat(s.harmTrend(p3)).isEqualTo(1);
        // a window of 0 days: nothing is recent or previous
        Scores zero = Scorer.score(d, T, 365, 730, 0, Weights.ONE, null);
        assertThat(zero.freqTrend(p3)).isZero();
    }

    @Test
    void harmSumsWithinOnePartInABillionAreATie() {
        ScoreData d = index()
                .record("CRIMES", "1", "P1").record("CRIMES", "2", "P2")
                // recent log10(4) + log10(25) = 2 = previous log10(100), up to rounding
                .crime("R1", "1", "F4", day(-10), false)
                .crime("R2", "1", "F25", day(-20), false)
                .crime("R3", "1", "A", day(-400), false)
                // equal counts, equal harm: both trends 0
                .crime("R4", "2", "B", day(-1), false)
                .crime("R5", "2", "B2", day(-366), false)
                .build();
        Scores s = score(d);
        int p1 = d.indexOf("P1");
        assertThat(s.harmTrend(p1)).isZero();
        assertThat(s.freqTrend(p1)).isEqualTo(1);
        int p2 = d.indexOf("P2");
        assertThat(s.harmTrend(p2)).isZero();
        assertThat(s.freqTrend(p2)).isZero();
        assertThat(Scorer.harmSign(1.0, 1.0 + 0.9e-9)).isZero();
        assertThat(Scorer.harmSign(1.0, 1.0 + 1.1e-9)).isEqualTo(-1);
        assertThat(Scorer.harmSign(0, 0)).isZero();
    }

    @Test
    void lookbackEdgesOfTheAlcoholAndDrugFlagsAndTheMarkerAtTheClock() {
        ScoreData d = index()
                .record("CRIMES", "1", "P1").record("DIP", "1", "P1")
                .record("CRIMES", "2", "P2").record("DIP", "2", "P2")
                .record("CRIMES", "3", "P3")
                .record("CRIMES", "4", "P4").record("CUSTODY", "4", "P4")
                // P1: inside the lookback by one day
                .crime("R1", "1", "B", day(-729), true)
                .drugTest("1", day(-729), "OPIATES", "POSITIVE")
                .drugTest("1", day(0), "COCAINE", "POSITIVE")
                .marker("CRIMES", "1", "ALCOHOL_DEPENDENCY", day(0), null)
                // P2: on the edge, so outside; a negative test and another marker count for nothing
                .crime("R2", "2", "B", day(-730), true)
                .drugTest("2", day(-730), "BOTH", "POSITIVE")
                .drugTest("2", day(-5), "BOTH", "NEGATIVE")
                .marker("CRIMES", "2", "ALCOHOL_DEPENDENCY", day(-100), day(0))
                .marker("CRIMES", "2", "DRUG_USE", day(-100), null)
                // P3: a marker ending the day after T is active
                .crime("R3", "3", "B", day(-1), false)
                .marker("CRIMES", "3", "alcohol_dependency", day(-100), day(1))
                // P4: in prison since T - 100; a test after the entry does not count, one before does
                .crime("R4", "4", "A", day(-200), false)
                .prison("CUSTODY", "4", day(-100), null)
                .build();
        Scores s = score(d);
        int p1 = d.indexOf("P1");
        assertThat(new int[]{s.alcoholCrime(p1), s.alcoholDependency(p1), s.opiatesPositive(p1), s.cocainePositive(p1)})
                .containsExactly(1, 1, 1, 1);
        int p2 = d.indexOf("P2");
        assertThat(new int[]{s.alcoholCrime(p2), s.alcoholDependency(p2), s.opiatesPositive(p2), s.cocainePositive(p2)})
                .containsExactly(0, 0, 0, 0);
        assertThat(s.alcoholDependency(d.indexOf("P3"))).isEqualTo(1);
        // BOTH sets both flags: P2 with a longer lookback
        Scores longer = Scorer.score(d, T, 365, 731, 365, Weights.ONE, null);
        assertThat(longer.opiatesPositive(p2)).isEqualTo(1);
        assertThat(longer.cocainePositive(p2)).isEqualTo(1);
        assertThat(longer.alcoholCrime(p2)).isEqualTo(1);
    }

    @Test
    void drugTestsAfterThePrisonEntryDoNotCount() {
        ScoreData d = index()
                .record("CRIMES", "4", "P4").record("DIP", "4", "P4")
                .crime("R4", "4", "A", day(-200), false)
                .prison("CRIMES", "4", day(-100), null)
                .drugTest("4", day(-50), "OPIATES", "POSITIVE")
                .drugTest("4", day(-150), "COCAINE", "POSITIVE")
                .build();
        Scores s = score(d);
        assertThat(s.opiatesPositive(0)).isZero();
        assertThat(s.cocainePositive(0)).isEqualTo(1);
        // decay from the entry: 100 days
        assertThat(s.s(0)).isCloseTo(2 * Math.pow(2, -100 / 365.0), within(1e-15));
    }

    @Test
    void rowsOfOneCrimeAreMergedOnceForEveryOffenderNamed() {
        ScoreData d = index()
                .record("CRIMES", "1", "P1").record("CRIMES", "2", "P2").record("CRIMES", "3", "P3")
                .crime("X", "1", "B", day(-100), false)
                .crime("X", "2", "A", day(-50), true) // a later row: code A (more harm), earliest date stays
                .crime("X", "1", "B", day(-10), false) // the same crime listed twice for P1
                .crime("Y", "3", "B2", day(-5), false)
                .crime("Y", "3", "B", day(-5), false) // tie on harm days: the smallest code, B
                .build();
        assertThat(d.offences()).isEqualTo(3);
        Scores s = score(d);
        double expected = 2 * Math.pow(2, -100 / 365.0);
        assertThat(s.s(d.indexOf("P1"))).isEqualTo(expected);
        assertThat(s.s(d.indexOf("P2"))).isEqualTo(expected);
        assertThat(s.alcoholCrime(d.indexOf("P1"))).isEqualTo(1);
        int p3 = d.indexOf("P3");
        assertThat(d.codes[d.offCode[d.offStart[p3]]]).isEqualTo("B");
        assertThat(d.endOfData().orElseThrow()).isEqualTo(day(-5));
    }

    @Test
    void theScoreMultipliesSByTheWeightsAndBandsHaveClosedLowerEdges() {
        ScoreData d = index()
                .record("CRIMES", "1", "P1").record("DIP", "1", "P1")
                .crime("R1", "1", "A", day(-10), true)
                .crime("R2", "1", "C", day(-400), false)
                .drugTest("1", day(-3), "COCAINE", "POSITIVE")
                .build();
        Weights w = new Weights(1.5, 7, 11, 2.5, 1.25, 0.8);
        Scores s = Scorer.score(d, T, 365, 730, 365, w, null);
        double sv = 2 * Math.pow(2, -10 / 365.0) + 3 * Math.pow(2, -400 / 365.0);
        // alcohol crime, cocaine; harm trend -1 (2 < 3); freq trend 0
        assertThat(s.harmTrend(0)).isEqualTo(-1);
        assertThat(s.freqTrend(0)).isZero();
        assertThat(s.rfsdi(0)).isCloseTo(sv * 1.5 * 2.5 / 1.25, within(1e-12));
        double r = s.rfsdi(0);
        assertThat(new Cutoffs(r, r + 1, r + 2, r + 3).band(r)).isEqualTo(Band.LOW_MEDIUM);
        assertThat(new Cutoffs(r - 3, r - 2, r - 1, r).band(r)).isEqualTo(Band.SUPER_HIGH);
        assertThat(new Cutoffs(r - 2, r - 1, r, r + 1).band(r)).isEqualTo(Band.HIGH);
        assertThat(new Cutoffs(r - 1, r, r + 1, r + 2).band(r)).isEqualTo(Band.HIGH_MEDIUM);
        assertThat(new Cutoffs(r + 1, r + 2, r + 3, r + 4).band(r)).isEqualTo(Band.LOW);
    }

    @Test
    void percentilesAreRType7OverPositiveValues() {
        double[] v = {0, 0, 3, 1, 2, 4, 5, 6, 7, 8, 9, 10, 0};
        Cutoffs c = Cutoffs.percentilesOfPositive(v);
        // numpy.percentile([1..10], [50, 80, 95, 99]) = 5.5, 8.2, 9.55, 9.91
        assertThat(c.c1()).isCloseTo(5.5, within(1e-12));
        assertThat(c.c2()).isCloseTo(8.2, within(1e-12));
        assertThat(c.c3()).isCloseTo(9.55, within(1e-12));
        assertThat(c.c4()).isCloseTo(9.91, within(1e-12));
        Cutoffs one = Cutoffs.percentilesOfPositive(new double[]{0, 4});
        assertThat(one.toArray()).containsExactly(4, 4, 4, 4);
    }
}
