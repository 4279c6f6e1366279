package org.iomworkbench.core.model;

import com.fasterxml.jackson.core.type.TypeReference;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.model.data.Dataset;
import org.iomworkbench.core.model.eval.Calibrator;
import org.iomworkbench.core.score.Band;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.util.Elapsed;
import org.iomworkbench.core.util.Hashing;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.RowInserter;
import org.iomworkbench.core.workspace.TableScan;
import org.iomworkbench.core.workspace.Workspace;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Model runs in the workspace: the catalogue table {@code MODEL_RUN} (settings, frozen scoring
 * configuration, inputs, metrics, chosen model, SHA-256 of each model file), every prediction of
 * the run in the snapshot's {@code MODEL_PREDICTION} (for the Validation view), and the fitted
 * models as files under {@code models/run-N/}. A run is stored with its audit entry in one
 * transaction; choosing another model to publish with is audited too.
 */
public final class ModelStore {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelStore.class);

    static final String[] SPLITS = {"train", "valid", "test"};
    private final Workspace workspace;

    public ModelStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A stored run. */
    public record RunInfo(int runId, int snapshotId, String createdAt, String createdBy, String config, String scoring,
                          List<String> features, List<String> groups, String metrics, String chosen, String nextChosen,
                          Map<String, String> files) {
        public ModelConfig modelConfig() {
            return ModelConfig.fromJson(config);
        }

        public Map<String, Object> metricsMap() {
            return read(metrics);
        }

        public Map<String, Object> scoringMap() {
            return read(scoring);
        }
    }

    static void ensureTables(Connection c, String schema) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS MODEL_RUN(run_id INT PRIMARY KEY, snapshot_id INT NOT NULL, "
                    + "snapshot_fingerprint VARCHAR(64) NOT NULL, created_at VARCHAR NOT NULL, created_by VARCHAR NOT NULL, "
                    + "config VARCHAR NOT NULL, scoring VARCHAR NOT NULL, features VARCHAR NOT NULL, groups VARCHAR NOT NULL, "
                    + "metrics VARCHAR NOT NULL, chosen VARCHAR NOT NULL, next_chosen VARCHAR, models VARCHAR NOT NULL, "
                    + "files VARCHAR NOT NULL)");
            if (schema != null) {
                st.execute("CREATE TABLE IF NOT EXISTS " + schema + ".MODEL_PREDICTION(run_id INT NOT NULL, "
                        + "person_id VARCHAR NOT NULL, split VARCHAR(5) NOT NULL, as_at DATE NOT NULL, band_at_t VARCHAR(12) NOT NULL, "
                        + "p_escalate DOUBLE PRECISION NOT NULL, flagged TINYINT NOT NULL, escalates TINYINT, "
                        + "next_group_pred VARCHAR, next_group_p DOUBLE PRECISION, next_group_actual VARCHAR, "
                        + "ethnicity VARCHAR, gender VARCHAR(1), age_band VARCHAR(8), PRIMARY KEY(run_id, split, person_id))");
                // every escalation model's calibrated probability on the test year, for curves side by side
                st.execute("CREATE TABLE IF NOT EXISTS " + schema + ".MODEL_TEST_SCORE(run_id INT NOT NULL, "
                        + "model VARCHAR NOT NULL, person_id VARCHAR NOT NULL, p DOUBLE PRECISION NOT NULL, "
                        + "PRIMARY KEY(run_id, model, person_id))");
            }
        }
    }

    /** The files of a run: the models and their calibration, in the workspace folder. */
    public Path runDir(int runId) {
        return workspace.dir().resolve("models").resolve("run-" + runId);
    }

    /** Stores a run; returns its id. */
    public int save(Snapshot s, ScoreData d, ModelRun.Outcome o) {
        Connection c = workspace.connection();
        Path dir = null;
        try {
            ensureTables(c, s.schema());
            c.commit();
            int runId;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(run_id), 0) + 1 FROM MODEL_RUN")) {
                rs.next();
                runId = rs.getInt(1);
            }
            dir = runDir(runId);
            long t0 = System.nanoTime();
            Map<String, String> files = writeFiles(dir, o);
            long t1 = System.nanoTime();
            String config = o.config.toJson();
            String scoring = json(o.scoring.toJson());
            String metrics = json(o.metrics);
            String models = json(modelsJson(o));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO MODEL_RUN(run_id, snapshot_id, snapshot_fingerprint, "
                    + "created_at, created_by, config, scoring, features, groups, metrics, chosen, next_chosen, models, files) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int i = 1;
                ps.setInt(i++, runId);
                ps.setInt(i++, s.id());
                ps.setString(i++, s.fingerprint());
                ps.setString(i++, Instant.now().toString());
                ps.setString(i++, System.getProperty("user.name", "unknown"));
                ps.setString(i++, config);
                ps.setString(i++, scoring);
                ps.setString(i++, json(o.featureNames));
                ps.setString(i++, json(o.groups));
                ps.setString(i++, metrics);
                ps.setString(i++, o.chosen);
                ps.setString(i++, o.nextChosen);
                ps.setString(i++, models);
                ps.setString(i, json(files));
                ps.executeUpdate();
            }
            long t2 = System.nanoTime();
            writePredictions(c, s, d, o, runId);
            long t3 = System.nanoTime();
            writeTestScores(c, s, d, o, runId);
            LOG.info("Model run {}: model files written in {} s, predictions in {} s, test scores in {} s", runId,
                    Elapsed.seconds(t1 - t0), Elapsed.seconds(t3 - t2),
                    Elapsed.since(t3));
            new AuditTrail(c).append("model", "model.run", AuditTrail.details("run", runId, "snapshot", s.id(),
                    "fingerprint", s.fingerprint(), "chosen", o.chosen, "config_sha256", Hashing.sha256(config),
                    "scoring_sha256", Hashing.sha256(scoring), "metrics_sha256", Hashing.sha256(metrics),
                    "files_sha256", Hashing.sha256(json(files))));
            c.commit();
            return runId;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the original failure is what matters
            }
            if (dir != null) {
                deleteQuietly(dir);
            }
            if (e instanceof SQLException se) {
                throw WorkbenchException.database(se);
            }
            throw (RuntimeException) e;
        }
    }

    private static Map<String, Object> modelsJson(ModelRun.Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (ModelRun.Fitted f : o.escalation) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("file", f.name + ".model");
            x.put("threshold", Double.isInfinite(f.threshold) ? null : f.threshold);
            x.put("calibrator", f.calibrator.toJson());
            x.put("parameters", f.model.parameters);
            m.put(f.name, x);
        }
        if (o.nextModel != null) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("file", "next_crime_type.model");
            x.put("kind", o.nextChosen);
            x.put("parameters", o.nextModel.parameters);
            m.put("next_crime_type", x);
        }
        return m;
    }

    private static Map<String, String> writeFiles(Path dir, ModelRun.Outcome o) {
        try {
            if (Files.exists(dir)) {
                deleteQuietly(dir);
            }
            Files.createDirectories(dir);
            Map<String, String> files = new LinkedHashMap<>();
            for (ModelRun.Fitted f : o.escalation) {
                files.put(f.name + ".model", writeObject(dir.resolve(f.name + ".model"), f.model));
            }
            if (o.nextModel != null) {
                files.put("next_crime_type.model", writeObject(dir.resolve("next_crime_type.model"), o.nextModel));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("The model files could not be written to " + dir, e);
        }
    }

    private static String writeObject(Path file, Object o) throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(o);
        }
        return Hashing.sha256(file);
    }

    // many rows to an INSERT (RowInserter): H2 spends less per row; all in the run's one transaction
    private static void writePredictions(Connection c, Snapshot s, ScoreData d, ModelRun.Outcome o, int runId)
            throws SQLException {
        ModelRun.Fitted chosen = o.chosenModel();
        try (RowInserter ins = new RowInserter(c, "INSERT INTO " + s.schema() + ".MODEL_PREDICTION(run_id, person_id, "
                + "split, as_at, band_at_t, p_escalate, flagged, escalates, next_group_pred, next_group_p, next_group_actual, "
                + "ethnicity, gender, age_band) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", 14)) {
            for (int k = 0; k < 3; k++) {
                Dataset set = o.sets[k];
                double[] p = chosen.p[k];
                for (int i = 0; i < set.size(); i++) {
                    Prediction r = Prediction.of(o, k, i, p[i], chosen.threshold, d);
                    ins.add(runId, r.personId(), SPLITS[k], set.asAt, r.band(), r.pEscalate(),
                            (byte) (r.flagged() ? 1 : 0), (byte) (Boolean.TRUE.equals(r.escalates()) ? 1 : 0),
                            r.nextGroupPred(), r.nextGroupP(), r.nextGroupActual(), r.ethnicity(), r.gender(), r.ageBand());
                }
            }
        }
    }

    private static void writeTestScores(Connection c, Snapshot s, ScoreData d, ModelRun.Outcome o, int runId)
            throws SQLException {
        Dataset test = o.sets[2];
        try (RowInserter ins = new RowInserter(c, "INSERT INTO " + s.schema() + ".MODEL_TEST_SCORE(run_id, model, "
                + "person_id, p) VALUES (?,?,?,?)", 4)) {
            for (ModelRun.Fitted f : o.escalation) {
                for (int i = 0; i < test.size(); i++) {
                    ins.add(runId, f.name, d.personId(test.person[i]), f.p[2][i]);
                }
            }
        }
    }

    /** Each escalation model's calibrated probability on the test year, by person id. */
    public Map<String, Map<String, Double>> testScores(Snapshot s, int runId) {
        Connection c = workspace.connection();
        Map<String, Map<String, Double>> out = new java.util.TreeMap<>();
        try {
            // the run's models, each the next along the key after the one before (a distinct would read every row)
            List<String> models = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT model FROM " + s.schema()
                    + ".MODEL_TEST_SCORE WHERE run_id = ? AND model > ? ORDER BY run_id, model FETCH FIRST ROW ONLY")) {
                String last = "";
                while (last != null) {
                    ps.setInt(1, runId);
                    ps.setString(2, last);
                    try (ResultSet rs = ps.executeQuery()) {
                        last = rs.next() ? rs.getString(1) : null;
                    }
                    if (last != null) {
                        models.add(last);
                    }
                }
            }
            // each model's in pages along the key: one result of them all would go to a temporary file
            for (String model : models) {
                Map<String, Double> scores = out.computeIfAbsent(model, k -> new java.util.HashMap<>());
                TableScan.byKey(c, "person_id, p", s.schema() + ".MODEL_TEST_SCORE", "run_id = ? AND model = ?",
                        "run_id, model", "person_id", new Object[] {runId, model}, rs -> scores.put(rs.getString(1), rs.getDouble(2)));
            }
            c.commit();
            return out;
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    /** Every stored run, newest first. */
    public List<RunInfo> runs() {
        Connection c = workspace.connection();
        try {
            ensureTables(c, null);
            c.commit();
            List<RunInfo> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SELECT + " ORDER BY run_id DESC")) {
                while (rs.next()) {
                    out.add(info(rs));
                }
            }
            c.commit();
            return out;
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    public Optional<RunInfo> run(int runId) {
        Connection c = workspace.connection();
        try {
            ensureTables(c, null);
            c.commit();
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE run_id = ?")) {
                ps.setInt(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    Optional<RunInfo> out = rs.next() ? Optional.of(info(rs)) : Optional.empty();
                    c.commit();
                    return out;
                }
            }
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    public RunInfo requireRun(int runId) {
        return run(runId).orElseThrow(() -> new WorkbenchException("There is no model run " + runId + " in this workspace.",
                "List the runs in the Models view, or train one (the train command).", true));
    }

    private static final String SELECT = "SELECT run_id, snapshot_id, created_at, created_by, config, scoring, features, "
            + "groups, metrics, chosen, next_chosen, files FROM MODEL_RUN";

    private static RunInfo info(ResultSet rs) throws SQLException {
        return new RunInfo(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                readList(rs.getString(7)), readList(rs.getString(8)), rs.getString(9), rs.getString(10), rs.getString(11),
                readStrings(rs.getString(12)));
    }

    /** Makes another of the run's escalation models the one lists are published with (audited). */
    public void choose(int runId, String model) {
        RunInfo r = requireRun(runId);
        Map<String, Object> models = read(modelsOf(runId));
        if (!models.containsKey(model) || model.equals("next_crime_type")) {
            throw new WorkbenchException("Model run " + runId + " has no escalation model '" + model + "'.",
                    "Choose one of " + String.join(", ", escalationNames(models)) + ".", true);
        }
        Connection c = workspace.connection();
        try {
            try (PreparedStatement ps = c.prepareStatement("UPDATE MODEL_RUN SET chosen = ? WHERE run_id = ?")) {
                ps.setString(1, model);
                ps.setInt(2, runId);
                ps.executeUpdate();
            }
            new AuditTrail(c).append("model", "model.chosen", AuditTrail.details("run", runId, "snapshot", r.snapshotId(),
                    "from", r.chosen(), "to", model));
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

    private static List<String> escalationNames(Map<String, Object> models) {
        return models.keySet().stream().filter(k -> !k.equals("next_crime_type")).toList();
    }

    String modelsOf(int runId) {
        Connection c = workspace.connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT models FROM MODEL_RUN WHERE run_id = ?")) {
            ps.setInt(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String m = rs.getString(1);
                c.commit();
                return m;
            }
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    /** The chosen escalation model (with its calibration and threshold) and the next-crime model of a run, from their files. */
    public record Loaded(RunInfo info, FittedModel escalation, Calibrator calibrator, double threshold, FittedModel next) {
    }

    public Loaded load(int runId) {
        RunInfo r = requireRun(runId);
        Map<String, Object> models = read(modelsOf(runId));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) models.get(r.chosen());
        FittedModel esc = (FittedModel) readObject(runId, r, (String) m.get("file"));
        @SuppressWarnings("unchecked")
        Calibrator cal = Calibrator.fromJson((Map<String, Object>) m.get("calibrator"));
        Object t = m.get("threshold");
        double threshold = t == null ? Double.POSITIVE_INFINITY : ((Number) t).doubleValue();
        FittedModel next = models.containsKey("next_crime_type") ? (FittedModel) readObject(runId, r, "next_crime_type.model")
                : null;
        return new Loaded(r, esc, cal, threshold, next);
    }

    private Object readObject(int runId, RunInfo r, String name) {
        Path f = runDir(runId).resolve(name);
        try {
            byte[] bytes = Files.readAllBytes(f);
            String expected = r.files().get(name);
            if (expected != null && !expected.equals(Hashing.hex(Hashing.sha256().digest(bytes)))) {
                throw new WorkbenchException("The model file " + f + " has changed since run " + runId + " stored it.",
                        "Train the models again; a changed model file is not used.", false);
            }
            try (ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
                return in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new WorkbenchException("The model file " + f + " could not be read: " + e.getMessage(),
                    "Train the models again.", false);
        }
    }

    /** The run's predictions of one split (train, valid or test) as stored. */
    public List<Prediction> predictions(Snapshot s, int runId, String split) {
        Connection c = workspace.connection();
        try {
            List<Prediction> out = new ArrayList<>();
            TableScan.byKey(c, "person_id, band_at_t, p_escalate, flagged, escalates, next_group_pred, next_group_p, "
                    + "next_group_actual, ethnicity, gender, age_band", s.schema() + ".MODEL_PREDICTION", "run_id = ? AND split = ?",
                    "run_id, split", "person_id", new Object[] {runId, split}, rs -> {
                        double np = rs.getDouble(7);
                        out.add(new Prediction(rs.getString(1), split, rs.getString(2), rs.getDouble(3), rs.getByte(4) == 1,
                                rs.getByte(5) == 1, rs.getString(6), rs.wasNull() ? null : np, rs.getString(8), rs.getString(9),
                                rs.getString(10), rs.getString(11)));
                    });
            c.commit();
            return out;
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    static String json(Object o) {
        try {
            return ModelConfig.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> read(String json) {
        try {
            return ModelConfig.JSON.readValue(json, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readList(String json) {
        try {
            return ModelConfig.JSON.readValue(json, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> readStrings(String json) {
        try {
            return ModelConfig.JSON.readValue(json, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    static String band(int ordinal) {
        return Band.of(ordinal).name();
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
