package org.iomworkbench.core.workspace;

import org.iomworkbench.core.util.WorkbenchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A workspace is a folder holding the H2 database ({@code workbench.mv.db}), {@code logs/}
 * and {@code exports/}. Opening it creates the catalogue tables when new and removes what
 * an interrupted load left behind, so the database always holds only whole snapshots.
 */
public final class Workspace implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);
    public static final String DB_NAME = "workbench";
    /** Schemas of snapshot data are named with this prefix and the snapshot id. */
    public static final String SNAPSHOT_SCHEMA_PREFIX = "SNAP_";

    private static final String USER = "iom";

    private final Path dir;
    private final String url;
    private final Connection connection;
    /** What H2 takes as the password: for an encrypted workspace the file password, a space, the user's (empty). */
    private final String password;

    /** What {@link #remember} holds: per kind, the version it was read at and the value (softly: memory may reclaim it). */
    private final java.util.Map<String, java.util.Map.Entry<String, java.lang.ref.SoftReference<Object>>> remembered =
            new java.util.HashMap<>();

    private Workspace(Path dir, String url, Connection connection, String password) {
        this.dir = dir;
        this.url = url;
        this.connection = connection;
        this.password = password;
    }

    /** The environment variable that holds an encrypted workspace's password (never a command-line argument). */
    public static final String PASSWORD_ENV = "IOM_WORKSPACE_PASSWORD";

    /** Opens (or creates) a workspace, encrypted with the password in {@link #PASSWORD_ENV} when that is set. */
    public static Workspace open(Path dir) {
        String env = System.getenv(PASSWORD_ENV);
        return open(dir, env == null || env.isEmpty() ? null : env.toCharArray());
    }

    /**
     * Opens (or creates) a workspace. With a password the database is encrypted at rest (H2's AES
     * file encryption): a new workspace is created encrypted, and an encrypted one opens only with
     * its password. The folder and its files are made readable by their owner only where the file
     * system allows it.
     */
    public static Workspace open(Path dir, char[] password) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.resolve("logs"));
            Files.createDirectories(abs.resolve("exports"));
        } catch (IOException e) {
            throw new WorkbenchException("Cannot create the workspace folder " + abs + ": " + e.getMessage(),
                    "Choose a folder you can write to.", true, e);
        }
        ownerOnly(abs);
        boolean encrypted = password != null && password.length > 0;
        // no LAZY_QUERY_EXECUTION: in H2 2.3.232 a long lazy read can fail with "Chunk ... not found"
        // (h2database issue 4142); bulk reads go through TableScan's pages instead
        String url = "jdbc:h2:file:" + abs.resolve(DB_NAME) + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=131072"
                + (encrypted ? ";CIPHER=AES" : "");
        // H2 takes the file password and the user's password together, separated by a space
        String pass = encrypted ? new String(password) + " " : "";
        Connection c;
        try {
            c = DriverManager.getConnection(url, USER, pass);
        } catch (SQLException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.contains("already in use")) {
                throw new WorkbenchException("The workspace " + abs + " is open in another program.",
                        "Close the other workbench window or command using it, or choose another workspace.", false, e);
            }
            if (Files.exists(abs.resolve(DB_NAME + ".mv.db")) && (m.contains("password") || m.contains("Wrong user")
                    || m.contains("encrypt") || m.contains("corrupt") || m.contains("File corrupted") || e.getErrorCode() == 90049
                    || e.getErrorCode() == 90030 || e.getErrorCode() == 28000)) {
                throw new WorkbenchException(encrypted ? "The password does not open the workspace " + abs + "."
                        : "The workspace " + abs + " is encrypted and needs its password.",
                        "Give the password with --password-file FILE or the " + PASSWORD_ENV + " environment variable.", true, e);
            }
            throw new WorkbenchException("Cannot open the workspace database in " + abs + ".",
                    "See the log for details.", false, e);
        }
        ownerOnly(abs.resolve(DB_NAME + ".mv.db"));
        Workspace ws = new Workspace(abs, url, c, pass);
        try {
            ws.createCatalogue();
            ws.removeIncompleteLoads();
        } catch (SQLException e) {
            ws.close();
            throw new WorkbenchException("The workspace database in " + abs + " could not be prepared.",
                    "See the log for details.", false, e);
        }
        return ws;
    }

    private void createCatalogue() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS SNAPSHOT(" +
                    "id INT PRIMARY KEY, created_at VARCHAR NOT NULL, source_folder VARCHAR NOT NULL, " +
                    "extract_date DATE NOT NULL, schema_name VARCHAR NOT NULL, fingerprint VARCHAR(64) NOT NULL, " +
                    "harm_index VARCHAR NOT NULL, rows_read BIGINT NOT NULL, rows_accepted BIGINT NOT NULL, " +
                    "rows_rejected BIGINT NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS SNAPSHOT_FILE(" +
                    "snapshot_id INT NOT NULL, ordinal INT NOT NULL, file_name VARCHAR NOT NULL, sha256 VARCHAR(64) NOT NULL, " +
                    "bytes BIGINT NOT NULL, rows_read BIGINT NOT NULL, rows_accepted BIGINT NOT NULL, " +
                    "rows_rejected BIGINT NOT NULL, extra_columns VARCHAR NOT NULL, " +
                    "PRIMARY KEY(snapshot_id, file_name))");
            st.execute("CREATE TABLE IF NOT EXISTS AUDIT(" +
                    "seq BIGINT PRIMARY KEY, at VARCHAR NOT NULL, os_user VARCHAR NOT NULL, " +
                    "command VARCHAR NOT NULL, action VARCHAR NOT NULL, details VARCHAR NOT NULL, " +
                    "prev_hash VARCHAR(64) NOT NULL, hash VARCHAR(64) NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS AUDIT_HEAD(" +
                    "id INT PRIMARY KEY, seq BIGINT NOT NULL, hash VARCHAR(64) NOT NULL)");
        }
        connection.setAutoCommit(false);
        connection.commit();
    }

    /** Drops snapshot schemas that no committed snapshot row names (a load that was killed). */
    private void removeIncompleteLoads() throws SQLException {
        List<String> orphans = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA " +
                     "WHERE SCHEMA_NAME LIKE '" + SNAPSHOT_SCHEMA_PREFIX + "%' AND SCHEMA_NAME NOT IN " +
                     "(SELECT schema_name FROM SNAPSHOT)")) {
            while (rs.next()) {
                orphans.add(rs.getString(1));
            }
        }
        for (String schema : orphans) {
            LOG.warn("Removing {} left by an interrupted load", schema);
            dropSchema(schema);
        }
    }

    public void dropSchema(String schema) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        connection.commit();
    }

    public Path dir() {
        return dir;
    }

    public Path exportsDir() {
        return dir.resolve("exports");
    }

    public Path logsDir() {
        return dir.resolve("logs");
    }

    /** The workspace's one connection; auto-commit is off, callers commit their own transaction. */
    public Connection connection() {
        return connection;
    }

    /**
     * A further connection to the same database, for work on another thread (a load, a
     * browser page); auto-commit is off. The caller closes it.
     */
    public Connection newConnection() throws SQLException {
        Connection c = DriverManager.getConnection(url, USER, password);
        c.setAutoCommit(false);
        return c;
    }

    private static void ownerOnly(Path p) {
        try {
            if (Files.exists(p) && Files.getFileStore(p).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwx------" : "rw-------"));
            }
        } catch (IOException | RuntimeException e) {
            // a file system without POSIX permissions (e.g. Windows): the folder's own access rules apply
            LOG.warn("Could not make {} readable by its owner only: {}", p, e.getMessage());
        }
    }

    /** Whether the schema holds the table (names as H2 stores them: upper case; the catalogue is in PUBLIC). */
    public static boolean hasTable(Connection c, String schema, String table) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    /**
     * {@link #compactAndClose()}, then opens the workspace again with the password it was opened
     * with (an encrypted workspace whose password was typed in the window has it in no variable).
     */
    public Workspace compactAndReopen() {
        String pass = password;
        compactAndClose();
        // the H2 form is the file password and a space; none for a plain workspace
        return open(dir, pass.isEmpty() ? null : pass.substring(0, pass.length() - 1).toCharArray());
    }

    /**
     * Closes the workspace and rewrites its database file with only the live data (H2's
     * {@code SHUTDOWN COMPACT}), so that nothing deleted survives in free pages of the file.
     * The workspace cannot be used afterwards; open it again.
     */
    public void compactAndClose() {
        try {
            if (!connection.isClosed()) {
                connection.commit();
                try (java.sql.Statement st = connection.createStatement()) {
                    st.execute("SHUTDOWN COMPACT");
                }
            }
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        } finally {
            close();
        }
    }

    /**
     * A value read from this workspace, kept while its {@code version} holds: one value per
     * {@code kind}, made by {@code read} when none is kept for that version (then replacing the
     * kind's older one), held by a soft reference so that a short heap takes it back rather than
     * fail. The caller names a version that changes whenever what the value was read from does
     * (see {@link #dataVersion}), and the value must not be changed by those who get it.
     */
    public <T> T remember(String kind, String version, Class<T> type, java.util.function.Supplier<T> read) {
        synchronized (remembered) {
            java.util.Map.Entry<String, java.lang.ref.SoftReference<Object>> e = remembered.get(kind);
            Object kept = e != null && e.getKey().equals(version) ? e.getValue().get() : null;
            if (type.isInstance(kept)) {
                return type.cast(kept);
            }
            remembered.remove(kind); // let the old one go before reading the new one
            T value = read.get();
            remembered.put(kind, java.util.Map.entry(version, new java.lang.ref.SoftReference<>(value)));
            return value;
        }
    }

    /**
     * The audit trail's latest entry among {@code actions}, as "seq:hash" ("0:" when there is none):
     * a version of whatever those actions change. Every change to a workspace is audited in the
     * transaction that makes it, so the version moves with every committed change of that kind;
     * the hash, unlike the sequence number alone, never comes back after a rolled-back change.
     */
    public String dataVersion(java.util.Collection<String> actions) {
        String marks = String.join(",", java.util.Collections.nCopies(actions.size(), "?"));
        try (java.sql.PreparedStatement ps = connection.prepareStatement("SELECT seq, hash FROM AUDIT WHERE seq = "
                + "(SELECT MAX(seq) FROM AUDIT WHERE action IN (" + marks + "))")) {
            int i = 1;
            for (String a : actions) {
                ps.setString(i++, a);
            }
            return version(ps);
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    /**
     * The audit trail's latest entry, as "seq:hash" ("0:" when there is none): a version of the
     * whole workspace, which moves with every committed change of any kind.
     */
    public String auditHead() {
        try (java.sql.PreparedStatement ps = connection.prepareStatement(
                "SELECT seq, hash FROM AUDIT WHERE seq = (SELECT MAX(seq) FROM AUDIT)")) {
            return version(ps);
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    /** The entry the query finds (seq, hash), as "seq:hash", or "0:" when it finds none. */
    private static String version(java.sql.PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) + ":" + rs.getString(2) : "0:";
        }
    }

    @Override
    public void close() {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException e) {
            LOG.warn("Closing the workspace database failed", e);
        }
    }
}
