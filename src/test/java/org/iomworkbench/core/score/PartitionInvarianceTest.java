package org.iomworkbench.core.score;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The working proof behind docs/scale-out.md: scoring is per person. A population scored whole
 * and the same population split into parts by a hash of the person id, each part scored on its
 * own with the same configuration, give bit-identical scores, bands and indicators for every
 * person, provided each part receives every crime row of the crimes its persons are named on
 * (crimes are merged by crime_ref over all their rows, co-offenders' rows included: in a
 * distributed engine, a join on crime_ref before partitioning by person). Feeding a part only its
 * own persons' crime rows is the negative control: merged crimes then differ.
 */
class PartitionInvarianceTest {
    private static final LocalDate AS_AT = LocalDate.of(2024, 12, 31);
    private static final String[] CODES = {"THEFT", "ASSAULT", "ROB", "MURDER", "DAMAGE", "BURGLARY"};
    private static final String[] GROUPS = {"THEFT", "VIOLENCE", "ROBBERY", "VIOLENCE", "CRIMINAL_DAMAGE", "BURGLARY"};
    private static final double[] DAYS = {10, 100, 365, 5475, 5, 40};

    record CrimeRow(String ref, String personKey, String code, LocalDate date, boolean alcohol) {
    }

    record Population(List<String> persons, List<CrimeRow> crimes, List<Object[]> prisons, List<Object[]> tests,
                      List<Object[]> markers) {
    }

    @Test
    void scoringPartsAloneEqualsScoringTheWhole() {
        Population pop = population(3_000, 17);
        Whole scored = whole(pop);
        ScoreData whole = scored.data();
        ScoringConfig cfg = scored.cfg();
        Scores all = scored.scores();
        Map<String, Integer> index = scored.index();
        for (int k : new int[]{2, 7}) {
            int compared = 0;
            for (List<String> part : parts(pop.persons(), k)) {
                ScoreData d = build(pop, part, true);
                Scores s = Scorer.score(d, cfg);
                for (int p = 0; p < d.persons(); p++) {
                    int w = index.get(d.personId(p));
                    assertThat(Double.doubleToRawLongBits(s.s(p))).as(d.personId(p)).isEqualTo(Double.doubleToRawLongBits(all.s(w)));
                    assertThat(Double.doubleToRawLongBits(s.rfsdi(p))).as(d.personId(p))
                            .isEqualTo(Double.doubleToRawLongBits(all.rfsdi(w)));
                    assertThat(s.band(p)).isEqualTo(all.band(w));
                    assertThat(s.inPrison(p)).isEqualTo(all.inPrison(w));
                    for (int x = 0; x < 6; x++) {
                        assertThat(s.x(p, x)).isEqualTo(all.x(w, x));
                    }
                    compared++;
                }
            }
            assertThat(compared).as("every person scored once across the %d parts", k).isEqualTo(whole.persons());
        }
    }

    @Test
    void withoutTheCoOffendersRowsTheMergedCrimesDiffer() {
        Population pop = population(3_000, 17);
        Whole scored = whole(pop);
        ScoreData whole = scored.data();
        ScoringConfig cfg = scored.cfg();
        Scores all = scored.scores();
        Map<String, Integer> index = scored.index();
        int differ = 0;
        for (List<String> part : parts(pop.persons(), 7)) {
            ScoreData d = build(pop, part, false);
            Scores s = Scorer.score(d, cfg);
            for (int p = 0; p < d.persons(); p++) {
                if (Double.doubleToRawLongBits(s.s(p)) != Double.doubleToRawLongBits(all.s(index.get(d.personId(p))))) {
                    differ++;
                }
            }
        }
        assertThat(differ).as("persons whose S changes when co-offenders' rows are not joined in").isGreaterThan(50);
    }

    /** The population scored whole, with each person's index. */
    record Whole(ScoreData data, ScoringConfig cfg, Scores scores, Map<String, Integer> index) {
    }

    static Whole whole(Population pop) {
        ScoreData whole = build(pop, pop.persons(), true);
        ScoringConfig cfg = config(whole);
        Map<String, Integer> index = new HashMap<>();
        for (int p = 0; p < whole.persons(); p++) {
            index.put(whole.personId(p), p);
        }
        return new Whole(whole, cfg, Scorer.score(whole, cfg), index);
    }

    private static ScoringConfig config(ScoreData d) {
        return new ScoringConfig(0, "", d.harmIndexVersion(), AS_AT, 365, 730, 365, AS_AT.minusDays(365),
                new Weights(1.3, 1.2, 1.5, 1.4, 1.1, 1.05), ScoringConfig.WeightsSource.PINNED, new Cutoffs(1, 2, 3, 4),
                ScoringConfig.CutoffsSource.SET);
    }

    /** Persons P00000.. with a CRIMES, DIP and CUSTODY record each; crimes, a sixth with a co-offender's row. */
    static Population population(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> persons = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            persons.add(String.format("P%05d", i));
        }
        List<CrimeRow> crimes = new ArrayList<>();
        List<Object[]> prisons = new ArrayList<>();
        List<Object[]> tests = new ArrayList<>();
        List<Object[]> markers = new ArrayList<>();
        LocalDate first = LocalDate.of(2014, 1, 1);
        int ref = 0;
        for (int i = 0; i < n; i++) {
            int offences = 1 + r.nextInt(12);
            for (int k = 0; k < offences; k++) {
                String id = "CR" + ref++;
                int c = r.nextInt(CODES.length);
                LocalDate date = first.plusDays(r.nextInt(4018));
                crimes.add(new CrimeRow(id, "C" + i, CODES[c], date, r.nextInt(5) == 0));
                if (r.nextInt(6) == 0) {
                    // a co-offender's row of the same crime: another date, code and alcohol flag
                    crimes.add(new CrimeRow(id, "C" + r.nextInt(n), CODES[r.nextInt(CODES.length)],
                            date.minusDays(r.nextInt(30)), r.nextInt(3) == 0));
                }
            }
            if (r.nextInt(8) == 0) {
                LocalDate in = first.plusDays(r.nextInt(3800));
                prisons.add(new Object[]{"CUSTODY", "K" + i, in, r.nextInt(4) == 0 ? null : in.plusDays(30 + r.nextInt(700))});
            }
            if (r.nextInt(4) == 0) {
                tests.add(new Object[]{"D" + i, first.plusDays(r.nextInt(4018)), r.nextBoolean() ? "OPIATES" : "COCAINE",
                        r.nextInt(3) == 0 ? "NEGATIVE" : "POSITIVE"});
            }
            if (r.nextInt(10) == 0) {
                LocalDate from = first.plusDays(r.nextInt(4018));
                markers.add(new Object[]{"CUSTODY", "K" + i, "ALCOHOL_DEPENDENCY", from, r.nextBoolean() ? null : from.plusDays(r.nextInt(900))});
            }
        }
        return new Population(persons, crimes, prisons, tests, markers);
    }

    /**
     * The part's builder: the whole harm index, the part's persons' records first, then the crime
     * rows (all rows of each crime a person of the part is named on when {@code joinCrimes}, else
     * only their own rows), prison stays, tests and markers of its persons.
     */
    static ScoreData build(Population pop, List<String> part, boolean joinCrimes) {
        ScoreData.Builder b = new ScoreData.Builder();
        for (int c = 0; c < CODES.length; c++) {
            b.harm(CODES[c], GROUPS[c], DAYS[c]);
        }
        Set<String> crimesKeys = new HashSet<>();
        Set<String> otherKeys = new HashSet<>();
        for (String p : part) {
            String i = p.substring(1).replaceFirst("^0+(?=.)", "");
            b.record("CRIMES", "C" + i, p).record("DIP", "D" + i, p).record("CUSTODY", "K" + i, p);
            crimesKeys.add("C" + i);
            otherKeys.add("D" + i);
            otherKeys.add("K" + i);
        }
        Set<String> refs = new HashSet<>();
        for (CrimeRow c : pop.crimes()) {
            if (crimesKeys.contains(c.personKey())) {
                refs.add(c.ref());
            }
        }
        for (CrimeRow c : pop.crimes()) {
            if (joinCrimes ? refs.contains(c.ref()) : crimesKeys.contains(c.personKey())) {
                b.crime(c.ref(), c.personKey(), c.code(), c.date(), c.alcohol());
            }
        }
        for (Object[] x : pop.prisons()) {
            if (otherKeys.contains((String) x[1])) {
                b.prison((String) x[0], (String) x[1], (LocalDate) x[2], (LocalDate) x[3]);
            }
        }
        for (Object[] x : pop.tests()) {
            if (otherKeys.contains((String) x[0])) {
                b.drugTest((String) x[0], (LocalDate) x[1], (String) x[2], (String) x[3]);
            }
        }
        for (Object[] x : pop.markers()) {
            if (otherKeys.contains((String) x[1])) {
                b.marker((String) x[0], (String) x[1], (String) x[2], (LocalDate) x[3], (LocalDate) x[4]);
            }
        }
        return b.build();
    }

    /** The persons in k parts by a hash of the id (as a distributed engine partitions). */
    static List<List<String>> parts(List<String> persons, int k) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(new ArrayList<>());
        }
        for (String p : persons) {
            out.get(Math.floorMod(p.hashCode() * 0x9E3779B9, k)).add(p);
        }
        return out;
    }
}
