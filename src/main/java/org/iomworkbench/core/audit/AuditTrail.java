package org.iomworkbench.core.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.iomworkbench.core.util.Hashing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace's append-only, hash-chained log of changes. Each entry's hash covers its own
 * fields and the previous entry's hash, and {@code AUDIT_HEAD} holds the latest link, so an
 * edited, deleted, reordered or truncated entry is found by {@link #verify}. Callers append in
 * the same transaction as the change they record and commit both together.
 */
public final class AuditTrail {
    static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;

    public AuditTrail(Connection connection) {
        this.connection = connection;
    }

    public static String currentUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    /**
     * Appends an entry without committing: the caller commits it with its change.
     *
     * @param details identifiers and hashes only; serialised as JSON in key order
     */
    public AuditEntry append(String command, String action, Map<String, ?> details) throws SQLException {
        long seq = 0;
        String prev = GENESIS;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, hash FROM AUDIT_HEAD WHERE id = 1 FOR UPDATE")) {
            if (rs.next()) {
                seq = rs.getLong(1);
                prev = rs.getString(2);
            }
        }
        long next = seq + 1;
        String at = Instant.now().toString();
        String user = currentUser();
        String json;
        try {
            json = JSON.writeValueAsString(new LinkedHashMap<>(details));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain values", e);
        }
        String hash = Hashing.sha256(AuditEntry.canonical(next, at, user, command, action, json, prev));
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO AUDIT(seq, at, os_user, command, action, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, next);
            ps.setString(2, at);
            ps.setString(3, user);
            ps.setString(4, command);
            ps.setString(5, action);
            ps.setString(6, json);
            ps.setString(7, prev);
            ps.setString(8, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "MERGE INTO AUDIT_HEAD(id, seq, hash) KEY(id) VALUES (1, ?, ?)")) {
            ps.setLong(1, next);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
        return new AuditEntry(next, at, user, command, action, json, prev, hash);
    }

    /** The trail's last entry: its number (0 when empty) and hash. */
    public record Head(long seq, String hash) {
    }

    public Head head() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, hash FROM AUDIT_HEAD WHERE id = 1")) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, GENESIS);
        }
    }

    /**
     * {@link #verify()}, and then whether entry {@code seq} still has the hash that a copy kept
     * outside the workspace recorded (a publication's manifest): a chain rewritten consistently
     * from its start, head and all, passes the first check but not this one.
     */
    public AuditVerification verifyAnchor(long seq, String hash) throws SQLException {
        AuditVerification v = verify();
        if (!v.intact() || seq == 0 && GENESIS.equals(hash)) {
            return v;
        }
        for (AuditEntry e : entries()) {
            if (e.seq() == seq) {
                return e.hash().equals(hash) ? v : new AuditVerification(false, v.entries(), seq,
                        "entry " + seq + " is not the one recorded outside the workspace (its hash was " + hash
                                + "): the trail was rewritten up to it");
            }
        }
        return new AuditVerification(false, v.entries(), seq, "entry " + seq + ", recorded outside the workspace, is missing");
    }

    public List<AuditEntry> entries() throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT seq, at, os_user, command, action, details, prev_hash, hash FROM AUDIT ORDER BY seq")) {
            while (rs.next()) {
                out.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
            }
        }
        return out;
    }

    /** Walks the chain from the first entry and reports the first link that does not hold. */
    public AuditVerification verify() throws SQLException {
        List<AuditEntry> all = entries();
        String prev = GENESIS;
        long expectedSeq = 1;
        for (AuditEntry e : all) {
            if (e.seq() != expectedSeq) {
                return new AuditVerification(false, all.size(), expectedSeq,
                        "entry " + expectedSeq + " is missing (next stored entry is " + e.seq() + ")");
            }
            if (!e.prevHash().equals(prev)) {
                return new AuditVerification(false, all.size(), e.seq(),
                        "it does not follow the entry before it (deleted or reordered entries)");
            }
            String recomputed = Hashing.sha256(AuditEntry.canonical(e.seq(), e.at(), e.osUser(), e.command(),
                    e.action(), e.details(), e.prevHash()));
            if (!recomputed.equals(e.hash())) {
                return new AuditVerification(false, all.size(), e.seq(), "its content was changed after it was written");
            }
            prev = e.hash();
            expectedSeq++;
        }
        long headSeq = 0;
        String headHash = GENESIS;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, hash FROM AUDIT_HEAD WHERE id = 1")) {
            if (rs.next()) {
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
        }
        if (headSeq != all.size() || !headHash.equals(prev)) {
            return new AuditVerification(false, all.size(), all.size() + 1L,
                    "the trail ends at entry " + all.size() + " but its head records entry " + headSeq
                            + " (entries were removed from the end)");
        }
        return new AuditVerification(true, all.size(), -1, "");
    }

    /** Convenience for building details maps in a fixed key order. */
    /**
     * Records, and commits, that a file carrying data out of the workspace was written: which
     * snapshot, how many rows, the file's SHA-256 (never its content).
     */
    public static void recordExport(Connection c, String action, int snapshotId, long rows, java.nio.file.Path file)
            throws SQLException, java.io.IOException {
        new AuditTrail(c).append("export", action, details("snapshot", snapshotId, "rows", rows, "file_sha256",
                org.iomworkbench.core.util.Hashing.sha256(file)));
        c.commit();
    }

    public static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
