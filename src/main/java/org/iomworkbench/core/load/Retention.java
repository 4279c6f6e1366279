package org.iomworkbench.core.load;

import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.Workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Retention: each snapshot is due for review a set period after it was loaded (365 days unless
 * the workspace sets another, audited); the analyst then keeps it or disposes of it, and
 * disposal removes the snapshot and everything derived from it.
 */
public final class Retention {
    public static final int DEFAULT_DAYS = 365;
    private final Workspace workspace;

    public Retention(Workspace workspace) {
        this.workspace = workspace;
    }

    static void ensure(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS WORKSPACE_SETTING(name VARCHAR PRIMARY KEY, setting_value VARCHAR NOT NULL)");
        }
    }

    /** Days from a load to its review. */
    public int periodDays() {
        Connection c = workspace.connection();
        try {
            ensure(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM WORKSPACE_SETTING WHERE name = 'retention_days'");
                 ResultSet rs = ps.executeQuery()) {
                int days = rs.next() ? Integer.parseInt(rs.getString(1)) : DEFAULT_DAYS;
                c.commit();
                return days;
            }
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    /** Sets the period (audited). */
    public void setPeriodDays(int days) {
        if (days < 1 || days > 3650) {
            throw new WorkbenchException("The review period must be between 1 and 3650 days.", "For example 365.", true);
        }
        int before = periodDays();
        Connection c = workspace.connection();
        try {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO WORKSPACE_SETTING(name, setting_value) KEY(name) VALUES ('retention_days', ?)")) {
                ps.setString(1, Integer.toString(days));
                ps.executeUpdate();
            }
            new AuditTrail(c).append("retention", "retention.period", AuditTrail.details("from_days", before, "to_days", days));
            c.commit();
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the original failure is what matters
            }
            throw WorkbenchException.database(e);
        }
    }

    /** The day a snapshot is due for review. */
    public LocalDate reviewDate(Snapshot s) {
        return reviewDate(s, periodDays());
    }

    static LocalDate reviewDate(Snapshot s, int days) {
        LocalDate loaded = Instant.parse(s.createdAt()).atZone(ZoneOffset.UTC).toLocalDate();
        return loaded.plusDays(days);
    }

    /** Whether it is due on {@code today}. */
    public boolean due(Snapshot s, LocalDate today) {
        return !reviewDate(s).isAfter(today);
    }
}
