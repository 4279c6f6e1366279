package org.iomworkbench.core.model.data;

import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.util.Elapsed;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.TableScan;
import org.iomworkbench.core.workspace.Workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the models read of a linked snapshot, read once: the score's layout ({@link ScoreData}) and,
 * per person in the same person order, the date of birth and gender (inputs), the ethnicity (kept
 * apart: for the fairness audit only, never an input; see {@link #auditEthnicity(int)}) and the
 * custody arrests (compressed rows like {@link ScoreData}'s: person {@code p}'s arrests are
 * {@code [custodyFrom(p), custodyFrom(p + 1))}, sorted epoch days).
 * <p>
 * Custody rows name a {@code CUSTODY} nominal; they are mapped to persons through
 * {@code PERSON_RECORD}. A custody row whose nominal has no person is dropped. Names, postcodes
 * and identifiers are not read at all (the person id is only the key of {@link ScoreData}).
 */
public final class ModelData {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelData.class);

    /** A date of birth that is not known. */
    public static final int NO_DATE = Integer.MIN_VALUE;

    private final ScoreData score;
    private final int[] dob;
    private final char[] gender;
    private final String[] ethnicity;
    private final int[] custodyStart;
    private final int[] custodyDay;

    /**
     * The arrays as they are (synthetic data); {@link Builder} makes them from rows.
     *
     * @param dob          per person the epoch day of birth, or {@link #NO_DATE}
     * @param gender       per person 'M', 'F' or 'U' (anything else is read as 'U')
     * @param ethnicity    per person the ethnicity code or null; audit only
     * @param custodyStart per person the first index into {@code custodyDay} (length persons + 1);
     *                     each person's days sorted ascending
     */
    public ModelData(ScoreData score, int[] dob, char[] gender, String[] ethnicity, int[] custodyStart, int[] custodyDay) {
        int n = score.persons();
        if (dob.length != n || gender.length != n || ethnicity.length != n || custodyStart.length != n + 1) {
            throw new IllegalArgumentException("The person arrays must have one entry per person");
        }
        if (custodyStart[0] != 0 || custodyStart[n] != custodyDay.length) {
            throw new IllegalArgumentException("custodyStart must run from 0 to the number of custody days");
        }
        for (int p = 0; p < n; p++) {
            if (custodyStart[p + 1] < custodyStart[p]) {
                throw new IllegalArgumentException("custodyStart must not decrease");
            }
            for (int k = custodyStart[p] + 1; k < custodyStart[p + 1]; k++) {
                if (custodyDay[k] < custodyDay[k - 1]) {
                    throw new IllegalArgumentException("each person's custody days must be sorted");
                }
            }
        }
        this.score = score;
        this.dob = dob;
        this.gender = new char[n];
        for (int p = 0; p < n; p++) {
            this.gender[p] = normaliseGender(gender[p]);
        }
        this.ethnicity = ethnicity;
        this.custodyStart = custodyStart;
        this.custodyDay = custodyDay;
    }

    private static char normaliseGender(char g) {
        char u = Character.toUpperCase(g);
        return u == 'M' || u == 'F' ? u : 'U';
    }

    /** Person attributes and custody all unknown: for data without them. */
    public static ModelData withoutAttributes(ScoreData score) {
        return new Builder(score).build();
    }

    /** A builder over {@code score}'s persons (for tests and converters): every attribute unknown until set. */
    public static Builder builder(ScoreData score) {
        return new Builder(score);
    }

    /**
     * Reads a linked snapshot: {@link ScoreData#loadShared}, then {@code PERSON} (date of birth,
     * gender, ethnicity) and {@code CUSTODY} joined to {@code PERSON_RECORD} on the {@code CUSTODY}
     * nominal; kept by the workspace like the layout (until one of {@link ScoreData#DATA_ACTIONS}
     * is audited).
     */
    public static ModelData load(Workspace ws, Snapshot s) {
        return ws.remember("model-data", ScoreData.dataVersion(ws, s), ModelData.class,
                () -> read(ws, s, ScoreData.loadShared(ws, s)));
    }

    private static ModelData read(Workspace ws, Snapshot s, ScoreData d) {
        Builder b = new Builder(d);
        Connection c = ws.connection();
        String x = s.schema();
        try {
            long t0 = System.nanoTime();
            TableScan.scan(c, "person_id, date_of_birth, gender, ethnicity", x + ".PERSON", rs -> {
                int p = d.indexOf(rs.getString(1));
                if (p >= 0) {
                    String g = rs.getString(3);
                    b.person(p, rs.getObject(2, LocalDate.class), g == null || g.isEmpty() ? 'U' : g.charAt(0),
                            rs.getString(4));
                }
            });
            long t1 = System.nanoTime();
            if (Workspace.hasTable(c, x, "CUSTODY")) {
                // the CUSTODY nominals' persons, then the arrests: two scans in pages (a join looked up
                // each arrest's record in the key's B-tree, about four times as long)
                Map<String, Integer> personOf = new HashMap<>();
                TableScan.scan(c, "source, source_person_id, person_id", x + ".PERSON_RECORD", rs -> {
                    if ("CUSTODY".equals(rs.getString(1))) {
                        int p = d.indexOf(rs.getString(3));
                        if (p >= 0) {
                            personOf.put(rs.getString(2), p);
                        }
                    }
                });
                TableScan.scan(c, "source_person_id, arrest_date", x + ".CUSTODY", rs -> {
                    Integer p = personOf.get(rs.getString(1));
                    LocalDate day = rs.getObject(2, LocalDate.class);
                    if (p != null && day != null) {
                        b.custody(p, day);
                    }
                });
            }
            c.commit();
            LOG.info("Read persons in {} s, custody arrests in {} s", Elapsed.seconds(t1 - t0),
                    Elapsed.since(t1));
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the original failure is what matters
            }
            throw WorkbenchException.database(e);
        }
        return b.build();
    }

    public ScoreData score() {
        return score;
    }

    public int persons() {
        return score.persons();
    }

    /** Epoch day of birth, or {@link #NO_DATE}. */
    public int dateOfBirth(int p) {
        return dob[p];
    }

    /** 'M', 'F' or 'U'. */
    public char gender(int p) {
        return gender[p];
    }

    /** For the fairness audit only: never a model input. Null when not recorded. */
    public String auditEthnicity(int p) {
        return ethnicity[p];
    }

    /** First custody arrest of person {@code p}; arrests are {@code [custodyFrom(p), custodyFrom(p + 1))}, by date. */
    public int custodyFrom(int p) {
        return custodyStart[p];
    }

    /** Epoch day of custody arrest {@code k}. */
    public int custodyDay(int k) {
        return custodyDay[k];
    }

    /** All custody arrests in the snapshot. */
    public int custodyArrests() {
        return custodyDay.length;
    }

    /**
     * Age in completed years at epoch day {@code day}, or -1 when the date of birth is not known
     * or is after {@code day} (a mistyped date: there is no age to give).
     */
    public int ageAt(int p, int day) {
        return age(dob[p], day);
    }

    /** Completed years from {@code birth} to {@code day} (epoch days), or -1 when unknown or negative. */
    static int age(int birth, int day) {
        if (birth == NO_DATE || birth > day) {
            return -1;
        }
        LocalDate b = LocalDate.ofEpochDay(birth);
        LocalDate d = LocalDate.ofEpochDay(day);
        int years = d.getYear() - b.getYear();
        if (d.getMonthValue() < b.getMonthValue()
                || (d.getMonthValue() == b.getMonthValue() && d.getDayOfMonth() < b.getDayOfMonth())) {
            years--;
        }
        return years;
    }

    /** The fairness audit's age bands, at a day: "under 18", "18-24", "25-34", "35-44", "45+", or "unknown". */
    public String ageBand(int p, int day) {
        return ageBand(ageAt(p, day));
    }

    /** The age band of an age in years ({@code < 0}: "unknown"). */
    public static String ageBand(int age) {
        if (age < 0) {
            return "unknown";
        }
        return age < 18 ? "under 18" : age < 25 ? "18-24" : age < 35 ? "25-34" : age < 45 ? "35-44" : "45+";
    }

    /** The audit's age bands in their natural order. */
    public static final java.util.List<String> AGE_BANDS = java.util.List.of("under 18", "18-24", "25-34", "35-44", "45+",
            "unknown");

    /**
     * Person attributes and custody arrests by person, for a {@link ScoreData} already built. An
     * attribute set twice keeps the last value; arrests are sorted on {@link #build()}.
     */
    public static final class Builder {
        private final ScoreData score;
        private final int[] dob;
        private final char[] gender;
        private final String[] ethnicity;
        private int[] arrestPerson = new int[16];
        private int[] arrestDay = new int[16];
        private int arrests;

        Builder(ScoreData score) {
            this.score = score;
            int n = score.persons();
            dob = new int[n];
            Arrays.fill(dob, NO_DATE);
            gender = new char[n];
            Arrays.fill(gender, 'U');
            ethnicity = new String[n];
        }

        private int index(String personId) {
            int p = score.indexOf(personId);
            if (p < 0) {
                throw new IllegalArgumentException("no person " + personId + " in the score data");
            }
            return p;
        }

        /** Date of birth (null: unknown), gender ('M', 'F', 'U') and ethnicity (audit only, may be null). */
        public Builder person(String personId, LocalDate dateOfBirth, char gender, String ethnicity) {
            return person(index(personId), dateOfBirth, gender, ethnicity);
        }

        public Builder person(int p, LocalDate dateOfBirth, char gender, String ethnicity) {
            this.dob[p] = dateOfBirth == null ? NO_DATE : (int) dateOfBirth.toEpochDay();
            this.gender[p] = gender;
            this.ethnicity[p] = ethnicity;
            return this;
        }

        /** A custody arrest of the person. */
        public Builder custody(String personId, LocalDate arrest) {
            return custody(index(personId), arrest);
        }

        public Builder custody(int p, LocalDate arrest) {
            if (arrests == arrestDay.length) {
                arrestDay = Arrays.copyOf(arrestDay, arrests * 2);
                arrestPerson = Arrays.copyOf(arrestPerson, arrests * 2);
            }
            arrestPerson[arrests] = p;
            arrestDay[arrests++] = (int) arrest.toEpochDay();
            return this;
        }

        public ModelData build() {
            int n = score.persons();
            int[] start = new int[n + 1];
            for (int k = 0; k < arrests; k++) {
                start[arrestPerson[k] + 1]++;
            }
            for (int p = 0; p < n; p++) {
                start[p + 1] += start[p];
            }
            int[] fill = Arrays.copyOf(start, n);
            int[] days = new int[arrests];
            for (int k = 0; k < arrests; k++) {
                days[fill[arrestPerson[k]]++] = arrestDay[k];
            }
            for (int p = 0; p < n; p++) {
                Arrays.sort(days, start[p], start[p + 1]);
            }
            return new ModelData(score, dob.clone(), gender.clone(), ethnicity.clone(), start, days);
        }
    }
}
