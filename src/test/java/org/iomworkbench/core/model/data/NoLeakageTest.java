package org.iomworkbench.core.model.data;

import org.iomworkbench.core.score.Cutoffs;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.score.Weights;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inputs at T never see a record dated after T: random histories, then their records dated
 * after T altered, added and deleted (offences, drug tests, custody arrests, prison stays and
 * their releases after T, markers and their ends after T); every input of every person is
 * bit-identical, and so are the band and the population at T. A change on or before T is seen
 * (the check can fail).
 */
class NoLeakageTest {
    static final LocalDate T = LocalDate.of(2022, 1, 1);
    static final String[] CODES = {"THEFT", "ASSAULT", "ROB", "MURDER", "DAMAGE", "DRUGS"};
    static final String[] SUBSTANCES = {"OPIATES", "COCAINE", "BOTH"};
    static final int PERSONS = 400;

    record Crime(String ref, String person, String code, LocalDate date, boolean alcohol) {
    }

    record DrugTest(String person, LocalDate date, String substance, String result) {
    }

    record Stay(String person, LocalDate entry, LocalDate release) {
    }

    record Marker(String person, LocalDate start, LocalDate end) {
    }

    record Arrest(String person, LocalDate date) {
    }

    /** One version of everyone's records. */
    static final class History {
        final List<Crime> crimes = new ArrayList<>();
        final List<DrugTest> tests = new ArrayList<>();
        final List<Stay> stays = new ArrayList<>();
        final List<Marker> markers = new ArrayList<>();
        final List<Arrest> arrests = new ArrayList<>();

        ModelData build() {
            ScoreData.Builder b = new ScoreData.Builder()
                    .harm("THEFT", "THEFT", 10).harm("ASSAULT", "VIOLENCE", 100).harm("ROB", "ROBBERY", 700)
                    .harm("MURDER", "VIOLENCE", 5475).harm("DAMAGE", "CRIMINAL_DAMAGE", 5).harm("DRUGS", "DRUGS", 40);
            for (int i = 0; i < PERSONS; i++) {
                b.record("CRIMES", "c" + i, "P" + id(i)).record("DIP", "d" + i, "P" + id(i))
                        .record("CUSTODY", "k" + i, "P" + id(i));
            }
            for (Crime c : crimes) {
                b.crime(c.ref, "c" + c.person, c.code, c.date, c.alcohol);
            }
            for (DrugTest t : tests) {
                b.drugTest("d" + t.person, t.date, t.substance, t.result);
            }
            for (Stay s : stays) {
                b.prison("CRIMES", "c" + s.person, s.entry, s.release);
            }
            for (Marker m : markers) {
                b.marker("CRIMES", "c" + m.person, "ALCOHOL_DEPENDENCY", m.start, m.end);
            }
            ScoreData d = b.build();
            ModelData.Builder mb = ModelData.builder(d);
            SplittableRandom r = new SplittableRandom(7); // attributes: the same in every version
            for (int i = 0; i < PERSONS; i++) {
                LocalDate dob = r.nextInt(10) == 0 ? null : LocalDate.of(1960 + r.nextInt(45), 1 + r.nextInt(12), 1 + r.nextInt(28));
                mb.person("P" + id(i), dob, "MFU".charAt(r.nextInt(3)), "E" + r.nextInt(4));
            }
            for (Arrest a : arrests) {
                mb.custody("P" + id(a.person), a.date);
            }
            return mb.build();
        }
    }

    static String id(int i) {
        return String.format("%04d", i);
    }

    static String id(String i) {
        return id(Integer.parseInt(i));
    }

    static LocalDate before(SplittableRandom r) {
        return T.minusDays(r.nextInt(2500)); // on or before T (T itself included)
    }

    static LocalDate after(SplittableRandom r) {
        return T.plusDays(1 + r.nextInt(900));
    }

    /** A date after T, or null (open) one time in three. */
    static LocalDate afterOrOpen(SplittableRandom r) {
        return r.nextInt(3) == 0 ? null : after(r);
    }

    /**
     * The records dated on or before T (the same for every seed of {@code future}), then the
     * records after T drawn from {@code future}: prison stays and markers that started by T but
     * end after T get their end from {@code future} too.
     */
    static History history(long pastSeed, long futureSeed, boolean withFuture) {
        SplittableRandom r = new SplittableRandom(pastSeed);
        SplittableRandom fr = new SplittableRandom(futureSeed);
        History h = new History();
        int ref = 0;
        for (int i = 0; i < PERSONS; i++) {
            String p = Integer.toString(i);
            int n = r.nextInt(12);
            for (int k = 0; k < n; k++) {
                h.crimes.add(new Crime("past" + ref++, p, CODES[r.nextInt(CODES.length)], before(r), r.nextInt(4) == 0));
            }
            for (int k = r.nextInt(4); k > 0; k--) {
                h.tests.add(new DrugTest(p, before(r), SUBSTANCES[r.nextInt(3)], r.nextBoolean() ? "POSITIVE" : "NEGATIVE"));
            }
            for (int k = r.nextInt(5); k > 0; k--) {
                h.arrests.add(new Arrest(p, before(r)));
            }
            for (int k = r.nextInt(3); k > 0; k--) {
                LocalDate entry = before(r);
                // released by T (known at T), or still inside at T: then the release is the future's
                LocalDate release = r.nextBoolean() ? entry.plusDays(1 + r.nextInt(400)) : null;
                if (release == null || release.isAfter(T)) {
                    release = withFuture ? afterOrOpen(fr) : null;
                }
                h.stays.add(new Stay(p, entry, release));
            }
            if (r.nextInt(4) == 0) {
                LocalDate start = before(r);
                LocalDate end = r.nextBoolean() ? start.plusDays(1 + r.nextInt(400)) : null;
                if (end == null || end.isAfter(T)) {
                    end = withFuture ? afterOrOpen(fr) : null;
                }
                h.markers.add(new Marker(p, start, end));
            }
            if (!withFuture) {
                continue;
            }
            for (int k = fr.nextInt(6); k > 0; k--) {
                h.crimes.add(new Crime("future" + futureSeed + "-" + p + "-" + k, p, CODES[fr.nextInt(CODES.length)], after(fr),
                        fr.nextInt(3) == 0));
            }
            for (int k = fr.nextInt(3); k > 0; k--) {
                h.tests.add(new DrugTest(p, after(fr), SUBSTANCES[fr.nextInt(3)], "POSITIVE"));
            }
            for (int k = fr.nextInt(3); k > 0; k--) {
                h.arrests.add(new Arrest(p, after(fr)));
            }
            if (fr.nextInt(3) == 0) {
                LocalDate entry = after(fr);
                h.stays.add(new Stay(p, entry, fr.nextBoolean() ? null : entry.plusDays(1 + fr.nextInt(300))));
            }
            if (fr.nextInt(4) == 0) {
                h.markers.add(new Marker(p, after(fr), afterOrOpen(fr)));
            }
        }
        return h;
    }

    static ScoringConfig config() {
        return new ScoringConfig(1, "f", "h", T, 365, 730, 365, T.minusDays(365),
                new Weights(1.3, 1.2, 1.5, 1.4, 1.1, 1.05), ScoringConfig.WeightsSource.PINNED, new Cutoffs(1, 2, 4, 8),
                ScoringConfig.CutoffsSource.SET);
    }

    /** Person id to (inputs of everyone, at-risk flag, band). */
    static Map<String, double[]> inputs(ModelData md, Features f) {
        ScoreData d = md.score();
        int[] all = new int[d.persons()];
        Arrays.setAll(all, i -> i);
        Features.Matrix m = f.matrix(md, config(), T, all);
        Map<String, double[]> out = new HashMap<>();
        for (int i = 0; i < all.length; i++) {
            out.put(d.personId(all[i]), m.rows()[i]);
        }
        return out;
    }

    static Map<String, double[]> atRisk(ModelData md, Features f) {
        ModelDataset s = ModelDataset.forPrediction(md, config(), T, f);
        Map<String, double[]> out = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            double[] row = Arrays.copyOf(s.x()[i], s.x()[i].length + 2);
            row[row.length - 2] = s.band()[i];
            row[row.length - 1] = s.rfsdi()[i];
            out.put(md.score().personId(s.person(i)), row);
        }
        return out;
    }

    static void assertBitIdentical(Map<String, double[]> a, Map<String, double[]> b, List<String> names) {
        assertThat(b.keySet()).isEqualTo(a.keySet());
        for (Map.Entry<String, double[]> e : a.entrySet()) {
            double[] x = e.getValue();
            double[] y = b.get(e.getKey());
            for (int k = 0; k < x.length; k++) {
                if (Double.doubleToRawLongBits(x[k]) != Double.doubleToRawLongBits(y[k])) {
                    throw new AssertionError(e.getKey() + " " + (k < names.size() ? names.get(k) : "band/rfsdi #" + k)
                            + ": " + x[k] + " without the future, " + y[k] + " with it");
                }
            }
        }
    }

    @Test
    void everyInputIsBitIdenticalWhateverHappensAfterT() {
        for (long seed = 1; seed <= 4; seed++) {
            ModelData none = history(seed, 0, false).build();
            Features f = new Features(none.score().crimeGroups(), true, 730);
            Map<String, double[]> base = inputs(none, f);
            Map<String, double[]> baseRisk = atRisk(none, f);
            assertThat(baseRisk).hasSizeGreaterThan(50);
            for (long future = 1; future <= 3; future++) {
                ModelData with = history(seed, 100 * seed + future, true).build();
                assertThat(with.score().offences()).isGreaterThan(none.score().offences());
                assertThat(with.custodyArrests()).isGreaterThan(none.custodyArrests());
                assertThat(with.score().endOfData()).isNotEqualTo(none.score().endOfData());
                assertBitIdentical(base, inputs(with, f), f.names());
                assertBitIdentical(baseRisk, atRisk(with, f), f.names());
            }
        }
    }

    @Test
    void aChangeOnOrBeforeTIsSeen() {
        // the check has power: move one future offence to T and the inputs differ
        History h = history(1, 101, true);
        ModelData with = h.build();
        Features f = new Features(with.score().crimeGroups(), false, 730);
        Map<String, double[]> a = inputs(with, f);
        Crime c = h.crimes.stream().filter(x -> x.date.isAfter(T)).findFirst().orElseThrow();
        h.crimes.set(h.crimes.indexOf(c), new Crime(c.ref, c.person, c.code, T, c.alcohol));
        Map<String, double[]> b = inputs(h.build(), f);
        boolean failed = false;
        try {
            assertBitIdentical(a, b, f.names());
        } catch (AssertionError e) {
            failed = true;
            assertThat(e.getMessage()).startsWith("P" + id(c.person) + " ");
        }
        assertThat(failed).isTrue();
        // so does a release moved from after T to T
        History h2 = history(2, 201, true);
        java.util.function.Predicate<Stay> insideAtT = x -> !x.entry.isAfter(T) && (x.release == null || x.release.isAfter(T));
        Stay s = h2.stays.stream().filter(insideAtT)
                .filter(x -> h2.stays.stream().filter(insideAtT).filter(y -> y.person.equals(x.person)).count() == 1)
                .findFirst().orElseThrow();
        ModelData m1 = h2.build();
        h2.stays.set(h2.stays.indexOf(s), new Stay(s.person, s.entry, T));
        ModelData m2 = h2.build();
        double[] x1 = inputs(m1, f).get("P" + id(s.person));
        double[] x2 = inputs(m2, f).get("P" + id(s.person));
        assertThat(x1[f.indexOf("in_prison_at_t")]).isEqualTo(1);
        assertThat(x2[f.indexOf("in_prison_at_t")]).isZero();
    }
}
