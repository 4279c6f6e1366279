package org.iomworkbench.core.score;

import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.util.Hashing;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.RowInserter;
import org.iomworkbench.core.workspace.Workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * Where scorings live. In the catalogue, {@code SCORE_RUN}: one row per run with its snapshot,
 * its configuration (JSON: as-at, half-life, lookback, window, calibration date, weights and
 * where they came from, cut-offs, harm index version) and the fit when the weights were
 * estimated. In the snapshot's schema, {@code SCORE_RESULT}: every person's numbers, keyed by run.
 * A run, its results and its audit entry commit in one transaction.
 */
public final class ScoreStore {
    private final Workspace workspace;

    public ScoreStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A stored run. */
    public record Run(int runId, int snapshotId, String createdAt, long persons, boolean labels, String config,
                      String estimate) {
    }

    static void ensureTables(Connection c, String schema) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS SCORE_RUN(run_id INT PRIMARY KEY, snapshot_id INT NOT NULL, "
                    + "snapshot_fingerprint VARCHAR(64) NOT NULL, created_at VARCHAR NOT NULL, persons BIGINT NOT NULL, "
                    + "labels BOOLEAN NOT NULL, config VARCHAR NOT NULL, estimate VARCHAR, band_counts VARCHAR NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS " + schema + ".SCORE_RESULT(run_id INT NOT NULL, person_id VARCHAR NOT NULL, "
                    + "in_prison TINYINT NOT NULL, s DOUBLE PRECISION NOT NULL, alcohol_crime TINYINT NOT NULL, "
                    + "alcohol_dependency TINYINT NOT NULL, opiates_positive TINYINT NOT NULL, cocaine_positive TINYINT NOT NULL, "
                    + "harm_trend TINYINT NOT NULL, freq_trend TINYINT NOT NULL, rfsdi DOUBLE PRECISION NOT NULL, "
                    + "band VARCHAR(12) NOT NULL, at_risk TINYINT, escalates TINYINT, next_crime_group VARCHAR, "
                    + "PRIMARY KEY(run_id, person_id))");
        }
    }

    /** Stores a run with its results and audit entry in one transaction; returns the run id. */
    public int save(Snapshot s, ScoreData d, ScoringConfig cfg, WeightEstimator.Estimate est, Scores scores, Labels labels) {
        Connection c = workspace.connection();
        try {
            ensureTables(c, s.schema());
            c.commit();
            int runId;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(run_id), 0) + 1 FROM SCORE_RUN")) {
                rs.next();
                runId = rs.getInt(1);
            }
            String config = ScoreExport.json(cfg.toJson());
            String estimate = est == null ? null : ScoreExport.json(est.toJson());
            long[] counts = scores.bandCounts();
            String bandCounts = ScoreExport.json(counts);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SCORE_RUN(run_id, snapshot_id, snapshot_fingerprint, "
                    + "created_at, persons, labels, config, estimate, band_counts) VALUES (?,?,?,?,?,?,?,?,?)")) {
                ps.setInt(1, runId);
                ps.setInt(2, s.id());
                ps.setString(3, s.fingerprint());
                ps.setString(4, Instant.now().toString());
                ps.setLong(5, d.persons);
                ps.setBoolean(6, labels != null);
                ps.setString(7, config);
                ps.setString(8, estimate);
                ps.setString(9, bandCounts);
                ps.executeUpdate();
            }
            insertResults(c, s, runId, d, scores, labels);
            new AuditTrail(c).append("score", "score.run", AuditTrail.details(
                    "run", runId, "snapshot", s.id(), "fingerprint", s.fingerprint(), "persons", d.persons,
                    "weights_source", cfg.weightsSource().name(), "cutoffs_source", cfg.cutoffsSource().name(),
                    "labels", labels != null, "config_sha256", Hashing.sha256(config),
                    "harm_index_sha256", d.harmIndexVersion()));
            c.commit();
            return runId;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the original failure is what matters
            }
            if (e instanceof SQLException se) {
                throw WorkbenchException.database(se);
            }
            throw (RuntimeException) e;
        }
    }

    /** Replaces a stored run's results (e.g. after an erasure changed the persons), in the caller's transaction. */
    public void replaceResults(Snapshot s, int runId, ScoreData d, Scores scores, Labels labels) throws SQLException {
        Connection c = workspace.connection();
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + s.schema() + ".SCORE_RESULT WHERE run_id = ?")) {
            ps.setInt(1, runId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE SCORE_RUN SET persons = ? WHERE run_id = ?")) {
            ps.setLong(1, d.persons);
            ps.setInt(2, runId);
            ps.executeUpdate();
        }
        insertResults(c, s, runId, d, scores, labels);
    }

    private static void insertResults(Connection c, Snapshot s, int runId, ScoreData d, Scores scores, Labels labels)
            throws SQLException {
        // persons are in id order, so each insert lands at the end of the primary key's B-tree
        try (RowInserter ins = new RowInserter(c, "INSERT INTO " + s.schema() + ".SCORE_RESULT(run_id, person_id, "
                + "in_prison, s, alcohol_crime, alcohol_dependency, opiates_positive, cocaine_positive, harm_trend, "
                + "freq_trend, rfsdi, band, at_risk, escalates, next_crime_group) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", 15)) {
            for (int p = 0; p < d.persons; p++) {
                ins.add(runId, d.personId[p], scores.inPrison[p], scores.s[p], scores.alcoholCrime[p],
                        scores.alcoholDependency[p], scores.opiatesPositive[p], scores.cocainePositive[p], scores.harmTrend[p],
                        scores.freqTrend[p], scores.rfsdi[p], Band.of(scores.band[p]).name(),
                        labels == null ? null : labels.atRisk[p],
                        labels == null || labels.escalates[p] < 0 ? null : labels.escalates[p],
                        labels == null ? null : labels.nextCrimeGroup[p]);
            }
        }
    }

    /** Every stored scoring run, newest first. */
    public java.util.List<Run> runs() {
        Connection c = workspace.connection();
        try {
            java.util.List<Run> out = new java.util.ArrayList<>();
            if (!catalogueExists(c)) {
                return out;
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT run_id, snapshot_id, created_at, "
                    + "persons, labels, config, estimate FROM SCORE_RUN ORDER BY run_id DESC")) {
                while (rs.next()) {
                    out.add(new Run(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getBoolean(5),
                            rs.getString(6), rs.getString(7)));
                }
            }
            c.commit();
            return out;
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    /** A stored run, if there is one with that id. */
    public Optional<Run> run(int runId) {
        Connection c = workspace.connection();
        try {
            if (!catalogueExists(c)) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT run_id, snapshot_id, created_at, persons, labels, config, "
                    + "estimate FROM SCORE_RUN WHERE run_id = ?")) {
                ps.setInt(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    Optional<Run> out = rs.next() ? Optional.of(new Run(rs.getInt(1), rs.getInt(2), rs.getString(3),
                            rs.getLong(4), rs.getBoolean(5), rs.getString(6), rs.getString(7))) : Optional.empty();
                    c.commit();
                    return out;
                }
            }
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    /** How many result rows a run stored. */
    public long resultCount(Snapshot s, int runId) {
        Connection c = workspace.connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + s.schema() + ".SCORE_RESULT WHERE run_id = ?")) {
            ps.setInt(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                c.commit();
                return n;
            }
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    private static boolean catalogueExists(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'SCORE_RUN'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
