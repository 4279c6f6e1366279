package org.iomworkbench.core.load;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.CancelledException;
import org.iomworkbench.core.util.Hashing;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Streams a folder of extracts into a new data snapshot: every row is checked against the
 * spec's common rules, good rows are inserted in batches into the snapshot's own H2 schema and
 * bad rows go to its rejections. The snapshot becomes visible only when its catalogue row and
 * audit entry commit together; anything that fails before that is dropped, and a load killed
 * midway is removed when the workspace next opens.
 */
public final class ExtractLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractLoader.class);
    private static final int BATCH = 5_000;
    private static final String DEFAULT_HARM_INDEX = "default_harm_index.csv";
    public static final String DEFAULT_HARM_INDEX_NAME = "harm_index.csv (default)";
    private static final int FIRST_REJECTIONS = 20;

    private final Workspace workspace;

    public ExtractLoader(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Loads {@code folder} as a new snapshot.
     *
     * @param extractDate the day the extract was taken; rows dated after it are rejected
     * @throws LoadRefusedException when the folder cannot be loaded at all
     * @throws CancelledException   when cancelled; nothing is left behind
     */
    public LoadResult load(Path folder, LocalDate extractDate, Progress progress, Cancellation cancel) {
        long started = System.nanoTime();
        Map<ExtractFile, Path> files = locateFiles(folder);
        Map<ExtractFile, Header> headers = new EnumMap<>(ExtractFile.class);
        for (Map.Entry<ExtractFile, Path> e : files.entrySet()) {
            headers.put(e.getKey(), readHeader(e.getKey(), e.getValue()));
        }
        Map<ExtractFile, String> checksums = new EnumMap<>(ExtractFile.class);
        long totalBytes = 0;
        try {
            for (Path p : files.values()) {
                totalBytes += Files.size(p);
            }
            for (Map.Entry<ExtractFile, Path> e : files.entrySet()) {
                progress.update("Reading the checksum of " + e.getKey().fileName(), 0, totalBytes);
                checksums.put(e.getKey(), Hashing.sha256(e.getValue()));
                cancel.check();
            }
        } catch (IOException ex) {
            throw new WorkbenchException("Cannot read the extract folder " + folder + ": " + ex.getMessage(),
                    "Check that the files are readable.", true, ex);
        }
        String fingerprint = fingerprint(checksums);
        SnapshotStore store = new SnapshotStore(workspace);
        Snapshot identical = store.findIdentical(fingerprint, extractDate);
        if (identical != null) {
            return new LoadResult(identical, false, seconds(started), List.of());
        }

        Run run = new Run(folder, extractDate, files, headers, checksums, totalBytes, progress, cancel);
        try (Connection c = workspace.newConnection()) {
            c.setAutoCommit(false);
            run.connection = c;
            int id = store.nextId(c);
            run.schema = Workspace.SNAPSHOT_SCHEMA_PREFIX + id;
            try {
                run.createSchema();
                for (ExtractFile f : ExtractFile.values()) {
                    cancel.check();
                    run.loadFile(f);
                }
                run.flushRejections();
                Snapshot snapshot = run.commit(id, fingerprint);
                LOG.info("Loaded snapshot {} from {}: {} rows read, {} rejected", id, folder,
                        snapshot.rowsRead(), snapshot.rowsRejected());
                return new LoadResult(snapshot, true, seconds(started), List.copyOf(run.firstRejections));
            } catch (RuntimeException | SQLException | IOException ex) {
                rollbackQuietly(c, run.schema);
                if (ex instanceof RuntimeException re) {
                    throw re;
                }
                throw new WorkbenchException("The load failed and was undone: " + ex.getMessage(),
                        "Nothing was changed. See the log for details.", false, ex);
            }
        } catch (SQLException ex) {
            throw new WorkbenchException("The workspace database could not be used for the load: " + ex.getMessage(),
                    "Nothing was changed. See the log for details.", false, ex);
        }
    }

    private static void rollbackQuietly(Connection c, String schema) {
        try {
            c.rollback();
            if (schema != null) {
                try (Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
                c.commit();
            }
        } catch (SQLException e) {
            LOG.warn("Could not remove {} after a failed load; it is removed when the workspace next opens", schema, e);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static String fingerprint(Map<ExtractFile, String> checksums) {
        Map<String, String> byName = new TreeMap<>();
        checksums.forEach((f, sha) -> byName.put(f.fileName(), sha));
        StringBuilder sb = new StringBuilder();
        byName.forEach((name, sha) -> sb.append(name).append(':').append(sha).append('\n'));
        return Hashing.sha256(sb.toString());
    }

    private static Map<ExtractFile, Path> locateFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new LoadRefusedException(new Rejection(folder.toString(), 0, "", "", "is not a folder"),
                    "Choose the folder that holds the extract CSV files.");
        }
        Map<ExtractFile, Path> found = new EnumMap<>(ExtractFile.class);
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                ExtractFile f = ExtractFile.byFileName(p.getFileName().toString());
                if (f != null && Files.isRegularFile(p)) {
                    found.put(f, p);
                }
            }
        } catch (IOException e) {
            throw new WorkbenchException("Cannot list the extract folder " + folder + ": " + e.getMessage(),
                    "Check that the folder is readable.", true, e);
        }
        for (ExtractFile f : ExtractFile.values()) {
            if (f.required() && f != ExtractFile.HARM_INDEX && !found.containsKey(f)) {
                throw new LoadRefusedException(new Rejection(f.fileName(), 0, "", "",
                        "required file is missing from the folder " + folder),
                        "Add " + f.fileName() + " to the extract folder (see the extract format).");
            }
        }
        return found;
    }

    /** Where each spec column sits in a file, and the unknown columns it also has. */
    record Header(int[] index, String[] written, List<String> extra, int width) {
    }

    static CSVFormat csvFormat() {
        return CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build();
    }

    /** Whether a row follows: blank lines are skipped when loading (as below), so they are no rows. */
    private static boolean hasRow(Iterator<CSVRecord> it) {
        while (it.hasNext()) {
            CSVRecord r = it.next();
            if (!(r.size() == 1 && r.get(0).isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private static Header readHeader(ExtractFile f, Path path) {
        try (Reader reader = openReader(Files.newInputStream(path));
             CSVParser parser = csvFormat().parse(reader)) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw new LoadRefusedException(new Rejection(f.fileName(), 1, "", "", "the file is empty (no header row)"),
                        "Export the file again with its header row.");
            }
            CSVRecord header = it.next();
            List<ColumnSpec> cols = f.columns();
            Set<String> specNames = new HashSet<>();
            cols.forEach(c -> specNames.add(c.name()));
            Map<String, Integer> byName = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).trim();
                String key = name.toLowerCase(Locale.ROOT);
                // a column of the spec named twice is ambiguous; an unknown one is only ignored
                if (!key.isEmpty() && byName.putIfAbsent(key, i) != null && specNames.contains(key)) {
                    throw new LoadRefusedException(new Rejection(f.fileName(), 1, name, name,
                            "the column appears twice in the header"), "Remove the duplicate column.");
                }
            }
            int[] index = new int[cols.size()];
            String[] written = new String[cols.size()];
            Set<Integer> known = new HashSet<>();
            for (int k = 0; k < cols.size(); k++) {
                Integer i = byName.get(cols.get(k).name());
                if (i == null) {
                    if (!cols.get(k).optional()) {
                        throw new LoadRefusedException(new Rejection(f.fileName(), 1, cols.get(k).name(), "",
                                "required column is missing from the header"),
                                "Add the column " + cols.get(k).name() + " to " + f.fileName() + ".");
                    }
                    index[k] = -1;
                    written[k] = cols.get(k).name();
                } else {
                    index[k] = i;
                    written[k] = header.get(i).trim();
                    known.add(i);
                }
            }
            // each unknown column reported once (as first written), an unnamed one by its place
            List<String> extra = new ArrayList<>();
            Set<String> reported = new HashSet<>();
            for (int i = 0; i < header.size(); i++) {
                if (!known.contains(i)) {
                    String name = header.get(i).trim();
                    String shown = name.isEmpty() ? "(unnamed column " + (i + 1) + ")" : name;
                    if (reported.add(name.isEmpty() ? shown : name.toLowerCase(Locale.ROOT))) {
                        extra.add(shown);
                    }
                }
            }
            if (f.required() && !hasRow(it)) {
                throw new LoadRefusedException(new Rejection(f.fileName(), 2, "", "",
                        "the file has a header but no data rows"),
                        "A required file must hold data; export it again.");
            }
            return new Header(index, written, extra, header.size());
        } catch (IOException | UncheckedIOException e) {
            throw refusedAt(f, path, null, e);
        }
    }

    /** Builds the refusal for a file that is not readable CSV, locating the exact spot. */
    private static LoadRefusedException refusedAt(ExtractFile f, Path path, Header header, Exception cause) {
        try {
            CsvDiagnosis.Finding finding = CsvDiagnosis.locate(path);
            if (finding != null) {
                String column = header != null && finding.field() < header.width()
                        ? columnName(header, finding.field(), path) : columnName(null, finding.field(), path);
                return new LoadRefusedException(new Rejection(f.fileName(), finding.line(), column,
                        finding.value(), finding.reason()), "Fix the file at that place and load the folder again.");
            }
        } catch (IOException e) {
            LOG.warn("Could not diagnose {}", path, e);
        }
        LOG.warn("Unreadable CSV {}", path, cause);
        return new LoadRefusedException(new Rejection(f.fileName(), 0, "", "",
                "the file cannot be read as CSV: " + cause.getMessage()),
                "Check that it is UTF-8 CSV with balanced quotes.");
    }

    private static String columnName(Header header, int field, Path path) {
        try (Reader reader = new InputStreamReader(skipBom(Files.newInputStream(path)),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE));
             BufferedReader br = new BufferedReader(reader)) {
            String first = br.readLine();
            if (first != null) {
                String[] names = first.split(",", -1);
                if (field < names.length) {
                    return names[field].trim().replace("\"", "");
                }
            }
        } catch (IOException e) {
            LOG.debug("no header for column name", e);
        }
        return "#" + (field + 1);
    }

    private static InputStream skipBom(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 3);
        byte[] bom = new byte[3];
        int n = in.readNBytes(bom, 0, 3);
        if (!(n == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            if (n > 0) {
                in.unread(bom, 0, n);
            }
        }
        return in;
    }

    private static Reader openReader(InputStream raw) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(skipBom(raw), decoder), 1 << 16);
    }

    /** Counts bytes as the parser pulls them, for the progress bar. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** The state of one load. */
    private final class Run {
        final Path folder;
        final LocalDate extractDate;
        final Map<ExtractFile, Path> files;
        final Map<ExtractFile, Header> headers;
        final Map<ExtractFile, String> checksums;
        final long totalBytes;
        final Progress progress;
        final Cancellation cancel;
        Connection connection;
        String schema;

        long bytesDone;
        long rowsDone;
        final long startedNanos = System.nanoTime();
        final Set<String> harmCodes = new HashSet<>();
        /** Accepted nominals: system -> source_person_id -> line. */
        final Map<String, Map<String, Integer>> nominals = new HashMap<>();
        /** Rejected nominals: system -> source_person_id -> line, to explain dangling references. */
        final Map<String, Map<String, Integer>> rejectedNominals = new HashMap<>();
        final Map<ExtractFile, FileSummary> summaries = new LinkedHashMap<>();
        final List<Rejection> firstRejections = new ArrayList<>();
        PreparedStatement rejectionInsert;
        int pendingRejections;
        long rejectionRows;

        Run(Path folder, LocalDate extractDate, Map<ExtractFile, Path> files, Map<ExtractFile, Header> headers,
            Map<ExtractFile, String> checksums, long totalBytes, Progress progress, Cancellation cancel) {
            this.folder = folder;
            this.extractDate = extractDate;
            this.files = files;
            this.headers = headers;
            this.checksums = checksums;
            this.totalBytes = totalBytes;
            this.progress = progress;
            this.cancel = cancel;
        }

        void createSchema() throws SQLException {
            try (Statement st = connection.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                st.execute("CREATE SCHEMA " + schema);
                for (ExtractFile f : ExtractFile.values()) {
                    StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(schema).append('.').append(f.table())
                            .append("(row_no BIGINT PRIMARY KEY, line BIGINT NOT NULL");
                    for (ColumnSpec col : f.columns()) {
                        ddl.append(", ").append(col.name()).append(' ').append(col.type().sqlType);
                    }
                    st.execute(ddl.append(')').toString());
                }
                st.execute("CREATE TABLE " + schema + ".REJECTIONS(row_no BIGINT PRIMARY KEY, file VARCHAR NOT NULL, " +
                        "line BIGINT NOT NULL, column_name VARCHAR NOT NULL, cell_value VARCHAR NOT NULL, reason VARCHAR NOT NULL)");
            }
            connection.commit();
            rejectionInsert = connection.prepareStatement("INSERT INTO " + schema + ".REJECTIONS VALUES (?,?,?,?,?,?)");
        }

        void loadFile(ExtractFile f) throws IOException, SQLException {
            Path path = files.get(f);
            if (path == null) {
                if (f == ExtractFile.HARM_INDEX) {
                    loadDefaultHarmIndex();
                }
                return;
            }
            Header header = headers.get(f);
            try (InputStream raw = Files.newInputStream(path)) {
                CountingInputStream counting = new CountingInputStream(raw);
                long before = bytesDone;
                FileSummary s = stream(f, f.fileName(), counting, header, checksums.get(f), Files.size(path),
                        () -> bytesDone = before + counting.count);
                summaries.put(f, s);
            } catch (CharacterCodingException | UncheckedIOException e) {
                throw refusedAt(f, path, header, e);
            } catch (IOException e) {
                if (e.getMessage() != null && (e.getMessage().contains("encapsulated") || e.getMessage().contains("EOF"))) {
                    throw refusedAt(f, path, header, e);
                }
                throw e;
            }
        }

        private void loadDefaultHarmIndex() throws IOException, SQLException {
            byte[] bytes;
            try (InputStream in = ExtractLoader.class.getResourceAsStream(DEFAULT_HARM_INDEX)) {
                if (in == null) {
                    throw new IllegalStateException("the default harm index is missing from the workbench");
                }
                bytes = in.readAllBytes();
            }
            MessageDigest md = Hashing.sha256();
            String sha = Hashing.hex(md.digest(bytes));
            Header header;
            try (Reader r = openReader(new java.io.ByteArrayInputStream(bytes));
                 CSVParser p = csvFormat().parse(r)) {
                CSVRecord h = p.iterator().next();
                List<ColumnSpec> cols = ExtractFile.HARM_INDEX.columns();
                int[] index = new int[cols.size()];
                String[] written = new String[cols.size()];
                for (int k = 0; k < cols.size(); k++) {
                    index[k] = h.toList().indexOf(cols.get(k).name());
                    written[k] = cols.get(k).name();
                }
                header = new Header(index, written, List.of(), h.size());
            }
            FileSummary s = stream(ExtractFile.HARM_INDEX, DEFAULT_HARM_INDEX_NAME,
                    new java.io.ByteArrayInputStream(bytes), header, sha, bytes.length, () -> { });
            summaries.put(ExtractFile.HARM_INDEX, new FileSummary(s.fileName(), s.sha256(), s.bytes(), s.rowsRead(),
                    s.rowsAccepted(), s.rowsRejected(), ""));
        }

        private FileSummary stream(ExtractFile f, String displayName, InputStream raw, Header header, String sha,
                                   long bytes, Runnable countBytes) throws IOException, SQLException {
            List<ColumnSpec> cols = f.columns();
            int n = cols.size();
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(schema).append('.').append(f.table())
                    .append(" VALUES (?,?");
            sql.append(",?".repeat(n)).append(')');
            long read = 0;
            long accepted = 0;
            long rejected = 0;
            Set<String> uniqueSeen = new HashSet<>();
            Object[] values = new Object[n];
            String[] cells = new String[n];
            List<Rejection> problems = new ArrayList<>(4);
            try (Reader reader = openReader(raw);
                 CSVParser parser = csvFormat().parse(reader);
                 BatchWriter writer = new BatchWriter(connection, sql.toString(), BATCH)) {
                Iterator<CSVRecord> it = parser.iterator();
                it.next(); // header, already checked
                while (true) {
                    long line = parser.getCurrentLineNumber() + 1;
                    if (!it.hasNext()) {
                        break;
                    }
                    CSVRecord rec = it.next();
                    if (rec.size() == 1 && rec.get(0).isEmpty()) {
                        continue; // a blank line
                    }
                    read++;
                    problems.clear();
                    checkRow(f, displayName, header, rec, line, cells, values, problems);
                    if (problems.isEmpty() && !f.uniqueKey().isEmpty()) {
                        String key = uniqueKey(f, values);
                        if (f == ExtractFile.NOMINALS) {
                            Integer first = nominals.computeIfAbsent((String) values[0], k -> new HashMap<>())
                                    .putIfAbsent((String) values[1], (int) line);
                            if (first != null) {
                                problems.add(new Rejection(displayName, line, header.written()[1], cells[1],
                                        "duplicate key (source, source_person_id): first seen on line " + first));
                            }
                        } else if (!uniqueSeen.add(key)) {
                            int k = f.columnIndex(f.uniqueKey().get(0));
                            problems.add(new Rejection(displayName, line, header.written()[k], cells[k],
                                    "duplicate key " + f.uniqueKey().get(0) + ": it appears on an earlier line"));
                        }
                    }
                    if (problems.isEmpty()) {
                        if (f == ExtractFile.HARM_INDEX) {
                            harmCodes.add((String) values[0]);
                        }
                        Object[] row = new Object[n + 2];
                        row[0] = ++accepted;
                        row[1] = line;
                        System.arraycopy(values, 0, row, 2, n);
                        writer.add(row);
                    } else {
                        rejected++;
                        if (f == ExtractFile.NOMINALS && values[0] != null && values[1] != null) {
                            rejectedNominals.computeIfAbsent((String) values[0], k -> new HashMap<>())
                                    .putIfAbsent((String) values[1], (int) line);
                        }
                        for (Rejection r : problems) {
                            reject(r);
                        }
                    }
                    if ((read & 0x3FFF) == 0) {
                        cancel.check();
                        countBytes.run();
                        report(displayName, read);
                    }
                }
                writer.finish();
                LOG.info("{}: writer busy {} ms", displayName, writer.busyNanos / 1_000_000);
            }
            rowsDone += read;
            countBytes.run();
            report(displayName, read);
            String extra = String.join(",", header.extra());
            if (!extra.isEmpty()) {
                LOG.info("{}: unknown columns ignored: {}", displayName, extra);
            }
            return new FileSummary(displayName, sha, bytes, read, accepted, rejected, extra);
        }

        private void report(String file, long fileRows) {
            long rows = rowsDone + fileRows;
            double secs = (System.nanoTime() - startedNanos) / 1e9;
            long rate = secs > 0 ? Math.round(rows / secs) : 0;
            progress.update(String.format(Locale.ROOT, "%s: %,d rows (%,d rows/s overall)", file, fileRows, rate),
                    bytesDone, totalBytes);
        }

        private String uniqueKey(ExtractFile f, Object[] values) {
            if (f.uniqueKey().size() == 1) {
                return (String) values[f.columnIndex(f.uniqueKey().get(0))];
            }
            StringBuilder sb = new StringBuilder();
            for (String k : f.uniqueKey()) {
                sb.append(values[f.columnIndex(k)]).append('\u0000');
            }
            return sb.toString();
        }

        private void checkRow(ExtractFile f, String file, Header header, CSVRecord rec, long line, String[] cells,
                              Object[] values, List<Rejection> problems) {
            List<ColumnSpec> cols = f.columns();
            int[] index = header.index();
            if (rec.size() > header.width()) {
                problems.add(new Rejection(file, line, "", rec.get(header.width()),
                        "the row has " + rec.size() + " values but the header has " + header.width() + " columns"));
            }
            for (int k = 0; k < cols.size(); k++) {
                ColumnSpec col = cols.get(k);
                int i = index[k];
                String cell = i >= 0 && i < rec.size() ? rec.get(i).strip() : "";
                cells[k] = cell;
                values[k] = null;
                if (cell.isEmpty()) {
                    if (!col.allowsMissing()) {
                        problems.add(new Rejection(file, line, header.written()[k], "", "a required value is missing"));
                    }
                    continue;
                }
                switch (col.type()) {
                    case TEXT -> values[k] = cell;
                    case UPPER -> values[k] = cell.toUpperCase(Locale.ROOT);
                    case ENUM -> {
                        String up = cell.toUpperCase(Locale.ROOT);
                        if (col.values().contains(up)) {
                            values[k] = up;
                        } else {
                            problems.add(new Rejection(file, line, header.written()[k], cell,
                                    "not one of " + String.join(", ", col.values())));
                        }
                    }
                    case DATE -> {
                        String why = dateProblem(cell);
                        if (why != null) {
                            problems.add(new Rejection(file, line, header.written()[k], cell, why));
                        } else {
                            LocalDate d = LocalDate.of(Integer.parseInt(cell, 0, 4, 10),
                                    Integer.parseInt(cell, 5, 7, 10), Integer.parseInt(cell, 8, 10, 10));
                            // a date of birth "may be missing or mistyped" (the spec): one after the extract
                            // date keeps its person record, whose events would all be lost with it
                            if (d.isAfter(extractDate) && !col.name().equals("date_of_birth")) {
                                problems.add(new Rejection(file, line, header.written()[k], cell,
                                        "the date is after the extract date " + extractDate));
                            } else {
                                values[k] = d;
                            }
                        }
                    }
                    case NON_NEGATIVE_NUMBER -> {
                        Double v = nonNegative(cell);
                        if (v == null) {
                            problems.add(new Rejection(file, line, header.written()[k], cell, "not a number at least 0"));
                        } else {
                            values[k] = v;
                        }
                    }
                }
            }
            checkReferences(f, file, header, line, cells, values, problems);
        }

        private void checkReferences(ExtractFile f, String file, Header header, long line, String[] cells,
                                     Object[] values, List<Rejection> problems) {
            String system = f.nominalSystem();
            if (system != null) {
                if (system.isEmpty()) {
                    system = (String) values[f.columnIndex("source")];
                }
                int k = f.columnIndex("source_person_id");
                String id = (String) values[k];
                if (system != null && id != null) {
                    Map<String, Integer> accepted = nominals.get(system);
                    if (accepted == null || !accepted.containsKey(id)) {
                        Map<String, Integer> rejectedHere = rejectedNominals.get(system);
                        Integer rejectedLine = rejectedHere == null ? null : rejectedHere.get(id);
                        problems.add(new Rejection(file, line, header.written()[k], id, rejectedLine != null
                                ? "its " + system + " person record was rejected (nominals.csv line " + rejectedLine + ")"
                                : "no " + system + " person record in nominals.csv has this source_person_id"));
                    }
                }
            }
            // only a crime's code must be in the harm index (the spec); custody's is free text
            if (f == ExtractFile.CRIMES) {
                int k = f.columnIndex("offence_code");
                if (values[k] != null && !harmCodes.contains((String) values[k])) {
                    problems.add(new Rejection(file, line, header.written()[k], cells[k],
                            "the offence code is not in the harm index"));
                }
            }
            if (f == ExtractFile.PRISON) {
                endNotBefore(f, file, header, line, cells, values, problems, "entry_date", "release_date");
            } else if (f == ExtractFile.MARKERS) {
                endNotBefore(f, file, header, line, cells, values, problems, "start_date", "end_date");
            }
        }

        private void endNotBefore(ExtractFile f, String file, Header header, long line, String[] cells, Object[] values,
                                  List<Rejection> problems, String startCol, String endCol) {
            LocalDate start = (LocalDate) values[f.columnIndex(startCol)];
            int e = f.columnIndex(endCol);
            LocalDate end = (LocalDate) values[e];
            if (start != null && end != null && end.isBefore(start)) {
                problems.add(new Rejection(file, line, header.written()[e], cells[e],
                        "the " + endCol + " is before the " + startCol + " " + start));
            }
        }

        private void reject(Rejection r) throws SQLException {
            if (firstRejections.size() < FIRST_REJECTIONS) {
                firstRejections.add(r);
            }
            rejectionInsert.setLong(1, ++rejectionRows);
            rejectionInsert.setString(2, r.file());
            rejectionInsert.setLong(3, r.line());
            rejectionInsert.setString(4, r.column());
            rejectionInsert.setString(5, r.value());
            rejectionInsert.setString(6, r.reason());
            rejectionInsert.addBatch();
            if (++pendingRejections == BATCH) {
                flushRejections();
            }
        }

        void flushRejections() throws SQLException {
            if (pendingRejections > 0) {
                rejectionInsert.executeBatch();
                pendingRejections = 0;
            }
            connection.commit();
        }

        Snapshot commit(int id, String fingerprint) throws SQLException {
            cancel.check();
            long read = 0;
            long acc = 0;
            long rej = 0;
            List<FileSummary> list = new ArrayList<>(summaries.values());
            for (FileSummary s : list) {
                read += s.rowsRead();
                acc += s.rowsAccepted();
                rej += s.rowsRejected();
            }
            String harm = files.containsKey(ExtractFile.HARM_INDEX) ? "folder" : "default";
            Snapshot snap = new Snapshot(id, Instant.now().toString(), folder.toAbsolutePath().normalize().toString(),
                    extractDate, schema, fingerprint, harm, read, acc, rej, list);
            SnapshotStore.insert(connection, snap);
            List<Map<String, Object>> fileDetails = new ArrayList<>();
            for (FileSummary s : list) {
                fileDetails.add(AuditTrail.details("file", s.fileName(), "sha256", s.sha256(), "rows_read", s.rowsRead(),
                        "rows_accepted", s.rowsAccepted(), "rows_rejected", s.rowsRejected()));
            }
            new AuditTrail(connection).append("load", "snapshot.created", AuditTrail.details(
                    "snapshot", id, "fingerprint", fingerprint, "extract_date", extractDate.toString(),
                    "harm_index", harm, "files", fileDetails));
            connection.commit();
            return snap;
        }
    }

    /** Null when {@code s} is a real yyyy-MM-dd day, else why not. */
    static String dateProblem(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return "not a date in the form yyyy-MM-dd";
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
                return "not a date in the form yyyy-MM-dd";
            }
        }
        int y = Integer.parseInt(s, 0, 4, 10);
        int m = Integer.parseInt(s, 5, 7, 10);
        int d = Integer.parseInt(s, 8, 10, 10);
        if (m < 1 || m > 12 || d < 1 || d > YearMonth.of(y, m).lengthOfMonth()) {
            return "not a real calendar day";
        }
        return null;
    }

    private static Double nonNegative(String s) {
        try {
            BigDecimal v = new BigDecimal(s);
            double d = v.doubleValue();
            return v.signum() >= 0 && Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
