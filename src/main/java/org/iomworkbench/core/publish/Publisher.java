package org.iomworkbench.core.publish;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.load.FileSummary;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.model.ModelService;
import org.iomworkbench.core.model.ModelStore;
import org.iomworkbench.core.model.Prediction;
import org.iomworkbench.core.score.Band;
import org.iomworkbench.core.score.ScoreStore;
import org.iomworkbench.core.util.Decimals;
import org.iomworkbench.core.util.Elapsed;
import org.iomworkbench.core.util.Hashing;
import org.iomworkbench.core.util.Parallelism;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.RowInserter;
import org.iomworkbench.core.workspace.TableScan;
import org.iomworkbench.core.workspace.Workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Publishing a vetted list: the people of a scoring run (with an offence) in the chosen bands,
 * with the model run's escalation probability and next likely crime type where they are at
 * risk, less the people the analyst left off, as a CSV of allowed columns only (never the
 * calculation's internals), safe against formula injection; beside it a manifest; the
 * publication stored and audited so that {@link #reproduce} can re-create it and check its SHA-256.
 */
public final class Publisher {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Publisher.class);

    /** The columns a list may have. */
    public static final List<String> ALLOWED = List.of("person_id", "surname", "forenames", "date_of_birth", "band", "rfsdi",
            "p_escalate", "p_escalate_band", "next_crime_type", "under_18", "data_date");
    public static final List<String> DEFAULT_COLUMNS = List.of("person_id", "surname", "forenames", "date_of_birth", "band",
            "rfsdi", "p_escalate", "next_crime_type", "under_18", "data_date");
    public static final String CONFIRMATION = "This list is advice for Offender Managers' professional judgement, "
            + "not a decision about anyone.";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * A list's order: band from the highest, then RFSDi from the highest, then person id (compared
     * as numbers, not boxed: a list of 250,000 takes some 4.5 million comparisons).
     */
    static final Comparator<Row> LIST_ORDER = (a, b) -> {
        int c = Integer.compare(b.band().ordinal(), a.band().ordinal());
        if (c == 0) {
            c = Double.compare(-a.rfsdi(), -b.rfsdi());
        }
        return c != 0 ? c : a.personId().compareTo(b.personId());
    };

    private final Workspace workspace;

    public Publisher(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A stored publication. */
    public record Publication(int id, String createdAt, String signer, int snapshotId, int scoresRun, int modelRun,
                              long rows, String csvSha256, String manifest, String request) {
    }

    /** One person on a list, before the columns are chosen. */
    public record Row(String personId, String surname, String forenames, LocalDate dateOfBirth, Band band, double rfsdi,
                      Double pEscalate, String nextCrimeType, Boolean under18) {
    }

    /** The rows a request would publish, in list order (band, then RFSDi, highest first). */
    public List<Row> rows(PublicationRequest r) {
        ScoreStore.Run sr = new ScoreStore(workspace).run(r.scoresRun()).orElseThrow(() -> new WorkbenchException(
                "There is no scoring run " + r.scoresRun() + ".", "Save a scoring run first (score, or the Scores view).", true));
        ModelStore.RunInfo mr = new ModelStore(workspace).requireRun(r.modelRun());
        if (sr.snapshotId() != mr.snapshotId()) {
            throw new WorkbenchException("Scoring run " + r.scoresRun() + " is on snapshot " + sr.snapshotId() + " but model run "
                    + r.modelRun() + " is on snapshot " + mr.snapshotId() + ".", "Publish a scoring run and a model run of one snapshot.", true);
        }
        Snapshot s = new SnapshotStore(workspace).resolve(sr.snapshotId());
        LocalDate asAt = asAt(sr);
        long t0 = System.nanoTime();
        Map<String, Prediction> pred = new HashMap<>();
        for (Prediction p : new ModelService(workspace).predict(r.modelRun(), r.scoresRun())) {
            pred.put(p.personId(), p);
        }
        long t1 = System.nanoTime();
        Set<Band> bands = r.bands() == null || r.bands().isEmpty() ? EnumSet.allOf(Band.class) : EnumSet.noneOf(Band.class);
        if (r.bands() != null) {
            for (String b : r.bands()) {
                try {
                    bands.add(Band.valueOf(b.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new WorkbenchException("'" + b + "' is not a band.", "Use LOW, LOW_MEDIUM, HIGH_MEDIUM, HIGH or SUPER_HIGH.", true);
                }
            }
        }
        List<Row> out = new ArrayList<>();
        Connection c = workspace.connection();
        try {
            // The scores in pages along their key (one result of every person would go to a
            // temporary file); each page's names read as one range of the persons' key, not looked
            // up person by person as a join does (a third faster warm, and each page of the
            // person table read once when the cache cannot hold it).
            List<Scored> page = new ArrayList<>(namesPage);
            int[] scanned = {0}; // scores read since the page began, listed or not
            TableScan.byKey(c, "person_id, band, rfsdi", s.schema() + ".SCORE_RESULT", "run_id = ? AND rfsdi > 0",
                    "run_id", "person_id", new Object[] {r.scoresRun()}, rs -> {
                        scanned[0]++;
                        String id = rs.getString(1);
                        Band band = Band.valueOf(rs.getString(2));
                        if (!bands.contains(band) || (r.exclusions() != null && r.exclusions().containsKey(id))) {
                            return;
                        }
                        Prediction p = pred.get(id);
                        if (r.minProbability() != null && (p == null || p.pEscalate() < r.minProbability())) {
                            return;
                        }
                        page.add(new Scored(id, band, rs.getDouble(3), p));
                        if (page.size() == namesPage) {
                            named(c, s, page, scanned[0], asAt, out);
                            page.clear();
                            scanned[0] = 0;
                        }
                    });
            named(c, s, page, scanned[0], asAt, out);
            c.commit();
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
        out.sort(LIST_ORDER);
        LOG.info("List of {} rows: predictions in {} s, scores and names in {} s", out.size(),
                Elapsed.seconds(t1 - t0), Elapsed.since(t1));
        return out;
    }

    /** Names are read for this many listed persons at a time. */
    static final int NAMES_PAGE = 20_000;
    /** {@link #NAMES_PAGE}; smaller in a test, so that small lists take many pages. */
    int namesPage = NAMES_PAGE;

    private record Scored(String personId, Band band, double rfsdi, Prediction prediction) {
    }

    private record Name(String surname, String forenames, LocalDate dateOfBirth) {
    }

    private static void readNames(PreparedStatement ps, Map<String, Name> names) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getString(1), new Name(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)));
            }
        }
    }

    /**
     * The page's persons with their names, as the join of scores and persons gave them (a person
     * without a row is left out). A page that holds most of the scores it spans reads its names as
     * one range of the persons' key; a sparse one (a band or a probability chosen) looks each person
     * up, as a range would read many persons the list leaves out.
     */
    private static void named(Connection c, Snapshot s, List<Scored> page, int scanned, LocalDate asAt, List<Row> out)
            throws SQLException {
        if (page.isEmpty()) {
            return;
        }
        Map<String, Name> names = new HashMap<>(page.size() * 2);
        String select = "SELECT person_id, surname, forenames, date_of_birth FROM " + s.schema() + ".PERSON WHERE ";
        if (page.size() * 2 >= scanned) {
            try (PreparedStatement ps = c.prepareStatement(select + "person_id >= ? AND person_id <= ?")) {
                ps.setString(1, page.get(0).personId());
                ps.setString(2, page.get(page.size() - 1).personId());
                readNames(ps, names);
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(select + "person_id = ?")) {
                for (Scored x : page) {
                    ps.setString(1, x.personId());
                    readNames(ps, names);
                }
            }
        }
        for (Scored x : page) {
            Name n = names.get(x.personId());
            if (n == null) {
                continue;
            }
            Prediction p = x.prediction();
            LocalDate dob = n.dateOfBirth();
            out.add(new Row(x.personId(), n.surname(), n.forenames(), dob, x.band(), x.rfsdi(),
                    p == null ? null : p.pEscalate(), p == null ? null : p.nextGroupPred(),
                    dob == null ? null : Period.between(dob, asAt).getYears() < 18));
        }
    }

    private static LocalDate asAt(ScoreStore.Run sr) {
        try {
            Map<String, Object> cfg = JSON.readValue(sr.config(), new TypeReference<>() { });
            return LocalDate.parse((String) cfg.get("as_at"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CSV's bytes for a request: deterministic, so that the same stored runs give the same bytes. */
    public byte[] csv(PublicationRequest r, List<Row> rows) {
        return csv(r, columns(r), rows, dataDate(r));
    }

    private String dataDate(PublicationRequest r) {
        return asAt(new ScoreStore(workspace).run(r.scoresRun()).orElseThrow()).toString();
    }

    /** The bytes from what was read: touches no connection, so it may run beside the ledger's writing. */
    private static byte[] csv(PublicationRequest r, List<String> cols, List<Row> rows, String dataDate) {
        StringBuilder b = new StringBuilder(256 + rows.size() * 96);
        if (r.bom()) {
            b.append('\uFEFF');
        }
        b.append(SafeCsv.line(cols));
        List<Function<Row, String>> cells = new ArrayList<>(cols.size());
        for (String c : cols) {
            cells.add(switch (c) {
                case "person_id" -> Row::personId;
                case "surname" -> Row::surname;
                case "forenames" -> Row::forenames;
                case "date_of_birth" -> x -> x.dateOfBirth() == null ? "" : x.dateOfBirth().toString();
                case "band" -> x -> x.band().name();
                case "rfsdi" -> x -> Decimals.fixed(x.rfsdi(), 4);
                case "p_escalate" -> x -> x.pEscalate() == null ? "" : Decimals.fixed(x.pEscalate(), 4);
                case "p_escalate_band" -> x -> x.pEscalate() == null ? "" : probabilityBand(x.pEscalate());
                case "next_crime_type" -> x -> x.nextCrimeType() == null ? "" : x.nextCrimeType();
                case "under_18" -> x -> x.under18() == null ? "" : x.under18() ? "Y" : "N";
                case "data_date" -> x -> dataDate;
                default -> throw new IllegalStateException(c);
            });
        }
        for (Row x : rows) { // straight into one buffer: a list and a string per row cost more than the cells
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                SafeCsv.append(b, cells.get(i).apply(x));
            }
            b.append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String probabilityBand(double p) {
        return p < 0.10 ? "under 10%" : p < 0.25 ? "10% to 25%" : p < 0.5 ? "25% to 50%" : "50% and over";
    }

    private static List<String> columns(PublicationRequest r) {
        List<String> cols = r.columns() == null || r.columns().isEmpty() ? DEFAULT_COLUMNS : r.columns();
        for (String c : cols) {
            if (!ALLOWED.contains(c)) {
                throw new WorkbenchException("'" + c + "' cannot go on a published list.",
                        "Choose among " + String.join(", ", ALLOWED) + " (never the calculation's internals).", true);
            }
        }
        if (new TreeSet<>(cols).size() != cols.size()) {
            throw new WorkbenchException("A column is named twice.", "Name each column once.", true);
        }
        return cols;
    }

    /** The column every new list carries: people under 18 are flagged in every list (the force's duty for children). */
    public static final String REQUIRED_COLUMN = "under_18";

    /** Publishes: checks the sign-off, writes the CSV and its manifest, stores and audits the publication. */
    public Publication publish(PublicationRequest r, Path out) {
        if (!columns(r).contains(REQUIRED_COLUMN)) {
            throw new WorkbenchException("Every list flags the people under 18: the column " + REQUIRED_COLUMN
                    + " cannot be left off.", "Add " + REQUIRED_COLUMN + " to the columns.", true);
        }
        String user = AuditTrail.currentUser();
        if (r.signedOffBy() == null || !r.signedOffBy().strip().equalsIgnoreCase(user)) {
            throw new WorkbenchException("The list must be signed off by the analyst at this workstation ('" + user
                    + "'), not '" + r.signedOffBy() + "'.", "Sign off with your own user name.", true);
        }
        if (!CONFIRMATION.equals(r.confirmation())) {
            throw new WorkbenchException("The sign-off needs the confirmation: \"" + CONFIRMATION + "\"",
                    "Type it exactly as shown.", true);
        }
        List<Row> rows = rows(r);
        long t0 = System.nanoTime();
        List<String> cols = columns(r);
        ScoreStore.Run sr = new ScoreStore(workspace).run(r.scoresRun()).orElseThrow();
        ModelStore.RunInfo mr = new ModelStore(workspace).requireRun(r.modelRun());
        Snapshot s = new SnapshotStore(workspace).resolve(sr.snapshotId());
        String dataDate = asAt(sr).toString();
        long[] csvNanos = new long[1];
        Connection c = workspace.connection();
        // The CSV is built beside the ledger's writing when a second processor is there for it: the
        // one needs the processor, the other mostly H2.
        try (Parallelism.Beside<byte[], RuntimeException> building = Parallelism.beside("publish-csv", () -> {
            long s0 = System.nanoTime();
            byte[] bytes = csv(r, cols, rows, dataDate);
            csvNanos[0] = System.nanoTime() - s0;
            return bytes;
        })) {
            ensureTables(c);
            int id;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(publication_id), 0) + 1 FROM PUBLICATION")) {
                rs.next();
                id = rs.getInt(1);
            }
            try (RowInserter ins = new RowInserter(c, "INSERT INTO PUBLICATION_PERSON(publication_id, person_id, band, "
                    + "p_escalate) VALUES (?,?,?,?)", 4)) {
                // in key order: each insert then lands at the end of the primary key's B-tree
                List<Row> byId = new ArrayList<>(rows);
                byId.sort(Comparator.comparing(Row::personId));
                for (Row x : byId) {
                    ins.add(id, x.personId(), x.band().name(), x.pEscalate());
                }
            }
            long t1 = System.nanoTime();
            byte[] csv = building.join();
            long t2 = System.nanoTime();
            String sha = Hashing.hex(Hashing.sha256().digest(csv));
            String createdAt = Instant.now().toString();
            String request = JSON.writeValueAsString(requestJson(r));
            Map<String, Object> manifest = manifest(id, createdAt, user, s, sr, mr, r, rows.size(), sha);
            // the trail as it stood before this publication: a copy outside the workspace that anchors it
            // (audit verify --manifest), since a chain kept in one file could be rewritten head and all
            AuditTrail.Head head = new AuditTrail(c).head();
            Map<String, Object> anchor = new LinkedHashMap<>();
            anchor.put("entries", head.seq());
            anchor.put("head_sha256", head.hash());
            manifest.put("audit_trail", anchor);
            String manifestJson = JSON.writeValueAsString(manifest);
            Files.write(out, csv);
            Files.writeString(manifestPath(out), manifestJson);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO PUBLICATION(publication_id, created_at, signer, "
                    + "snapshot_id, scores_run, model_run, row_count, csv_sha256, manifest, request) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                ps.setInt(1, id);
                ps.setString(2, createdAt);
                ps.setString(3, user);
                ps.setInt(4, s.id());
                ps.setInt(5, r.scoresRun());
                ps.setInt(6, r.modelRun());
                ps.setLong(7, rows.size());
                ps.setString(8, sha);
                ps.setString(9, manifestJson);
                ps.setString(10, request);
                ps.executeUpdate();
            }
            LOG.info("Publication {}: rows stored in {} s, CSV built in {} s ({}), waited {} s for it, written in {} s", id,
                    Elapsed.seconds(t1 - t0), Elapsed.seconds(csvNanos[0]), Parallelism.threads() > 1 ? "beside the storing" : "before it",
                    Elapsed.seconds(t2 - t1), Elapsed.since(t2));
            new AuditTrail(c).append("publish", "publication", AuditTrail.details("publication", id, "snapshot", s.id(),
                    "scores_run", r.scoresRun(), "model_run", r.modelRun(), "rows", rows.size(), "csv_sha256", sha,
                    "manifest_sha256", Hashing.sha256(manifestJson), "request_sha256", Hashing.sha256(request),
                    "excluded", r.exclusions() == null ? 0 : r.exclusions().size()));
            c.commit();
            return new Publication(id, createdAt, user, s.id(), r.scoresRun(), r.modelRun(), rows.size(), sha, manifestJson,
                    request);
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                c.rollback();
                Files.deleteIfExists(out);
                Files.deleteIfExists(manifestPath(out));
            } catch (SQLException | IOException ignored) {
                // the original failure is what matters
            }
            if (e instanceof SQLException se) {
                throw WorkbenchException.database(se);
            }
            if (e instanceof IOException) {
                throw new WorkbenchException("The list could not be written to " + out + ": " + e.getMessage(),
                        "Choose a folder you can write to.", true);
            }
            throw (RuntimeException) e;
        }
    }

    public static Path manifestPath(Path csv) {
        return csv.resolveSibling(csv.getFileName() + ".manifest.json");
    }

    private static Map<String, Object> requestJson(PublicationRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scores_run", r.scoresRun());
        m.put("model_run", r.modelRun());
        m.put("columns", columns(r));
        m.put("bands", r.bands() == null ? List.of() : new TreeSet<>(r.bands()));
        m.put("min_probability", r.minProbability());
        m.put("exclusions", r.exclusions() == null ? Map.of() : new TreeMap<>(r.exclusions()));
        m.put("bom", r.bom());
        return m;
    }

    private Map<String, Object> manifest(int id, String createdAt, String user, Snapshot s, ScoreStore.Run sr,
                                         ModelStore.RunInfo mr, PublicationRequest r, int rows, String sha) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("publication", id);
        m.put("created_at", createdAt);
        m.put("signed_off_by", user);
        m.put("confirmation", CONFIRMATION);
        Map<String, Object> snap = new LinkedHashMap<>();
        snap.put("id", s.id());
        snap.put("fingerprint", s.fingerprint());
        snap.put("extract_date", String.valueOf(s.extractDate()));
        Map<String, String> files = new LinkedHashMap<>();
        for (FileSummary f : s.files()) {
            files.put(f.fileName(), f.sha256());
        }
        snap.put("files_sha256", files);
        m.put("snapshot", snap);
        m.put("scoring_run", sr.runId());
        m.put("scoring_configuration", JSON.readValue(sr.config(), new TypeReference<Map<String, Object>>() { }));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("run", mr.runId());
        model.put("chosen", mr.chosen());
        Map<String, Object> metrics = mr.metricsMap();
        Object esc = metrics.get("escalation");
        if (esc instanceof Map<?, ?> e && e.get("models") instanceof Map<?, ?> ms) {
            model.put("test_metrics", ms.get(mr.chosen()));
        }
        model.put("files_sha256", mr.files());
        m.put("model_run", model);
        m.put("columns", columns(r));
        m.put("bands", r.bands() == null || r.bands().isEmpty() ? "all" : new TreeSet<>(r.bands()));
        m.put("min_probability", r.minProbability());
        m.put("excluded", r.exclusions() == null ? 0 : r.exclusions().size());
        m.put("rows", rows);
        m.put("csv_sha256", sha);
        return m;
    }

    static void ensureTables(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS PUBLICATION(publication_id INT PRIMARY KEY, created_at VARCHAR NOT NULL, "
                    + "signer VARCHAR NOT NULL, snapshot_id INT NOT NULL, scores_run INT NOT NULL, model_run INT NOT NULL, "
                    + "row_count BIGINT NOT NULL, csv_sha256 VARCHAR(64) NOT NULL, manifest VARCHAR NOT NULL, request VARCHAR NOT NULL)");
            // who was on each list (person ids only), so that an erasure can mark the lists it touches
            st.execute("CREATE TABLE IF NOT EXISTS PUBLICATION_PERSON(publication_id INT NOT NULL, person_id VARCHAR NOT NULL, "
                    + "PRIMARY KEY(publication_id, person_id))");
            // what the list said of each person: the ledger that later snapshots are checked against
            st.execute("ALTER TABLE PUBLICATION_PERSON ADD COLUMN IF NOT EXISTS band VARCHAR(12)");
            st.execute("ALTER TABLE PUBLICATION_PERSON ADD COLUMN IF NOT EXISTS p_escalate DOUBLE PRECISION");
        }
    }

    public Publication require(int id) {
        Connection c = workspace.connection();
        try {
            ensureTables(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT publication_id, created_at, signer, snapshot_id, scores_run, "
                    + "model_run, row_count, csv_sha256, manifest, request FROM PUBLICATION WHERE publication_id = ?")) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new WorkbenchException("There is no publication " + id + " in this workspace.",
                                "The publish command prints each publication's id.", true);
                    }
                    Publication p = new Publication(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10));
                    c.commit();
                    return p;
                }
            }
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    /** When a person on the publication was erased (the first such erasure), or null. */
    String erasedOn(int id) {
        Connection c = workspace.connection();
        try {
            if (!Workspace.hasTable(c, "PUBLIC", "ERASED_PUBLICATION")) {
                return null;
            }
            try (PreparedStatement q = c.prepareStatement("SELECT MIN(erased_at) FROM ERASED_PUBLICATION WHERE publication_id = ?")) {
                q.setInt(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    String v = rs.getString(1);
                    c.commit();
                    return v;
                }
            }
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    /** The outcome of re-creating a publication. */
    public record Reproduction(Publication publication, String sha256, boolean matches, long rows) {
    }

    private boolean snapshotKept(int snapshotId) {
        try (PreparedStatement ps = workspace.connection().prepareStatement("SELECT COUNT(*) FROM SNAPSHOT WHERE id = ?")) {
            ps.setInt(1, snapshotId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    /** The details of the publication's entry in the audit trail, or null. */
    private Map<String, Object> auditedPublication(int id) {
        try {
            for (org.iomworkbench.core.audit.AuditEntry e : new AuditTrail(workspace.connection()).entries()) {
                if (e.action().equals("publication")) {
                    Map<String, Object> d = JSON.readValue(e.details(), new TypeReference<>() { });
                    if (d.get("publication") instanceof Number n && n.intValue() == id) {
                        return d;
                    }
                }
            }
            return null;
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        } catch (IOException e) {
            throw new IllegalStateException("An audit entry could not be read", e);
        }
    }

    /** Re-creates a publication from the stored runs and request, writes it, and compares its SHA-256. */
    @SuppressWarnings("unchecked")
    public Reproduction reproduce(int id, Path out) {
        Publication p = require(id);
        String erased = erasedOn(id);
        if (erased != null) {
            throw new WorkbenchException("not reproducible: a person on it was erased on " + erased.substring(0, 10) + ".",
                    "The publication stays in the record by its SHA-256 " + p.csvSha256() + "; its data can no longer be re-created.",
                    false);
        }
        if (!snapshotKept(p.snapshotId())) {
            throw new WorkbenchException("not reproducible: its data snapshot " + p.snapshotId()
                    + " was disposed of (the audit trail records when).",
                    "The publication stays in the record by its SHA-256 " + p.csvSha256() + "; its data can no longer be re-created.",
                    false);
        }
        // what was published is what the hash-chained trail says, not the publication's own row, which
        // nothing chains: a stored request or hash changed since does not pass for the publication
        Map<String, Object> audited = auditedPublication(id);
        if (audited == null || !p.csvSha256().equals(audited.get("csv_sha256"))
                || audited.containsKey("request_sha256") && !Hashing.sha256(p.request()).equals(audited.get("request_sha256"))) {
            throw new WorkbenchException("not reproducible: the stored publication " + id + " does not match its entry in "
                    + "the audit trail; it was changed after it was published.",
                    "Check the trail with audit verify; the published list's SHA-256 is in its audit entry.", false);
        }
        Map<String, Object> q;
        try {
            q = JSON.readValue(p.request(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Object min = q.get("min_probability");
        PublicationRequest r = new PublicationRequest(p.scoresRun(), p.modelRun(), (List<String>) q.get("columns"),
                new TreeSet<>((List<String>) q.get("bands")), min == null ? null : ((Number) min).doubleValue(),
                (Map<String, String>) q.get("exclusions"), Boolean.TRUE.equals(q.get("bom")), p.signer(), CONFIRMATION);
        List<Row> rows = rows(r);
        byte[] csv = csv(r, rows);
        String sha = Hashing.hex(Hashing.sha256().digest(csv));
        try {
            Files.write(out, csv);
        } catch (IOException e) {
            throw new WorkbenchException("The list could not be written to " + out + ".", "Choose a folder you can write to.", true);
        }
        return new Reproduction(p, sha, sha.equals(p.csvSha256()), rows.size());
    }
}
