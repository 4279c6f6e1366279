package org.iomworkbench.core.score;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crime rows merge by crime_ref, whatever their number: the earliest date, the most harmful code,
 * alcohol when any row says so, and the offence for every person with a row of it, once each.
 */
class CrimeMergeTest {
    private static final LocalDate D = LocalDate.of(2020, 1, 1);

    @Test
    void rowsOfOneCrimeMergeAcrossCoOffendersAndRepeats() {
        ScoreData d = new ScoreData.Builder()
                .harm("A", "VIOLENCE", 99).harm("B", "THEFT", 9)
                .record("CRIMES", "c1", "P1").record("CRIMES", "c2", "P2").record("CRIMES", "c3", "P3")
                .crime("X", "c1", "B", D.plusDays(5), false)
                .crime("X", "c2", "A", D.plusDays(3), false)
                .crime("X", "c1", "B", D.plusDays(9), true)   // P1 again: once
                .crime("X", "c3", "B", D.plusDays(7), false)
                .crime("X", "nobody", "B", D, false)          // a row without a linked person still counts
                .crime("Y", "c2", "B", D.plusDays(1), false)
                .build();
        for (String p : List.of("P1", "P2", "P3")) {
            List<ScoreData.Offence> x = d.offences(d.indexOf(p));
            // X: its earliest date, its most harmful code (A), alcohol from P1's second row
            ScoreData.Offence merged = x.get(0);
            assertThat(merged.date()).as(p).isEqualTo(D);
            assertThat(merged.code()).isEqualTo("A");
            assertThat(merged.alcoholRelated()).isTrue();
        }
        assertThat(d.offences(d.indexOf("P1"))).hasSize(1);
        assertThat(d.offences(d.indexOf("P2"))).hasSize(2);
        assertThat(d.offences()).isEqualTo(4);
    }

    @Test
    void manyCrimesBeyondTheBuildersFirstRoomAreEachKept() {
        ScoreData.Builder b = new ScoreData.Builder(1, 1).harm("A", "VIOLENCE", 99).harm("B", "THEFT", 9);
        int persons = 300;
        for (int p = 0; p < persons; p++) {
            b.record("CRIMES", "c" + p, String.format("P%05d", p));
        }
        int crimes = 50_000;
        for (int k = 0; k < crimes; k++) {
            // two rows each, far apart, the second a co-offender's with another code
            b.crime("R" + k, "c" + (k % persons), "B", D.plusDays(k % 1000), false);
        }
        for (int k = 0; k < crimes; k++) {
            b.crime("R" + k, "c" + ((k + 1) % persons), k % 2 == 0 ? "A" : "B", D.plusDays(k % 1000 + 1), k % 3 == 0);
        }
        ScoreData d = b.build();
        assertThat(d.offences()).isEqualTo(2 * crimes);
        long violent = 0;
        long alcohol = 0;
        for (int p = 0; p < d.persons(); p++) {
            for (ScoreData.Offence o : d.offences(p)) {
                violent += o.code().equals("A") ? 1 : 0;
                alcohol += o.alcoholRelated() ? 1 : 0;
            }
        }
        assertThat(violent).isEqualTo(2L * (crimes / 2)); // both persons of every even crime
        assertThat(alcohol).isEqualTo(2L * ((crimes + 2) / 3));
    }

    /** Each person's offences sorted as numbers (date, rank and crime packed in a long) as by the comparator. */
    @Test
    void packedOrderIsTheComparatorsOrder() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        int changed = 0;
        for (int round = 0; round < 20; round++) {
            int crimes = 1 + r.nextInt(5_000);
            int ranks = 1 + r.nextInt(round % 2 == 0 ? 4 : 3_000);
            int span = round % 3 == 0 ? 3 : 40_000; // many exact ties, or few
            int[] date = new int[crimes];
            int[] rank = new int[crimes];
            for (int k = 0; k < crimes; k++) {
                date[k] = -20_000 + r.nextInt(span);
                rank[k] = r.nextInt(ranks);
            }
            int persons = 1 + r.nextInt(200);
            int[] count = new int[persons + 1];
            java.util.List<java.util.List<Integer>> of = new java.util.ArrayList<>();
            for (int p = 0; p < persons; p++) {
                of.add(new java.util.ArrayList<>());
            }
            for (int k = 0; k < crimes; k++) { // each range in ascending crime number, as the builder fills them
                int p = r.nextInt(persons);
                of.get(p).add(k);
                count[p + 1]++;
            }
            int[] start = new int[persons + 1];
            for (int p = 0; p < persons; p++) {
                start[p + 1] = start[p] + count[p + 1];
            }
            int[] slot = new int[crimes];
            for (int p = 0, i = 0; p < persons; p++) {
                for (int k : of.get(p)) {
                    slot[i++] = k;
                }
            }
            int[] packed = slot.clone();
            int[] boxed = slot.clone();
            ScoreData.Builder.orderOffences(packed, start, date, rank, crimes, ranks, true);
            ScoreData.Builder.orderOffences(boxed, start, date, rank, crimes, ranks, false);
            assertThat(packed).as("round %d", round).isEqualTo(boxed);
            changed += java.util.Arrays.equals(packed, slot) ? 0 : 1;
        }
        assertThat(changed).as("rounds whose order the sort changed").isGreaterThan(15);
    }
}
