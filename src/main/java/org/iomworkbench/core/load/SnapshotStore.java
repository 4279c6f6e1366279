package org.iomworkbench.core.load;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.Workspace;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The workspace's catalogue of data snapshots: list, look up, dispose, export rejections. */
public final class SnapshotStore {
    private final Workspace workspace;

    public SnapshotStore(Workspace workspace) {
        this.workspace = workspace;
    }

    public List<Snapshot> list() {
        try {
            List<Snapshot> out = new ArrayList<>();
            for (Integer id : ids("SELECT id FROM SNAPSHOT ORDER BY id")) {
                out.add(get(id));
            }
            return out;
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    /** The snapshot with {@code id}, or the latest when {@code id} is null; bad input when there is none. */
    public Snapshot resolve(Integer id) {
        try {
            Integer which = id;
            if (which == null) {
                List<Integer> latest = ids("SELECT MAX(id) FROM SNAPSHOT");
                which = latest.isEmpty() ? null : latest.get(0);
                if (which == null) {
                    throw new WorkbenchException("The workspace has no data snapshot yet.",
                            "Load an extract folder first (the load command or the Data view).", true);
                }
            }
            Snapshot s = get(which);
            if (s == null) {
                throw new WorkbenchException("There is no snapshot " + which + " in this workspace.",
                        "List the snapshots with the snapshots command and pick one of them.", true);
            }
            return s;
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    /**
     * The latest snapshot loaded from byte-identical files with the same extract date, or null: the
     * extract date decides which rows are rejected (dated after it), so the same files taken as of
     * another day are another snapshot.
     */
    Snapshot findIdentical(String fingerprint, java.time.LocalDate extractDate) {
        try (PreparedStatement ps = workspace.connection().prepareStatement("SELECT id FROM SNAPSHOT WHERE fingerprint = ? "
                + "AND extract_date = ? ORDER BY id DESC FETCH FIRST ROW ONLY")) {
            ps.setString(1, fingerprint);
            ps.setObject(2, extractDate);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? get(rs.getInt(1)) : null;
            }
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    int nextId(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM SNAPSHOT")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private List<Integer> ids(String sql) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Statement st = workspace.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                int v = rs.getInt(1);
                if (!rs.wasNull()) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private Snapshot get(int id) throws SQLException {
        Connection c = workspace.connection();
        List<FileSummary> files = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT file_name, sha256, bytes, rows_read, rows_accepted, " +
                "rows_rejected, extra_columns FROM SNAPSHOT_FILE WHERE snapshot_id = ? ORDER BY ordinal")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.add(new FileSummary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getString(7)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, created_at, source_folder, extract_date, schema_name, " +
                "fingerprint, harm_index, rows_read, rows_accepted, rows_rejected FROM SNAPSHOT WHERE id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Snapshot(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getObject(4, java.time.LocalDate.class),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                        List.copyOf(files));
            } finally {
                c.commit();
            }
        }
    }

    static void insert(Connection c, Snapshot s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO SNAPSHOT(id, created_at, source_folder, extract_date, " +
                "schema_name, fingerprint, harm_index, rows_read, rows_accepted, rows_rejected) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setInt(1, s.id());
            ps.setString(2, s.createdAt());
            ps.setString(3, s.sourceFolder());
            ps.setObject(4, s.extractDate());
            ps.setString(5, s.schema());
            ps.setString(6, s.fingerprint());
            ps.setString(7, s.harmIndex());
            ps.setLong(8, s.rowsRead());
            ps.setLong(9, s.rowsAccepted());
            ps.setLong(10, s.rowsRejected());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO SNAPSHOT_FILE(snapshot_id, ordinal, file_name, sha256, " +
                "bytes, rows_read, rows_accepted, rows_rejected, extra_columns) VALUES (?,?,?,?,?,?,?,?,?)")) {
            int ordinal = 0;
            for (FileSummary f : s.files()) {
                ps.setInt(1, s.id());
                ps.setInt(2, ordinal++);
                ps.setString(3, f.fileName());
                ps.setString(4, f.sha256());
                ps.setLong(5, f.bytes());
                ps.setLong(6, f.rowsRead());
                ps.setLong(7, f.rowsAccepted());
                ps.setLong(8, f.rowsRejected());
                ps.setString(9, f.extraColumns());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Removes a snapshot and all its data. The catalogue rows and the audit entry commit
     * together; the data schema is dropped after, and if that is interrupted it is removed
     * the next time the workspace opens.
     */
    public void dispose(int id, String reason) {
        Snapshot s = resolve(id);
        Connection c = workspace.connection();
        try {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM SNAPSHOT_FILE WHERE snapshot_id = ?")) {
                ps.setInt(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM SNAPSHOT WHERE id = ?")) {
                ps.setInt(1, id);
                ps.executeUpdate();
            }
            // everything derived from it: its link, scoring and model runs (the model files follow below)
            java.util.List<Integer> modelRuns = new java.util.ArrayList<>();
            if (Workspace.hasTable(c, "PUBLIC", "MODEL_RUN")) {
                try (PreparedStatement ps = c.prepareStatement("SELECT run_id FROM MODEL_RUN WHERE snapshot_id = ?")) {
                    ps.setInt(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            modelRuns.add(rs.getInt(1));
                        }
                    }
                }
            }
            long derived = 0;
            for (String table : new String[]{"LINK_RUN", "LINK_SWAP", "SCORE_RUN", "MODEL_RUN"}) {
                if (Workspace.hasTable(c, "PUBLIC", table)) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE snapshot_id = ?")) {
                        ps.setInt(1, id);
                        derived += ps.executeUpdate();
                    }
                }
            }
            new AuditTrail(c).append("dispose", "snapshot.disposed", AuditTrail.details(
                    "snapshot", id, "fingerprint", s.fingerprint(), "derived_runs", derived, "reason_sha256",
                    org.iomworkbench.core.util.Hashing.sha256(reason == null ? "" : reason)));
            c.commit();
            workspace.dropSchema(s.schema());
            for (int run : modelRuns) {
                java.nio.file.Path dir = workspace.dir().resolve("models").resolve("run-" + run);
                if (java.nio.file.Files.isDirectory(dir)) {
                    try {
                        org.iomworkbench.core.util.FileTrees.delete(dir);
                    } catch (java.io.IOException e) {
                        throw new WorkbenchException("The model files of run " + run + " could not be removed: " + e.getMessage(),
                                "Remove " + dir + " by hand.", false);
                    }
                }
            }
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the original failure is what matters
            }
            throw WorkbenchException.database(e);
        }
    }

    public long rejectionCount(Snapshot s) {
        try (Statement st = workspace.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + s.schema() + ".REJECTIONS")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    /** Writes the snapshot's rejections as CSV with the header {@code file,line,column,value,reason}. */
    /** Writes the file and records the export (rejected rows (with the values that were quoted)) in the audit trail by its SHA-256 and row count. */
    public long exportRejections(Snapshot s, Path out) {
        long n = writeRejections(s, out);
        java.sql.Connection c = workspace.connection();
        try {
            org.iomworkbench.core.audit.AuditTrail.recordExport(c, "export.rejections", s.id(), n, out);
        } catch (java.sql.SQLException e) {
            throw WorkbenchException.database(e);
        } catch (java.io.IOException e) {
            throw new WorkbenchException("Cannot read back " + out + ": " + e.getMessage(), "Check the file.", false, e);
        }
        return n;
    }

    private long writeRejections(Snapshot s, Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            long n = 0;
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                         .setHeader("file", "line", "column", "value", "reason").build());
                 Connection c = workspace.newConnection();
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT file, line, column_name, cell_value, reason FROM "
                         + s.schema() + ".REJECTIONS ORDER BY row_no")) {
                while (rs.next()) {
                    printer.printRecord(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write " + out + ": " + e.getMessage(),
                    "Choose a file in a folder you can write to.", true, e);
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

}
