package org.iomworkbench.core.model.data;

import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.Workspace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the models read of a linked snapshot, per person in the order of {@link ScoreData}: the
 * score's layout, the person's date of birth and gender (inputs), ethnicity (kept apart: for the
 * fairness audit only, never an input) and custody arrests (per person, sorted epoch days).
 */
public final class ModelData {
    /** A date of birth that is not known. */
    public static final int NO_DATE = Integer.MIN_VALUE;

    private final ScoreData score;
    private final int[] dob;
    private final char[] gender;
    private final String[] ethnicity;
    private final int[] custodyStart;
    private final int[] custodyDay;

    /**
     * @param custodyStart per person the first index into {@code custodyDay} (length persons + 1);
     *                     each person's days sorted
     */
    public ModelData(ScoreData score, int[] dob, char[] gender, String[] ethnicity, int[] custodyStart, int[] custodyDay) {
        int n = score.persons();
        if (dob.length != n || gender.length != n || ethnicity.length != n || custodyStart.length != n + 1) {
            throw new IllegalArgumentException("The person arrays must have one entry per person");
        }
        this.score = score;
        this.dob = dob;
        this.gender = gender;
        this.ethnicity = ethnicity;
        this.custodyStart = custodyStart;
        this.custodyDay = custodyDay;
    }

    /** Person attributes and custody all unknown: for data without them. */
    public static ModelData withoutAttributes(ScoreData score) {
        int n = score.persons();
        int[] dob = new int[n];
        Arrays.fill(dob, NO_DATE);
        char[] g = new char[n];
        Arrays.fill(g, 'U');
        return new ModelData(score, dob, g, new String[n], new int[n + 1], new int[0]);
    }

    public static ModelData load(Workspace ws, Snapshot s) {
        ScoreData d = ScoreData.load(ws, s);
        int n = d.persons();
        int[] dob = new int[n];
        Arrays.fill(dob, NO_DATE);
        char[] gender = new char[n];
        Arrays.fill(gender, 'U');
        String[] ethnicity = new String[n];
        List<int[]> arrests = new ArrayList<>(); // {person, day}
        Connection c = ws.connection();
        String x = s.schema();
        try (Statement st = c.createStatement()) {
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery("SELECT person_id, date_of_birth, gender, ethnicity FROM " + x + ".PERSON")) {
                while (rs.next()) {
                    int p = d.indexOf(rs.getString(1));
                    if (p < 0) {
                        continue;
                    }
                    LocalDate b = rs.getObject(2, LocalDate.class);
                    dob[p] = b == null ? NO_DATE : (int) b.toEpochDay();
                    String g = rs.getString(3);
                    gender[p] = g == null || g.isEmpty() ? 'U' : g.charAt(0);
                    ethnicity[p] = rs.getString(4);
                }
            }
            if (hasTable(c, x, "CUSTODY")) {
                try (ResultSet rs = st.executeQuery("SELECT r.person_id, c.arrest_date FROM " + x + ".CUSTODY c JOIN " + x
                        + ".PERSON_RECORD r ON r.source = 'CUSTODY' AND r.source_person_id = c.source_person_id")) {
                    while (rs.next()) {
                        int p = d.indexOf(rs.getString(1));
                        LocalDate day = rs.getObject(2, LocalDate.class);
                        if (p >= 0 && day != null) {
                            arrests.add(new int[]{p, (int) day.toEpochDay()});
                        }
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
        arrests.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        int[] start = new int[n + 1];
        int[] days = new int[arrests.size()];
        for (int k = 0; k < days.length; k++) {
            start[arrests.get(k)[0] + 1]++;
            days[k] = arrests.get(k)[1];
        }
        for (int p = 0; p < n; p++) {
            start[p + 1] += start[p];
        }
        return new ModelData(d, dob, gender, ethnicity, start, days);
    }

    private static boolean hasTable(Connection c, String schema, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
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

    public int custodyFrom(int p) {
        return custodyStart[p];
    }

    public int custodyDay(int k) {
        return custodyDay[k];
    }

    /** Age in whole years at epoch day {@code day}, or -1 when the date of birth is not known. */
    public int ageAt(int p, int day) {
        if (dob[p] == NO_DATE) {
            return -1;
        }
        LocalDate b = LocalDate.ofEpochDay(dob[p]);
        return java.time.Period.between(b, LocalDate.ofEpochDay(day)).getYears();
    }

    /** The fairness audit's age bands, at a day: "under 18", "18-24", "25-34", "35-44", "45+", or "unknown". */
    public String ageBand(int p, int day) {
        int a = ageAt(p, day);
        if (a < 0) {
            return "unknown";
        }
        return a < 18 ? "under 18" : a < 25 ? "18-24" : a < 35 ? "25-34" : a < 45 ? "35-44" : "45+";
    }
}
