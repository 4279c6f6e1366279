package org.iomworkbench.core.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.util.Elapsed;
import org.iomworkbench.core.util.Hashing;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.RowInserter;
import org.iomworkbench.core.workspace.TableScan;
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
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where linkage results live. In the snapshot's schema: {@code PERSON} (id, chosen attributes,
 * records, review flags), {@code PERSON_RECORD} (each record's person) and {@code LINK_PAIR} (the
 * stored pairs: both record keys, weight, probability, per-field contributions, status and basis).
 * In the catalogue: {@code LINK_RUN} (every run: parameters, model, counts) and
 * {@code REVIEW_DECISION} (see {@link ReviewDecisions}). Tables are created when first needed.
 * Reads here are what a review screen shows.
 */
public final class LinkStore {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LinkStore.class);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAIR_COLUMNS = "source_a, id_a, row_a, source_b, id_b, row_b, weight, probability, "
            + "pattern, w_surname, w_forenames, w_dob, w_gender, w_postcode, w_pnc, rule_no, status, basis, person_a, person_b, "
            + "w_source, w_events";

    /** The position in {@link #PAIR_COLUMNS} of a field's contribution (fields added later come at the end). */
    static int contributionColumn(Field f) {
        return f == Field.SOURCE ? 21 : f == Field.EVENTS ? 22 : 10 + f.ordinal();
    }

    private final Workspace workspace;

    public LinkStore(Workspace workspace) {
        this.workspace = workspace;
    }

    // ------------------------------------------------------------------ tables

    static void ensureCatalogue(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS LINK_RUN(run_id INT PRIMARY KEY, snapshot_id INT NOT NULL, "
                    + "snapshot_fingerprint VARCHAR(64) NOT NULL, started_at VARCHAR NOT NULL, seconds DOUBLE NOT NULL, "
                    + "records BIGINT NOT NULL, persons BIGINT NOT NULL, pairs_compared BIGINT NOT NULL, "
                    + "pairs_linked BIGINT NOT NULL, linked_model BIGINT NOT NULL, linked_pnc BIGINT NOT NULL, "
                    + "linked_analyst BIGINT NOT NULL, pairs_queued BIGINT NOT NULL, pairs_rejected BIGINT NOT NULL, "
                    + "clusters_flagged BIGINT NOT NULL, prior DOUBLE NOT NULL, lower_probability DOUBLE NOT NULL, "
                    + "upper_probability DOUBLE NOT NULL, lower_weight DOUBLE NOT NULL, upper_weight DOUBLE NOT NULL, "
                    + "parameters VARCHAR NOT NULL, model VARCHAR NOT NULL, histogram VARCHAR NOT NULL, "
                    + "blocking VARCHAR NOT NULL, training VARCHAR NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS REVIEW_DECISION(source_a VARCHAR NOT NULL, id_a VARCHAR NOT NULL, "
                    + "source_b VARCHAR NOT NULL, id_b VARCHAR NOT NULL, decision VARCHAR(8) NOT NULL, "
                    + "decided_at VARCHAR NOT NULL, os_user VARCHAR NOT NULL, snapshot_id INT NOT NULL, "
                    + "PRIMARY KEY(source_a, id_a, source_b, id_b))");
            // a committed run whose new result tables have not yet replaced the old ones (see write)
            st.execute("CREATE TABLE IF NOT EXISTS LINK_SWAP(snapshot_id INT PRIMARY KEY, run_id INT NOT NULL)");
        }
        c.commit();
    }

    static void ensureSnapshotTables(Connection c, String schema) throws SQLException {
        ensureCatalogue(c);
        finishOrDropStaged(c, schema);
        createResultTables(c, schema, "", true);
    }

    /** The three result tables with the given name suffix; their secondary indexes only when asked. */
    private static void createResultTables(Connection c, String schema, String suffix, boolean indexes) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + schema + ".PERSON" + suffix + "(person_id VARCHAR(17) PRIMARY KEY, surname VARCHAR, "
                    + "forenames VARCHAR, date_of_birth DATE, gender VARCHAR(1) NOT NULL, ethnicity VARCHAR, "
                    + "records INT NOT NULL, flags VARCHAR NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS " + schema + ".PERSON_RECORD" + suffix + "(source VARCHAR NOT NULL, "
                    + "source_person_id VARCHAR NOT NULL, row_no BIGINT NOT NULL, person_id VARCHAR(17) NOT NULL, "
                    + "PRIMARY KEY(source, source_person_id))");
            st.execute("CREATE TABLE IF NOT EXISTS " + schema + ".LINK_PAIR" + suffix + "(source_a VARCHAR NOT NULL, id_a VARCHAR NOT NULL, "
                    + "row_a BIGINT NOT NULL, source_b VARCHAR NOT NULL, id_b VARCHAR NOT NULL, row_b BIGINT NOT NULL, "
                    + "weight DOUBLE, probability DOUBLE, pattern INT, w_surname DOUBLE, w_forenames DOUBLE, w_dob DOUBLE, "
                    + "w_gender DOUBLE, w_postcode DOUBLE, w_pnc DOUBLE, rule_no INT NOT NULL, status VARCHAR(8) NOT NULL, "
                    + "basis VARCHAR(8) NOT NULL, person_a VARCHAR(17), person_b VARCHAR(17), w_source DOUBLE, w_events DOUBLE, "
                    + "PRIMARY KEY(source_a, id_a, source_b, id_b))");
            st.execute("ALTER TABLE " + schema + ".LINK_PAIR" + suffix + " ADD COLUMN IF NOT EXISTS w_source DOUBLE");
            st.execute("ALTER TABLE " + schema + ".LINK_PAIR" + suffix + " ADD COLUMN IF NOT EXISTS w_events DOUBLE");
            if (indexes) {
                createIndexes(st, schema, suffix);
            }
        }
        c.commit();
    }

    private static final String[][] INDEXES = {
            {"PERSON_RECORD_PERSON", "PERSON_RECORD", "person_id"},
            {"LINK_PAIR_STATUS", "LINK_PAIR", "status, weight"},
            {"LINK_PAIR_B", "LINK_PAIR", "source_b, id_b"}};

    private static void createIndexes(Statement st, String schema, String suffix) throws SQLException {
        for (String[] ix : INDEXES) {
            st.execute("CREATE INDEX IF NOT EXISTS " + schema + "." + ix[0] + suffix + " ON " + schema + "." + ix[1] + suffix
                    + "(" + ix[2] + ")");
        }
    }

    private static final String STAGED = "_NEXT";

    private static boolean swapPending(Connection c, int snapshotId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM LINK_SWAP WHERE snapshot_id = ?")) {
            ps.setInt(1, snapshotId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    /**
     * A run writes its results into staging tables first (committed in pieces, so that no single
     * transaction holds a million rows), then records the run, its audit entry and a swap marker in
     * one transaction, and only then replaces the result tables with the staging tables. If the
     * process stops after that transaction, the marker finishes the swap when the snapshot is next
     * read; if it stops before, the staging tables are dropped and the previous results stand.
     */
    static void finishOrDropStaged(Connection c, String schema) throws SQLException {
        int snapshotId = Integer.parseInt(schema.substring(schema.lastIndexOf('_') + 1));
        boolean marked = swapPending(c, snapshotId);
        try (Statement st = c.createStatement()) {
            if (marked) {
                for (String t : new String[]{"PERSON", "PERSON_RECORD", "LINK_PAIR"}) {
                    if (Workspace.hasTable(c, schema, t + STAGED)) {
                        st.execute("DROP TABLE IF EXISTS " + schema + "." + t);
                        st.execute("ALTER TABLE " + schema + "." + t + STAGED + " RENAME TO " + schema + "." + t);
                    }
                }
                for (String[] ix : INDEXES) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES "
                            + "WHERE INDEX_SCHEMA = ? AND INDEX_NAME = ?")) {
                        ps.setString(1, schema);
                        ps.setString(2, ix[0] + STAGED);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            if (rs.getInt(1) > 0) {
                                st.execute("ALTER INDEX " + schema + "." + ix[0] + STAGED + " RENAME TO " + schema + "." + ix[0]);
                            }
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM LINK_SWAP WHERE snapshot_id = ?")) {
                    ps.setInt(1, snapshotId);
                    ps.executeUpdate();
                }
            } else {
                for (String t : new String[]{"PERSON", "PERSON_RECORD", "LINK_PAIR"}) {
                    st.execute("DROP TABLE IF EXISTS " + schema + "." + t + STAGED);
                }
            }
        }
        c.commit();
    }

    static boolean hasResults(Connection c, String schema) throws SQLException {
        return Workspace.hasTable(c, schema, "PERSON");
    }

    // ------------------------------------------------------------------ writing a run

    /** Replaces the snapshot's results with the run's and records the run, with its audit entry, in one transaction. */
    static LinkRunSummary write(Connection c, Snapshot s, RunOutput o) throws SQLException {
        String schema = s.schema();
        String next = STAGED;
        try {
            long td = System.nanoTime();
            finishOrDropStaged(c, schema);
            createResultTables(c, schema, next, false);
            LinkRecords r = o.records;
            long t0 = System.nanoTime();
            try (RowInserter ins = new RowInserter(c, "INSERT INTO " + schema + ".PERSON" + next + "(person_id, surname, forenames, "
                    + "date_of_birth, gender, ethnicity, records, flags) VALUES (?,?,?,?,?,?,?,?)", 8, true)) {
                // in key order: each insert then lands at the end of the primary key's B-tree
                List<RunOutput.Person> byId = new ArrayList<>(o.persons);
                byId.sort(java.util.Comparator.comparing(RunOutput.Person::personId));
                for (RunOutput.Person p : byId) {
                    PersonTable.Attributes at = p.attributes();
                    ins.add(p.personId(), at.surname(), at.forenames(), at.dateOfBirth(), at.gender(), at.ethnicity(),
                            p.records(), flagsText(p.flags()));
                }
            }
            long t1 = System.nanoTime();
            try (RowInserter ins = new RowInserter(c, "INSERT INTO " + schema + ".PERSON_RECORD" + next + "(source, source_person_id, "
                    + "row_no, person_id) VALUES (?,?,?,?)", 4, true)) {
                for (int i = 0; i < r.n; i++) {
                    ins.add(r.source[i], r.sourceId[i], r.rowNo[i], o.personId[o.root[i]]);
                }
            }
            double[] contrib = new double[Field.COUNT];
            long t2 = System.nanoTime();
            try (RowInserter ins = new RowInserter(c, "INSERT INTO " + schema + ".LINK_PAIR" + next + "(" + PAIR_COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", 22, true)) {
                // in key order (records are in key order, so by record index)
                Integer[] idx = new Integer[o.pairs];
                for (int k = 0; k < o.pairs; k++) {
                    idx[k] = k;
                }
                java.util.Arrays.sort(idx, (p1, p2) -> {
                    int c1 = Integer.compare(Math.min(o.a[p1], o.b[p1]), Math.min(o.a[p2], o.b[p2]));
                    return c1 != 0 ? c1 : Integer.compare(Math.max(o.a[p1], o.b[p1]), Math.max(o.a[p2], o.b[p2]));
                });
                for (int k : idx) {
                    int x = o.a[k];
                    int y = o.b[k];
                    double evidence = o.model.evidence(x, y, o.pattern[k], contrib);
                    // what the run added beyond the model's own evidence (the full name's frequency among
                    // other persons) belongs to the names: shown with the forenames
                    contrib[Field.FORENAMES.ordinal()] += o.weight[k] - o.model.priorWeight() - evidence;
                    ins.add(r.source[x], r.sourceId[x], r.rowNo[x], r.source[y], r.sourceId[y], r.rowNo[y], o.weight[k],
                            MatchModel.probability(o.weight[k]), o.pattern[k], contrib[0], contrib[1], contrib[2], contrib[3],
                            contrib[4], contrib[5], o.rule[k], o.status[k].name(), o.basis[k].name(), o.personId[o.root[x]],
                            o.personId[o.root[y]], contrib[Field.SOURCE.ordinal()],
                            contrib[Field.EVENTS.ordinal()]);
                }
            }
            long t3 = System.nanoTime();
            try (Statement st = c.createStatement()) {
                createIndexes(st, schema, next);
            }
            c.commit();
            long t4 = System.nanoTime();
            LOG.info("Prepared the staging tables in {} s", Elapsed.seconds(t0 - td));
            LOG.info("Wrote {} persons in {} s, {} person records in {} s, {} pairs in {} s, indexes in {} s",
                    o.persons.size(), Elapsed.seconds(t1 - t0), r.n, Elapsed.seconds(t2 - t1),
                    o.pairs, Elapsed.seconds(t3 - t2), Elapsed.seconds(t4 - t3));
            t3 = t4;
            int runId;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(run_id), 0) + 1 FROM LINK_RUN")) {
                rs.next();
                runId = rs.getInt(1);
            }
            long linked = o.linkedByModel + o.linkedByPnc + o.linkedByAnalyst;
            String parameters = json(o.parameters.toJson());
            String model = json(o.model.toJson());
            String histogram = json(o.histogram.toJson());
            String blocking = json(o.blocking);
            String training = json(o.training);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO LINK_RUN(run_id, snapshot_id, snapshot_fingerprint, "
                    + "started_at, seconds, records, persons, pairs_compared, pairs_linked, linked_model, linked_pnc, "
                    + "linked_analyst, pairs_queued, pairs_rejected, clusters_flagged, prior, lower_probability, "
                    + "upper_probability, lower_weight, upper_weight, parameters, model, histogram, blocking, training) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int i = 1;
                ps.setInt(i++, runId);
                ps.setInt(i++, s.id());
                ps.setString(i++, s.fingerprint());
                ps.setString(i++, o.startedAt);
                ps.setDouble(i++, o.seconds);
                ps.setLong(i++, r.n);
                ps.setLong(i++, o.persons.size());
                ps.setLong(i++, o.pairsCompared);
                ps.setLong(i++, linked);
                ps.setLong(i++, o.linkedByModel);
                ps.setLong(i++, o.linkedByPnc);
                ps.setLong(i++, o.linkedByAnalyst);
                ps.setLong(i++, o.queued);
                ps.setLong(i++, o.rejected);
                ps.setLong(i++, o.flagged);
                ps.setDouble(i++, o.model.prior());
                ps.setDouble(i++, o.thresholds.lowerProbability());
                ps.setDouble(i++, o.thresholds.upperProbability());
                ps.setDouble(i++, o.thresholds.lowerWeight());
                ps.setDouble(i++, o.thresholds.upperWeight());
                ps.setString(i++, parameters);
                ps.setString(i++, model);
                ps.setString(i++, histogram);
                ps.setString(i++, blocking);
                ps.setString(i, training);
                ps.executeUpdate();
            }
            new AuditTrail(c).append("link", "link.run", AuditTrail.details(
                    "run", runId, "snapshot", s.id(), "fingerprint", s.fingerprint(),
                    "records", r.n, "persons", o.persons.size(), "pairs_compared", o.pairsCompared,
                    "pairs_linked", linked, "pairs_queued", o.queued, "clusters_flagged", o.flagged,
                    "parameters_sha256", Hashing.sha256(parameters), "model_sha256", Hashing.sha256(model)));
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO LINK_SWAP(snapshot_id, run_id) KEY(snapshot_id) VALUES (?, ?)")) {
                ps.setInt(1, s.id());
                ps.setInt(2, runId);
                ps.executeUpdate();
            }
            c.commit();
            // the run is recorded: the staging tables now replace the results (finished on the next read if
            // the process stops here)
            finishOrDropStaged(c, schema);
            LOG.info("Committed the run and replaced the results in {} s", Elapsed.since(t3));
            return new LinkRunSummary(runId, s.id(), o.startedAt, o.seconds, r.n, o.persons.size(), o.pairsCompared, linked,
                    o.linkedByModel, o.linkedByPnc, o.linkedByAnalyst, o.queued, o.rejected, o.flagged, o.thresholds,
                    o.model, o.histogram, o.blocking, o.training, parameters);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            try {
                finishOrDropStaged(c, schema);
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    static String flagsText(Set<ClusterFlag> flags) {
        return flags.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<ClusterFlag> flags(String text) {
        Set<ClusterFlag> out = EnumSet.noneOf(ClusterFlag.class);
        if (text != null && !text.isBlank()) {
            for (String f : text.split(",")) {
                out.add(ClusterFlag.valueOf(f.strip()));
            }
        }
        return out;
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ reads for review

    /** The snapshot's current link run, or empty when it has not been linked. */
    public Optional<LinkRunSummary> latestRun(Snapshot s) {
        return read(c -> {
            ensureCatalogue(c);
            if (swapPending(c, s.id())) {
                finishOrDropStaged(c, s.schema());
            }
            if (!hasResults(c, s.schema())) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT run_id, started_at, seconds, records, persons, "
                    + "pairs_compared, pairs_linked, linked_model, linked_pnc, linked_analyst, pairs_queued, pairs_rejected, "
                    + "clusters_flagged, lower_probability, upper_probability, lower_weight, upper_weight, parameters, model, "
                    + "histogram, blocking, training FROM LINK_RUN WHERE snapshot_id = ? AND snapshot_fingerprint = ? "
                    + "ORDER BY run_id DESC LIMIT 1")) {
                ps.setInt(1, s.id());
                ps.setString(2, s.fingerprint());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Map<String, Object> model = JSON.readValue(rs.getString(19), new TypeReference<>() { });
                    Map<String, Object> hist = JSON.readValue(rs.getString(20), new TypeReference<>() { });
                    List<BlockingStats> blocking = JSON.readValue(rs.getString(21), new TypeReference<>() { });
                    List<TrainingSession> training = JSON.readValue(rs.getString(22), new TypeReference<>() { });
                    return Optional.of(new LinkRunSummary(rs.getInt(1), s.id(), rs.getString(2), rs.getDouble(3),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                            rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
                            new Thresholds(rs.getDouble(14), rs.getDouble(15), rs.getDouble(16), rs.getDouble(17),
                                    rs.getString(18).contains("\"upperProbability\":null")),
                            MatchModel.fromJson(model), WeightHistogram.fromJson(hist), blocking, training, rs.getString(18)));
                } catch (IOException e) {
                    throw new SQLException("A stored link run could not be read: " + e.getMessage(), e);
                }
            }
        });
    }

    /** The current link run; bad input when the snapshot has not been linked. */
    public LinkRunSummary requireRun(Snapshot s) {
        return latestRun(s).orElseThrow(() -> new WorkbenchException("Snapshot " + s.id() + " has not been linked yet.",
                "Run match and merge first (the link command or the Match view).", true));
    }

    public long countPairs(Snapshot s, PairStatus status) {
        requireRun(s);
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + s.schema() + ".LINK_PAIR WHERE status = ?")) {
                ps.setString(1, status.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Stored pairs with a status, highest weight first: {@code QUEUED} is the review queue. */
    public List<PairView> pairs(Snapshot s, PairStatus status, int offset, int limit) {
        requireRun(s);
        return read(c -> pairViews(c, s, "WHERE status = ? ORDER BY weight DESC NULLS LAST, source_a, id_a, source_b, id_b "
                + "LIMIT " + Math.max(0, limit) + " OFFSET " + Math.max(0, offset), status.name()));
    }

    /** One stored pair (either order of the keys), or empty. */
    public Optional<PairView> pair(Snapshot s, RecordKey x, RecordKey y) {
        requireRun(s);
        RecordKey a = x.compareTo(y) <= 0 ? x : y;
        RecordKey b = a == x ? y : x;
        return read(c -> pairViews(c, s, "WHERE source_a = ? AND id_a = ? AND source_b = ? AND id_b = ?",
                a.source(), a.sourcePersonId(), b.source(), b.sourcePersonId()).stream().findFirst());
    }

    /** The person a record belongs to, or empty. */
    public Optional<String> personOf(Snapshot s, RecordKey k) {
        requireRun(s);
        return read(c -> personOf(c, s.schema(), k));
    }

    static Optional<String> personOf(Connection c, String schema, RecordKey k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT person_id FROM " + schema
                + ".PERSON_RECORD WHERE source = ? AND source_person_id = ?")) {
            ps.setString(1, k.source());
            ps.setString(2, k.sourcePersonId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public Optional<PersonRow> person(Snapshot s, String personId) {
        requireRun(s);
        return read(c -> {
            List<PersonRow> rows = persons(c, s.schema(), "WHERE person_id = ?", personId);
            return rows.stream().findFirst();
        });
    }

    public long countFlagged(Snapshot s) {
        requireRun(s);
        return read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + s.schema() + ".PERSON WHERE flags <> ''")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Persons flagged for review, largest first. */
    public List<PersonRow> flaggedPersons(Snapshot s, int offset, int limit) {
        requireRun(s);
        return read(c -> persons(c, s.schema(), "WHERE flags <> '' ORDER BY records DESC, person_id LIMIT "
                + Math.max(0, limit) + " OFFSET " + Math.max(0, offset)));
    }

    /** A person's records and the stored pairs that touch them. */
    public Optional<ClusterView> cluster(Snapshot s, String personId) {
        requireRun(s);
        return read(c -> {
            List<PersonRow> p = persons(c, s.schema(), "WHERE person_id = ?", personId);
            if (p.isEmpty()) {
                return Optional.empty();
            }
            List<NominalRecord> records = recordsOf(c, s.schema(), List.of(personId)).getOrDefault(personId, List.of());
            List<PairView> pairs = pairsTouching(c, s, records.stream().map(NominalRecord::key).toList());
            pairs.sort(Comparator.comparing(PairView::weight, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(PairView::a).thenComparing(PairView::b));
            return Optional.of(new ClusterView(p.get(0), records, pairs));
        });
    }

    /** Every record's person. */
    public Map<RecordKey, String> personMap(Snapshot s) {
        requireRun(s);
        return read(c -> {
            Map<RecordKey, String> out = new HashMap<>();
            TableScan.scan(c, "source, source_person_id, person_id", s.schema() + ".PERSON_RECORD",
                    rs -> out.put(new RecordKey(rs.getString(1), rs.getString(2)), rs.getString(3)));
            return out;
        });
    }

    /** Writes {@code person_id,source,source_person_id}, one row per record, ordered by person then record. */
    /** Writes the file and records the export (person ids and record keys) in the audit trail by its SHA-256 and row count. */
    public long exportPersons(Snapshot s, Path out) {
        long n = writePersons(s, out);
        java.sql.Connection c = workspace.connection();
        try {
            org.iomworkbench.core.audit.AuditTrail.recordExport(c, "export.persons", s.id(), n, out);
        } catch (java.sql.SQLException e) {
            throw WorkbenchException.database(e);
        } catch (java.io.IOException e) {
            throw new WorkbenchException("Cannot read back " + out + ": " + e.getMessage(), "Check the file.", false, e);
        }
        return n;
    }

    private long writePersons(Snapshot s, Path out) {
        requireRun(s);
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            long n = 0;
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                         .setHeader("person_id", "source", "source_person_id").build());
                 Connection c = workspace.newConnection();
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT person_id, source, source_person_id FROM " + s.schema()
                         + ".PERSON_RECORD ORDER BY person_id, source, source_person_id")) {
                while (rs.next()) {
                    printer.printRecord(rs.getString(1), rs.getString(2), rs.getString(3));
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

    // ------------------------------------------------------------------ helpers

    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(SqlWork<T> work) {
        Connection c = workspace.connection();
        try {
            T t = work.run(c);
            c.commit();
            return t;
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the original failure is what matters
            }
            throw WorkbenchException.database(e);
        }
    }


    static List<PersonRow> persons(Connection c, String schema, String where, Object... args) throws SQLException {
        List<PersonRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT person_id, surname, forenames, date_of_birth, gender, "
                + "ethnicity, records, flags FROM " + schema + ".PERSON " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PersonRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getInt(7),
                            flags(rs.getString(8))));
                }
            }
        }
        return out;
    }

    /** The records of some persons, each list in key order. */
    static Map<String, List<NominalRecord>> recordsOf(Connection c, String schema, Collection<String> personIds)
            throws SQLException {
        Map<String, List<NominalRecord>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.person_id, n.source, n.source_person_id, n.row_no, "
                + "n.surname, n.forenames, n.date_of_birth, n.gender, n.ethnicity, n.postcode, n.pnc_id FROM "
                + schema + ".PERSON_RECORD p JOIN " + schema + ".NOMINALS n ON n.row_no = p.row_no "
                + "WHERE p.person_id = ?")) {
            for (String pid : personIds) {
                ps.setString(1, pid);
                List<NominalRecord> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(nominal(rs, 2));
                    }
                }
                list.sort((x, y) -> x.key().compareTo(y.key()));
                out.put(pid, list);
            }
        }
        return out;
    }

    private static NominalRecord nominal(ResultSet rs, int from) throws SQLException {
        return new NominalRecord(new RecordKey(rs.getString(from), rs.getString(from + 1)), rs.getLong(from + 2),
                rs.getString(from + 3), rs.getString(from + 4), rs.getObject(from + 5, LocalDate.class),
                rs.getString(from + 6), rs.getString(from + 7), rs.getString(from + 8), rs.getString(from + 9));
    }

    static NominalRecord nominalByRow(Connection c, String schema, long rowNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT source, source_person_id, row_no, surname, forenames, "
                + "date_of_birth, gender, ethnicity, postcode, pnc_id FROM " + schema + ".NOMINALS WHERE row_no = ?")) {
            ps.setLong(1, rowNo);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? nominal(rs, 1) : null;
            }
        }
    }

    /**
     * The stored pairs with at least one of these records, each once: found by the pairs' key
     * (record a) and their index on record b. (Not by the pairs' person columns: they are kept up
     * to date but not indexed, which spares a link run two indexes over every pair.)
     */
    static List<PairView> pairsTouching(Connection c, Snapshot s, Collection<RecordKey> records) throws SQLException {
        Map<List<RecordKey>, PairView> out = new LinkedHashMap<>();
        for (RecordKey r : records) {
            for (String side : new String[] {"WHERE source_a = ? AND id_a = ?", "WHERE source_b = ? AND id_b = ?"}) {
                for (PairView v : pairViews(c, s, side, r.source(), r.sourcePersonId())) {
                    out.putIfAbsent(List.of(v.a(), v.b()), v);
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    static List<PairView> pairViews(Connection c, Snapshot s, String where, Object... args) throws SQLException {
        List<PairView> out = new ArrayList<>();
        List<long[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PAIR_COLUMNS + " FROM " + s.schema() + ".LINK_PAIR " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Double weight = (Double) rs.getObject(7);
                    Integer pattern = (Integer) rs.getObject(9);
                    List<PairView.Contribution> contributions = new ArrayList<>();
                    if (pattern != null) {
                        for (Field f : Field.ALL) {
                            int level = f.levelOf(pattern);
                            contributions.add(new PairView.Contribution(f, level, f.levels().get(level),
                                    rs.getDouble(contributionColumn(f))));
                        }
                    }
                    out.add(new PairView(new RecordKey(rs.getString(1), rs.getString(2)),
                            new RecordKey(rs.getString(4), rs.getString(5)), null, null, weight,
                            (Double) rs.getObject(8), List.copyOf(contributions), PairStatus.valueOf(rs.getString(17)),
                            LinkBasis.valueOf(rs.getString(18)), rs.getString(19), rs.getString(20)));
                    rows.add(new long[]{rs.getLong(3), rs.getLong(6)});
                }
            }
        }
        List<PairView> full = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            PairView p = out.get(i);
            full.add(new PairView(p.a(), p.b(), nominalByRow(c, s.schema(), rows.get(i)[0]),
                    nominalByRow(c, s.schema(), rows.get(i)[1]), p.weight(), p.probability(), p.contributions(),
                    p.status(), p.basis(), p.personA(), p.personB()));
        }
        return full;
    }

    static void setNullableDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }
}
