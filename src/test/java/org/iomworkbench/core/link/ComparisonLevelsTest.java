package org.iomworkbench.core.link;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Each comparison level on hand-made pairs. */
class ComparisonLevelsTest {
    private static final LocalDate D = LocalDate.of(1990, 3, 14);

    /** Two records, a and b, differing as given; the rest equal. */
    private static int[] levels(String snA, String fnA, LocalDate dobA, String gA, String pcA, String pncA,
                                String snB, String fnB, LocalDate dobB, String gB, String pcB, String pncB) {
        LinkRecords r = LinkRecords.builder()
                .add("A", "1", snA, fnA, dobA, gA, "W1", pcA, pncA)
                .add("B", "1", snB, fnB, dobB, gB, "W1", pcB, pncB)
                .build();
        int p = new Comparisons(r).pattern(0, 1);
        int[] out = new int[Field.COUNT];
        for (Field f : Field.ALL) {
            out[f.ordinal()] = f.levelOf(p);
        }
        return out;
    }

    private static int surname(String a, String b) {
        return levels(a, "John", D, "M", null, null, b, "John", D, "M", null, null)[Field.SURNAME.ordinal()];
    }

    private static int forenames(String a, String b) {
        return levels("Smith", a, D, "M", null, null, "Smith", b, D, "M", null, null)[Field.FORENAMES.ordinal()];
    }

    private static int dob(LocalDate a, LocalDate b) {
        return levels("Smith", "John", a, "M", null, null, "Smith", "John", b, "M", null, null)[Field.DOB.ordinal()];
    }

    private static int postcode(String a, String b) {
        return levels("Smith", "John", D, "M", a, null, "Smith", "John", D, "M", b, null)[Field.POSTCODE.ordinal()];
    }

    private static String name(Field f, int level) {
        return f.levels().get(level);
    }

    @Test
    void surnameLevels() {
        assertThat(name(Field.SURNAME, surname("Smith", "SMITH"))).isEqualTo("exact");
        assertThat(name(Field.SURNAME, surname("O'Brien", "OBRIEN"))).isEqualTo("exact");
        assertThat(name(Field.SURNAME, surname("Smith-Jones", "Smith Jones"))).isEqualTo("exact");
        assertThat(name(Field.SURNAME, surname("Richardson", "Richardsen"))).isEqualTo("Jaro-Winkler >= 0.92");
        assertThat(name(Field.SURNAME, surname("Parker-Smith", "Smith"))).isEqualTo("one part of a double surname");
        assertThat(name(Field.SURNAME, surname("Knight", "Nite"))).isEqualTo("phonetic (Double Metaphone)");
        assertThat(name(Field.SURNAME, surname("Robinson", "Robertson"))).isEqualTo("Jaro-Winkler >= 0.80");
        assertThat(name(Field.SURNAME, surname("Smith", "Okafor"))).isEqualTo("different");
        assertThat(name(Field.SURNAME, surname("", "Okafor"))).isEqualTo("missing");
    }

    @Test
    void namesSwappedAreOneLevelOfTheSurname() {
        int[] l = levels("John", "Smith", D, "M", null, null, "Smith", "John", D, "M", null, null);
        assertThat(name(Field.SURNAME, l[Field.SURNAME.ordinal()])).isEqualTo("swapped with forename");
        // the forenames carry no separate evidence then (not counted twice)
        assertThat(l[Field.FORENAMES.ordinal()]).isZero();
    }

    @Test
    void aSwapIsRecognisedThroughANicknameAnInitialOrOnePartOfADoubleSurname() {
        // "Chris Mitchell" written surname-first as "Mitchell, Christopher" the other way round
        int[] nickname = levels("Mitchell", "Chris", D, "M", null, null, "Christopher", "Mitchell", D, "M", null, null);
        assertThat(name(Field.SURNAME, nickname[Field.SURNAME.ordinal()])).isEqualTo("swapped with forename");
        int[] initial = levels("S", "Thompson", D, "M", null, null, "Thompson", "Samuel", D, "M", null, null);
        assertThat(name(Field.SURNAME, initial[Field.SURNAME.ordinal()])).isEqualTo("swapped with forename");
        int[] part = levels("Clarke-Smith", "James Christopher", D, "M", null, null, "James", "Clarke Christopher", D, "M",
                null, null);
        assertThat(name(Field.SURNAME, part[Field.SURNAME.ordinal()])).isEqualTo("swapped with forename");
        // two initials alone are not a swap of different names
        int[] different = levels("Smith", "John", D, "M", null, null, "Jones", "Sarah", D, "M", null, null);
        assertThat(name(Field.SURNAME, different[Field.SURNAME.ordinal()])).isEqualTo("different");
    }

    @Test
    void forenameLevels() {
        assertThat(name(Field.FORENAMES, forenames("John Paul", "JOHN PAUL"))).isEqualTo("exact");
        assertThat(name(Field.FORENAMES, forenames("John Paul", "John"))).isEqualTo("first forename exact");
        assertThat(name(Field.FORENAMES, forenames("William", "Bill"))).isEqualTo("common nickname");
        assertThat(name(Field.FORENAMES, forenames("Rebecca", "Becky"))).isEqualTo("common nickname");
        assertThat(name(Field.FORENAMES, forenames("Jonathon", "Jonathan"))).isEqualTo("Jaro-Winkler >= 0.92");
        assertThat(name(Field.FORENAMES, forenames("Philip", "Filip"))).isEqualTo("phonetic (Double Metaphone)");
        assertThat(name(Field.FORENAMES, forenames("J", "John"))).isEqualTo("initial");
        assertThat(name(Field.FORENAMES, forenames("J P", "John Paul"))).isEqualTo("initial");
        assertThat(name(Field.FORENAMES, forenames("Daniel", "Daniela"))).isEqualTo("Jaro-Winkler >= 0.92");
        assertThat(name(Field.FORENAMES, forenames("Sean", "Shaun"))).isEqualTo("Jaro-Winkler >= 0.80");
        assertThat(name(Field.FORENAMES, forenames("John", "Aisha"))).isEqualTo("different");
    }

    @Test
    void dateOfBirthLevels() {
        assertThat(name(Field.DOB, dob(D, LocalDate.of(1990, 3, 14)))).isEqualTo("exact");
        assertThat(name(Field.DOB, dob(LocalDate.of(1990, 3, 4), LocalDate.of(1990, 4, 3)))).isEqualTo("day and month swapped");
        assertThat(name(Field.DOB, dob(D, LocalDate.of(1980, 3, 14)))).isEqualTo("one digit off");
        assertThat(name(Field.DOB, dob(D, LocalDate.of(1990, 3, 15)))).isEqualTo("one digit off");
        assertThat(name(Field.DOB, dob(D, LocalDate.of(1990, 11, 2)))).isEqualTo("same year");
        assertThat(name(Field.DOB, dob(D, LocalDate.of(1972, 8, 30)))).isEqualTo("different");
        assertThat(name(Field.DOB, dob(D, null))).isEqualTo("missing");
    }

    @Test
    void genderPostcodeAndPncLevels() {
        int[] l = levels("Smith", "John", D, "M", "B1 1AA", "01/1234567A", "Smith", "John", D, "U", "b11aa", "01/1234567A");
        assertThat(name(Field.GENDER, l[Field.GENDER.ordinal()])).isEqualTo("missing");
        assertThat(name(Field.POSTCODE, l[Field.POSTCODE.ordinal()])).isEqualTo("exact");
        assertThat(name(Field.PNC, l[Field.PNC.ordinal()])).isEqualTo("exact");
        l = levels("Smith", "John", D, "M", null, "01/1234567A", "Smith", "John", D, "F", null, "02/7654321B");
        assertThat(name(Field.GENDER, l[Field.GENDER.ordinal()])).isEqualTo("different");
        assertThat(name(Field.PNC, l[Field.PNC.ordinal()])).isEqualTo("different");
        assertThat(name(Field.POSTCODE, postcode("B1 1AA", "B1 1ZZ"))).isEqualTo("same sector");
        assertThat(name(Field.POSTCODE, postcode("B1 1AA", "B1 9ZZ"))).isEqualTo("same district");
        assertThat(name(Field.POSTCODE, postcode("B1 1AA", "B11 1AA"))).isEqualTo("different");
        assertThat(name(Field.POSTCODE, postcode("B1 1AA", ""))).isEqualTo("missing");
    }

    @Test
    void termFrequencyMakesARareSurnameCountForMore() {
        LinkRecords.Builder b = LinkRecords.builder();
        for (int i = 0; i < 40; i++) {
            b.add("S", "s" + i, "Smith", "John", null, "M", null, null, null);
        }
        b.add("S", "r1", "Quigglesworth", "John", null, "M", null, null, null);
        b.add("S", "r2", "Quigglesworth", "John", null, "M", null, null, null);
        LinkRecords r = b.build();
        TermFrequencies tf = new TermFrequencies(r);
        int smith = r.indexOf(new RecordKey("S", "s1"));
        int rare = r.indexOf(new RecordKey("S", "r1"));
        assertThat(tf.surname[rare]).isGreaterThan(0);
        assertThat(tf.surname[smith]).isLessThan(0);
    }

    @Test
    void fullNameFrequencyCountsNamesThatGoTogetherOnce() {
        // forename and surname each common, but only ever together: the pair is a common full name,
        // so an exact agreement on it counts for less than the two separate adjustments say
        LinkRecords.Builder b = LinkRecords.builder();
        for (int i = 0; i < 20; i++) {
            b.add("S", "k" + i, "Khan", "Mohammed", null, "M", null, null, null);
            b.add("S", "s" + i, "Smith" + (char) ('A' + i), "John" + (char) ('A' + i), null, "M", null, null, null);
        }
        LinkRecords r = b.build();
        TermFrequencies tf = new TermFrequencies(r);
        int khan = r.indexOf(new RecordKey("S", "k1"));
        assertThat(tf.firstName[khan]).isLessThan(0);
        assertThat(tf.fullName[khan]).isLessThan(0);
    }

    @Test
    void sourceSystemIsALevelOfItsOwn() {
        LinkRecords r = LinkRecords.builder()
                .add("CRIMES", "c1", "Smith", "John", null, "M", null, null, null)
                .add("CRIMES", "c2", "Smith", "John", null, "M", null, null, null)
                .add("CUSTODY", "k1", "Smith", "John", null, "M", null, null, null)
                .build();
        Comparisons cmp = new Comparisons(r);
        int c1 = r.indexOf(new RecordKey("CRIMES", "c1"));
        int c2 = r.indexOf(new RecordKey("CRIMES", "c2"));
        int k1 = r.indexOf(new RecordKey("CUSTODY", "k1"));
        assertThat(Field.SOURCE.levels().get(Field.SOURCE.levelOf(cmp.pattern(c1, c2)))).isEqualTo("same system");
        assertThat(Field.SOURCE.levels().get(Field.SOURCE.levelOf(cmp.pattern(c1, k1)))).isEqualTo("different systems");
    }

    @Test
    void sharedEventDayLevels() {
        LocalDate d1 = LocalDate.of(2021, 5, 2);
        LocalDate d2 = LocalDate.of(2022, 1, 9);
        LocalDate before1970 = LocalDate.of(1969, 12, 31);
        LinkRecords r = LinkRecords.builder()
                .add("CRIMES", "c1", "Smith", "John", null, "M", null, null, null)
                .add("CRIMES", "c2", "Smith", "John", null, "M", null, null, null)
                .add("CUSTODY", "k1", "Smith", "John", null, "M", null, null, null)
                .add("DIP", "t1", "Smith", "John", null, "M", null, null, null)
                .add("DIP", "t2", "Smith", "John", null, "M", null, null, null)
                .add("DIP", "t3", "Smith", "John", null, "M", null, null, null)
                .add("DIP", "t4", "Smith", "John", null, "M", null, null, null)
                .event("CRIMES", "c1", d1).event("CRIMES", "c1", d2).event("CRIMES", "c1", d2)
                .event("CRIMES", "c2", d1)
                .event("CUSTODY", "k1", d2).event("CUSTODY", "k1", d1).event("CUSTODY", "k1", before1970)
                .event("DIP", "t1", d2)
                .event("DIP", "t2", LocalDate.of(2023, 7, 7))
                .event("DIP", "unknown", d1)
                .event("DIP", "t4", LocalDate.of(2020, 1, 1)).event("DIP", "t4", LocalDate.of(2020, 2, 1))
                .event("DIP", "t4", LocalDate.of(2020, 3, 1))
                .build();
        Comparisons cmp = new Comparisons(r);
        java.util.function.BiFunction<String, String, String> level = (a, b) -> {
            int x = r.indexOf(new RecordKey(a.split(":")[0], a.split(":")[1]));
            int y = r.indexOf(new RecordKey(b.split(":")[0], b.split(":")[1]));
            return Field.EVENTS.levels().get(Field.EVENTS.levelOf(cmp.pattern(x, y)));
        };
        // days are sorted and counted once (c1 lists d2 twice; k1's days came out of order)
        assertThat(level.apply("CRIMES:c1", "CUSTODY:k1")).isEqualTo("two or more days shared");
        assertThat(level.apply("CRIMES:c2", "CUSTODY:k1")).isEqualTo("one day shared");
        assertThat(level.apply("CUSTODY:k1", "DIP:t1")).isEqualTo("one day shared");
        assertThat(level.apply("CRIMES:c1", "DIP:t2")).isEqualTo("no day shared");
        assertThat(level.apply("CRIMES:c1", "DIP:t4")).isEqualTo("no day shared");
        // three or more days on both sides and none of them shared says more
        assertThat(level.apply("CUSTODY:k1", "DIP:t4")).isEqualTo("no day shared, both with 3 or more");
        // one system: a shared day there is co-offending, not one person
        assertThat(level.apply("CRIMES:c1", "CRIMES:c2")).isEqualTo("missing");
        // a record without events
        assertThat(level.apply("CRIMES:c1", "DIP:t3")).isEqualTo("missing");
        assertThat(r.eventDays[r.indexOf(new RecordKey("CUSTODY", "k1"))])
                .containsExactly((int) before1970.toEpochDay(), (int) d1.toEpochDay(), (int) d2.toEpochDay());
    }

    @Test
    void sharedDaysAgreeWithCountingByHand() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(4);
        for (int rep = 0; rep < 5000; rep++) {
            // lists of very different lengths too (the look-up path) and of spans that do not meet
            int[] x = rnd.ints(1 + rnd.nextInt(rep % 3 == 0 ? 2 : 30), 0, 400).distinct().sorted().toArray();
            int[] y = rnd.ints(1 + rnd.nextInt(60), rep % 7 == 0 ? 500 : 0, 900).distinct().sorted().toArray();
            java.util.Set<Integer> ys = java.util.Arrays.stream(y).boxed().collect(java.util.stream.Collectors.toSet());
            int expected = (int) Math.min(2, java.util.Arrays.stream(x).filter(ys::contains).count());
            assertThat(Comparisons.sharedDays(x, y)).as("%s and %s", java.util.Arrays.toString(x), java.util.Arrays.toString(y))
                    .isEqualTo(expected);
            assertThat(Comparisons.sharedDays(y, x)).isEqualTo(expected);
        }
    }

    @Test
    void aModelStoredBeforeTheSourceFieldStillReads() {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        for (Field f : Field.ALL) {
            if (f != Field.SOURCE) {
                double[] m = new double[f.levelCount()];
                java.util.Arrays.fill(m, 0.5);
                fields.put(f.name(), java.util.Map.of("m", java.util.Arrays.stream(m).boxed().toList(),
                        "u", java.util.Arrays.stream(m).boxed().toList()));
            }
        }
        MatchModel model = MatchModel.fromJson(java.util.Map.of("prior", 0.001, "fields", fields));
        assertThat(model.weight(Field.SOURCE, 1)).isZero();
        assertThat(model.levels()).hasSize(Field.ALL.stream().mapToInt(Field::levelCount).sum());
    }
}
