package org.iomworkbench.core.score;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random data scored by the engine and by a slow, literal reading of the spec written here
 * (records kept as rows, dates as LocalDate, escalation checked on every day of the follow-up
 * year); plus the properties of S and the equality of a re-score with a fresh score.
 */
class ReferenceScoringTest {
    static final LocalDate START = LocalDate.of(2018, 1, 1);
    static final String[] CODES = {"A", "B", "C", "D", "Z", "E"};
    static final double[] HARM = {99, 9, 999, 9, 0, 30.5};
    static final String[] GROUPS = {"VIOLENCE", "THEFT", "ROBBERY", "BURGLARY", "OTHER", "DRUGS"};

    record Row(String ref, String crimesId, String code, LocalDate date, boolean alcohol) {
    }

    record Span(String person, LocalDate from, LocalDate to) {
    }

    record Test1(String person, LocalDate date, String substance, String result) {
    }

    /** Random rows for {@code n} persons; person i has records CRIMES:i, DIP:i and CUSTODY:i. */
    static final class World {
        final List<Row> crimes = new ArrayList<>();
        final List<Span> prisons = new ArrayList<>();
        final List<Span> markers = new ArrayList<>();
        final List<Test1> tests = new ArrayList<>();
        final int n;

        World(int n, long seed) {
            this.n = n;
            Random r = new Random(seed);
            int ref = 0;
            for (int i = 0; i < n; i++) {
                int k = r.nextInt(10) == 0 ? 0 : r.nextInt(14);
                for (int j = 0; j < k; j++) {
                    String code = CODES[r.nextInt(CODES.length)];
                    LocalDate d = START.plusDays(r.nextInt(6 * 365));
                    String cref = "R" + (ref++);
                    crimes.add(new Row(cref, "" + i, code, d, r.nextInt(4) == 0));
                    if (r.nextInt(8) == 0) { // a co-offender, or the same crime listed again with other details
                        crimes.add(new Row(cref, "" + r.nextInt(n), CODES[r.nextInt(CODES.length)], d.plusDays(r.nextInt(5) - 2),
                                r.nextInt(3) == 0));
                    }
                    if (r.nextInt(10) == 0) { // two offences on one day
                        crimes.add(new Row("R" + (ref++), "" + i, CODES[r.nextInt(CODES.length)], d, false));
                    }
                }
                if (r.nextInt(4) == 0) {
                    LocalDate e = START.plusDays(r.nextInt(6 * 365));
                    prisons.add(new Span("" + i, e, r.nextInt(3) == 0 ? null : e.plusDays(1 + r.nextInt(700))));
                    if (r.nextBoolean()) {
                        LocalDate e2 = e.plusDays(r.nextInt(300));
                        prisons.add(new Span("" + i, e2, r.nextBoolean() ? null : e2.plusDays(1 + r.nextInt(200))));
                    }
                }
                if (r.nextInt(5) == 0) {
                    LocalDate s = START.plusDays(r.nextInt(6 * 365));
                    markers.add(new Span("" + i, s, r.nextBoolean() ? null : s.plusDays(1 + r.nextInt(500))));
                }
                int t = r.nextInt(4);
                for (int j = 0; j < t; j++) {
                    tests.add(new Test1("" + i, START.plusDays(r.nextInt(6 * 365)),
                            new String[]{"OPIATES", "COCAINE", "BOTH"}[r.nextInt(3)], r.nextBoolean() ? "POSITIVE" : "NEGATIVE"));
                }
            }
        }

        ScoreData build(int upTo) {
            ScoreData.Builder b = new ScoreData.Builder();
            for (int c = 0; c < CODES.length; c++) {
                b.harm(CODES[c], GROUPS[c], HARM[c]);
            }
            for (int i = 0; i < n; i++) {
                String pid = String.format("P%05d", i);
                b.record("CRIMES", "" + i, pid).record("DIP", "" + i, pid).record("CUSTODY", "" + i, pid);
            }
            for (int k = 0; k < Math.min(upTo, crimes.size()); k++) {
                Row row = crimes.get(k);
                b.crime(row.ref, row.crimesId, row.code, row.date, row.alcohol);
            }
            for (Span s : prisons) {
                b.prison("CUSTODY", s.person, s.from, s.to);
            }
            for (Span s : markers) {
                b.marker("CRIMES", s.person, "ALCOHOL_DEPENDENCY", s.from, s.to);
            }
            for (Test1 t : tests) {
                b.drugTest(t.person, t.date, t.substance, t.result);
            }
            return b.build();
        }

        /** Merged offences per person, literally: {date, harmDays, alcohol, code index}. */
        Map<String, List<Object[]>> offences() {
            Map<String, List<Row>> byRef = new HashMap<>();
            for (Row row : crimes) {
                byRef.computeIfAbsent(row.ref, k -> new ArrayList<>()).add(row);
            }
            Map<String, List<Object[]>> out = new HashMap<>();
            for (List<Row> rows : byRef.values()) {
                LocalDate date = null;
                int code = -1;
                boolean alcohol = false;
                Set<String> persons = new LinkedHashSet<>();
                for (Row row : rows) {
                    date = date == null || row.date.isBefore(date) ? row.date : date;
                    int c = java.util.Arrays.asList(CODES).indexOf(row.code);
                    if (code < 0 || HARM[c] > HARM[code] || (HARM[c] == HARM[code] && CODES[c].compareTo(CODES[code]) < 0)) {
                        code = c;
                    }
                    alcohol |= row.alcohol;
                    persons.add(row.crimesId);
                }
                for (String p : persons) {
                    out.computeIfAbsent(p, k -> new ArrayList<>()).add(new Object[]{date, HARM[code], alcohol, code});
                }
            }
            return out;
        }
    }

    /** Section 1 to 4 for one person at t, straight from the text; returns {inPrison, S, flags..., trends..., rfsdi}. */
    static double[] literal(World w, Map<String, List<Object[]>> off, String person, LocalDate t, double hl, int lb, int win,
                            double[] wt) {
        LocalDate c = t;
        boolean inPrison = false;
        LocalDate latest = null;
        for (Span s : w.prisons) {
            if (s.person.equals(person) && !s.from.isAfter(t) && (s.to == null || s.to.isAfter(t))) {
                if (latest == null || s.from.isAfter(latest)) {
                    latest = s.from;
                }
            }
        }
        if (latest != null) {
            inPrison = true;
            c = latest;
        }
        double s = 0;
        double hr = 0;
        double hp = 0;
        int nr = 0;
        int np = 0;
        boolean alc = false;
        for (Object[] o : off.getOrDefault(person, List.of())) {
            LocalDate d = (LocalDate) o[0];
            if (d.isAfter(t)) {
                continue;
            }
            double h = Math.log10(1 + (double) o[1]);
            long age = Math.max(0, ChronoUnit.DAYS.between(d, c));
            s += h * Math.pow(2, -age / hl);
            if (d.isAfter(c)) {
                continue;
            }
            if (d.isAfter(c.minusDays(win)) && !d.isAfter(c)) {
                hr += h;
                nr++;
            }
            if (d.isAfter(c.minusDays(2L * win)) && !d.isAfter(c.minusDays(win))) {
                hp += h;
                np++;
            }
            if ((boolean) o[2] && d.isAfter(c.minusDays(lb)) && !d.isAfter(c)) {
                alc = true;
            }
        }
        boolean dep = false;
        for (Span m : w.markers) {
            if (m.person.equals(person) && !m.from.isAfter(c) && (m.to == null || m.to.isAfter(c))) {
                dep = true;
            }
        }
        boolean opi = false;
        boolean coc = false;
        for (Test1 x : w.tests) {
            if (x.person.equals(person) && x.result.equals("POSITIVE") && x.date.isAfter(c.minusDays(lb)) && !x.date.isAfter(c)) {
                opi |= !x.substance.equals("COCAINE");
                coc |= !x.substance.equals("OPIATES");
            }
        }
        int ht = Math.abs(hr - hp) <= 1e-9 * Math.max(Math.abs(hr), Math.abs(hp)) ? 0 : hr > hp ? 1 : -1;
        int ft = Integer.compare(nr, np);
        double[] x = {alc ? 1 : 0, dep ? 1 : 0, opi ? 1 : 0, coc ? 1 : 0, ht, ft};
        double r = s;
        for (int k = 0; k < 6; k++) {
            r *= Math.pow(wt[k], x[k]);
        }
        return new double[]{inPrison ? 1 : 0, s, x[0], x[1], x[2], x[3], x[4], x[5], r};
    }

    @Test
    void theEngineAgreesWithALiteralReadingOfTheSpec() {
        World w = new World(400, 7);
        ScoreData d = w.build(Integer.MAX_VALUE);
        Map<String, List<Object[]>> off = w.offences();
        double[] wt = {1.7, 0.6, 2.2, 1.3, 0.7, 1.9};
        for (LocalDate t : List.of(LocalDate.of(2020, 3, 1), LocalDate.of(2022, 12, 31), LocalDate.of(2019, 7, 15))) {
            for (double[] prm : new double[][]{{365, 730, 365}, {90.5, 100, 30}, {1000, 2000, 700}}) {
                Scores s = Scorer.score(d, t, prm[0], (int) prm[1], (int) prm[2], Weights.of(wt), null);
                for (int i = 0; i < w.n; i++) {
                    int p = d.indexOf(String.format("P%05d", i));
                    double[] ref = literal(w, off, "" + i, t, prm[0], (int) prm[1], (int) prm[2], wt);
                    double[] got = {s.inPrison(p) ? 1 : 0, s.s(p), s.alcoholCrime(p), s.alcoholDependency(p),
                            s.opiatesPositive(p), s.cocainePositive(p), s.harmTrend(p), s.freqTrend(p), s.rfsdi(p)};
                    for (int k = 0; k < ref.length; k++) {
                        assertThat(Math.abs(got[k] - ref[k])).as("person %d at %s %s, part %d", i, t, java.util.Arrays.toString(prm), k)
                                .isLessThanOrEqualTo(1e-12 * Math.max(1, Math.abs(ref[k])));
                    }
                }
            }
        }
    }

    @Test
    void escalationOnChangeDaysEqualsEscalationCheckedOnEveryDay() {
        World w = new World(400, 21);
        ScoreData d = w.build(Integer.MAX_VALUE);
        Map<String, List<Object[]>> off = w.offences();
        double[] wt = {1.7, 0.6, 2.2, 1.3, 0.5, 2.5};
        LocalDate t = LocalDate.of(2021, 6, 30);
        Cutoffs cut = ScoreRun.percentileCutoffs(d, t.minusDays(365), 200, 400, 180, Weights.of(wt));
        ScoringConfig cfg = new ScoringConfig(1, "", d.harmIndexVersion(), t, 200, 400, 180, t.minusDays(365), Weights.of(wt),
                ScoringConfig.WeightsSource.PINNED, cut, ScoringConfig.CutoffsSource.PERCENTILES);
        Scores s = Scorer.score(d, cfg);
        Labels l = Labels.compute(d, cfg, s);
        assertThat(l.followUpComplete()).isTrue();
        int escalated = 0;
        for (int i = 0; i < w.n; i++) {
            int p = d.indexOf(String.format("P%05d", i));
            boolean hasOffence = off.getOrDefault("" + i, List.of()).stream().anyMatch(o -> !((LocalDate) o[0]).isAfter(t));
            boolean atRisk = hasOffence && !cut.band(literal(w, off, "" + i, t, 200, 400, 180, wt)[8]).isHigh();
            assertThat(l.atRisk(p)).as("at risk %d", i).isEqualTo(atRisk);
            if (!atRisk) {
                assertThat(l.escalates(p)).isNull();
                assertThat(l.nextCrimeGroup(p)).isNull();
                continue;
            }
            boolean up = false;
            for (int k = 1; k <= 365 && !up; k++) {
                up = cut.band(literal(w, off, "" + i, t.plusDays(k), 200, 400, 180, wt)[8]).isHigh();
            }
            assertThat(l.escalates(p)).as("escalates %d", i).isEqualTo(up);
            escalated += up ? 1 : 0;
            // the next crime: first offence after T, most harmful, then smallest group, then smallest code
            Object[] next = null;
            for (Object[] o : off.getOrDefault("" + i, List.of())) {
                LocalDate od = (LocalDate) o[0];
                if (od.isAfter(t) && !od.isAfter(t.plusDays(365))) {
                    if (next == null || od.isBefore((LocalDate) next[0]) || (od.equals(next[0])
                            && ((double) o[1] > (double) next[1] || ((double) o[1] == (double) next[1]
                            && (GROUPS[(int) o[3]].compareTo(GROUPS[(int) next[3]]) < 0
                            || (GROUPS[(int) o[3]].equals(GROUPS[(int) next[3]]) && CODES[(int) o[3]].compareTo(CODES[(int) next[3]]) < 0)))))) {
                        next = o;
                    }
                }
            }
            assertThat(l.nextCrimeGroup(p)).as("next crime %d", i).isEqualTo(next == null ? null : GROUPS[(int) next[3]]);
        }
        assertThat(escalated).isPositive();
    }

    @Test
    void labelsAreEmptyWhenTheFollowUpYearPassesTheEndOfTheData() {
        World w = new World(200, 5);
        ScoreData d = w.build(Integer.MAX_VALUE);
        LocalDate end = d.requireEndOfData();
        Cutoffs cut = ScoreRun.percentileCutoffs(d, end.minusDays(365), 365, 730, 365, Weights.ONE);
        ScoringConfig cfg = new ScoringConfig(1, "", d.harmIndexVersion(), end.minusDays(364), 365, 730, 365,
                end.minusDays(365), Weights.ONE, ScoringConfig.WeightsSource.PINNED, cut, ScoringConfig.CutoffsSource.PERCENTILES);
        Labels l = Labels.compute(d, cfg, Scorer.score(d, cfg));
        assertThat(l.followUpComplete()).isFalse();
        assertThat(l.count(true, null)).isPositive();
        for (int p = 0; p < d.persons(); p++) {
            assertThat(l.escalates(p)).isNull();
            assertThat(l.nextCrimeGroup(p)).isNull();
        }
        ScoringConfig exact = cfg.withAsAt(end.minusDays(365));
        assertThat(Labels.compute(d, exact, Scorer.score(d, exact)).followUpComplete()).isTrue();
    }

    @Test
    void addingAnOffenceNeverLowersSAndALongerHalfLifeNeverLowersS() {
        World w = new World(300, 99);
        LocalDate t = LocalDate.of(2022, 1, 1);
        Scores before = Scorer.score(w.build(w.crimes.size() - 40), t, 365, 730, 365, Weights.ONE, null);
        ScoreData all = w.build(Integer.MAX_VALUE);
        Scores after = Scorer.score(all, t, 365, 730, 365, Weights.ONE, null);
        for (int p = 0; p < all.persons(); p++) {
            assertThat(after.s(p)).isGreaterThanOrEqualTo(before.s(p));
        }
        double[] halfLives = {30, 180, 365, 365.5, 1000, 5000};
        Scores prev = null;
        for (double hl : halfLives) {
            Scores s = Scorer.score(all, t, hl, 730, 365, Weights.ONE, null);
            if (prev != null) {
                for (int p = 0; p < all.persons(); p++) {
                    assertThat(s.s(p)).isGreaterThanOrEqualTo(prev.s(p));
                }
            }
            prev = s;
        }
    }

    @Test
    void aReScoreAfterAParameterChangeEqualsAFreshScore() {
        World w = new World(300, 3);
        ScoreData d = w.build(Integer.MAX_VALUE);
        ScoreRun.Result first = ScoreRun.run(d, null, new ScoreRun.Request(null, null, null, null, null, null,
                new double[]{0.5, 1, 2, 3}, false));
        ScoringConfig changed = first.config().withHalfLife(200).withLookback(400).withWindow(100)
                .withAsAt(LocalDate.of(2021, 2, 3));
        assertThat(changed.weights()).isEqualTo(first.config().weights());
        assertThat(changed.cutoffs()).isEqualTo(first.config().cutoffs());
        Scores rescored = Scorer.score(d, changed);
        Scores fresh = Scorer.score(w.build(Integer.MAX_VALUE), changed);
        for (int p = 0; p < d.persons(); p++) {
            assertThat(rescored.s(p)).isEqualTo(fresh.s(p));
            assertThat(rescored.rfsdi(p)).isEqualTo(fresh.rfsdi(p));
            assertThat(rescored.band(p)).isEqualTo(fresh.band(p));
            for (int k = 0; k < 6; k++) {
                assertThat(rescored.x(p, k)).isEqualTo(fresh.x(p, k));
            }
        }
        // and the literal reading agrees with the changed configuration
        Map<String, List<Object[]>> off = w.offences();
        double[] wt = changed.weights().toArray();
        for (int i = 0; i < w.n; i += 7) {
            double[] ref = literal(w, off, "" + i, changed.asAt(), 200, 400, 100, wt);
            int p = d.indexOf(String.format("P%05d", i));
            assertThat(Math.abs(rescored.rfsdi(p) - ref[8])).isLessThanOrEqualTo(1e-12 * Math.max(1, ref[8]));
        }
    }
}
