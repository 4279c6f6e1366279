package org.iomworkbench.core.load;

import org.iomworkbench.core.audit.AuditEntry;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The extract-format corpus: cases that must refuse the whole load, cases that must keep one
 * row aside with the right file, line, column and value, and cases that must load cleanly. In
 * every case the snapshot loaded before stays exactly as it was.
 */
class LoadCorpusTest {
    static final LocalDate EXTRACT_DATE = LocalDate.of(2024, 12, 31);

    enum Kind { REFUSE, QUARANTINE, CLEAN }

    record Case(String name, Kind kind, Consumer<ExtractFolder> change, Rejection expected,
                Map<String, Integer> rows) {
        @Override
        public String toString() {
            return kind + ": " + name;
        }
    }

    static Case refuse(String name, Consumer<ExtractFolder> change, String file, long line, String column, String reason) {
        return new Case(name, Kind.REFUSE, change, new Rejection(file, line, column, "", reason), Map.of());
    }

    static Case quarantine(String name, Consumer<ExtractFolder> change, String file, long line, String column,
                           String value, String reason) {
        return new Case(name, Kind.QUARANTINE, change, new Rejection(file, line, column, value, reason), Map.of());
    }

    static Case clean(String name, Consumer<ExtractFolder> change, Map<String, Integer> rows) {
        return new Case(name, Kind.CLEAN, change, null, rows);
    }

    static Stream<Case> cases() {
        byte[] latin1 = ExtractFolder.NOMINALS.replace("Jones", "M\u00fcller").getBytes(StandardCharsets.ISO_8859_1);
        byte[] badCrimes = ExtractFolder.CRIMES.replace("CR2,", "CR\u00ff2,").getBytes(StandardCharsets.ISO_8859_1);
        byte[] bom = ExtractFolder.NOMINALS.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(bom, 0, withBom, 3, bom.length);
        String huge = "A".repeat(1 << 20);
        return Stream.of(
                // --- the whole load is refused
                refuse("missing nominals file", f -> f.remove("nominals.csv"), "nominals.csv", 0, "", "required file is missing"),
                refuse("missing crimes file", f -> f.remove("crimes.csv"), "crimes.csv", 0, "", "required file is missing"),
                refuse("missing required column", f -> f.edit("crimes.csv", s -> s.replace(",offence_date,", ",when,")),
                        "crimes.csv", 1, "offence_date", "required column is missing"),
                refuse("missing gender column", f -> f.edit("nominals.csv", s -> s.replace(",gender,", ",sex,")),
                        "nominals.csv", 1, "gender", "required column is missing"),
                refuse("missing column of a present optional file",
                        f -> f.edit("custody.csv", s -> s.replace("arrest_date", "arrested")),
                        "custody.csv", 1, "arrest_date", "required column is missing"),
                refuse("empty required file", f -> f.text("nominals.csv", ""), "nominals.csv", 1, "", "empty"),
                refuse("required file with header only", f -> f.text("crimes.csv", "crime_ref,source_person_id,offence_code,offence_date,alcohol_related\n"),
                        "crimes.csv", 2, "", "no data rows"),
                refuse("required file with header and blank lines only",
                        f -> f.text("crimes.csv", "crime_ref,source_person_id,offence_code,offence_date,alcohol_related\n\n\r\n"),
                        "crimes.csv", 2, "", "no data rows"),
                refuse("not UTF-8 (Latin-1 name)", f -> f.bytes("nominals.csv", latin1), "nominals.csv", 3, "surname", "not UTF-8"),
                refuse("not UTF-8 (stray byte)", f -> f.bytes("crimes.csv", badCrimes), "crimes.csv", 3, "crime_ref", "not UTF-8"),
                refuse("unbalanced quotes", f -> f.edit("nominals.csv", s -> s.replace(",Jones,", ",\"Jones,")),
                        "nominals.csv", 3, "surname", "never closed"),
                refuse("text after a closing quote", f -> f.edit("crimes.csv", s -> s.replace(",N\n", ",\"N\"x\n")),
                        "crimes.csv", 2, "alcohol_related", "closing quote"),
                refuse("duplicate header column", f -> f.edit("markers.csv", s -> s.replace("end_date", "end_date,MARKER")),
                        "markers.csv", 1, "MARKER", "appears twice"),
                // --- one row is kept aside
                quarantine("date in the wrong form", f -> f.edit("crimes.csv", s -> s.replace("2021-03-04", "04/03/2021")),
                        "crimes.csv", 3, "offence_date", "04/03/2021", "yyyy-MM-dd"),
                quarantine("31 February", f -> f.edit("nominals.csv", s -> s.replace("1985-05-06", "1985-02-31")),
                        "nominals.csv", 3, "date_of_birth", "1985-02-31", "not a real calendar day"),
                quarantine("date after the extract date", f -> f.edit("crimes.csv", s -> s.replace("2022-05-06", "2025-01-05")),
                        "crimes.csv", 4, "offence_date", "2025-01-05", "after the extract date"),
                quarantine("unknown gender", f -> f.edit("nominals.csv", s -> s.replace(",F,", ",X,")),
                        "nominals.csv", 3, "gender", "X", "not one of M, F, U"),
                quarantine("unknown substance", f -> f.edit("drug_tests.csv", s -> s.replace("OPIATES", "HEROIN")),
                        "drug_tests.csv", 2, "substance", "HEROIN", "not one of"),
                quarantine("unknown result", f -> f.edit("drug_tests.csv", s -> s.replace("NEGATIVE", "UNCLEAR")),
                        "drug_tests.csv", 3, "result", "UNCLEAR", "not one of"),
                quarantine("unknown alcohol flag", f -> f.edit("crimes.csv", s -> s.replace(",Y\n", ",maybe\n")),
                        "crimes.csv", 3, "alcohol_related", "maybe", "not one of Y, N"),
                quarantine("duplicate person key", f -> f.edit("nominals.csv", s -> s + "crimes,C1,Smith,Johnny,,M,,,\n"),
                        "nominals.csv", 6, "source_person_id", "C1", "first seen on line 2"),
                quarantine("duplicate custody_ref", f -> f.edit("custody.csv", s -> s.replace("CU2,", "CU1,")),
                        "custody.csv", 3, "custody_ref", "CU1", "duplicate key"),
                quarantine("duplicate test_ref", f -> f.edit("drug_tests.csv", s -> s.replace("TR2,", "TR1,")),
                        "drug_tests.csv", 3, "test_ref", "TR1", "duplicate key"),
                quarantine("duplicate harm index code", f -> f.edit("harm_index.csv", s -> s + "shoplifting,Again,THEFT,2\n"),
                        "harm_index.csv", 5, "offence_code", "shoplifting", "duplicate key"),
                quarantine("dangling person reference", f -> f.edit("crimes.csv", s -> s.replace("CR3,C2,", "CR3,C9,")),
                        "crimes.csv", 4, "source_person_id", "C9", "no CRIMES person record"),
                quarantine("person of another system", f -> f.edit("crimes.csv", s -> s.replace("CR3,C2,", "CR3,K1,")),
                        "crimes.csv", 4, "source_person_id", "K1", "no CRIMES person record"),
                quarantine("marker of an unknown person", f -> f.edit("markers.csv", s -> s.replace("CRIMES,C1", "DIP,C1")),
                        "markers.csv", 2, "source_person_id", "C1", "no DIP person record"),
                quarantine("unknown offence code", f -> f.edit("crimes.csv", s -> s.replace("CR1,C1,SHOPLIFTING", "CR1,C1,PARKING")),
                        "crimes.csv", 2, "offence_code", "PARKING", "not in the harm index"),
                quarantine("missing required cell", f -> f.edit("crimes.csv", s -> s.replace("CR2,C1", ",C1")),
                        "crimes.csv", 3, "crime_ref", "", "a required value is missing"),
                quarantine("missing forenames", f -> f.edit("nominals.csv", s -> s.replace("Jones,Amy", "Jones,  ")),
                        "nominals.csv", 3, "forenames", "", "a required value is missing"),
                quarantine("negative harm days", f -> f.edit("harm_index.csv", s -> s + "LITTERING,Littering,OTHER,-5\n"),
                        "harm_index.csv", 5, "harm_days", "-5", "not a number at least 0"),
                quarantine("harm days not a number", f -> f.edit("harm_index.csv", s -> s + "LITTERING,Littering,OTHER,ten\n"),
                        "harm_index.csv", 5, "harm_days", "ten", "not a number at least 0"),
                quarantine("release before entry", f -> f.edit("prison.csv", s -> s.replace("2022-01-01", "2021-01-01")),
                        "prison.csv", 2, "release_date", "2021-01-01", "before the entry_date"),
                quarantine("too many values", f -> f.edit("custody.csv", s -> s.replace("CU2,K1,2021-03-05,", "CU2,K1,2021-03-05,,extra")),
                        "custody.csv", 3, "", "extra", "the row has 5 values but the header has 4 columns"),
                quarantine("physical line after a quoted line break",
                        f -> f.edit("nominals.csv", s -> s.replace("Smith,John,1990", "\"Smith\nSmyth\",John,1990")
                                .replace("K1,Smith,J,1990-01-02,M", "K1,Smith,J,1990-01-02,Q")),
                        "nominals.csv", 5, "gender", "Q", "not one of M, F, U"),
                // --- loads cleanly
                clean("byte-order mark", f -> f.bytes("nominals.csv", withBom), ExtractFolder.BASE_ROWS),
                clean("CRLF line ends", f -> {
                    for (String n : ExtractFolder.BASE_ROWS.keySet()) {
                        f.edit(n, s -> s.replace("\n", "\r\n"));
                    }
                }, ExtractFolder.BASE_ROWS),
                clean("reordered upper-case headers", f -> f.text("crimes.csv", """
                        OFFENCE_DATE,Offence_Code,ALCOHOL_RELATED,Source_Person_Id,CRIME_REF
                        2020-01-01,shoplifting,n,C1,CR1
                        2021-03-04,VIOLENCE_WITH_INJURY,Y,C1,CR2
                        2022-05-06,RESIDENTIAL_BURGLARY,,C2,CR3
                        """), ExtractFolder.BASE_ROWS),
                clean("extra columns", f -> f.edit("drug_tests.csv", s -> s.replace("result\n", "result,officer\n")
                        .replace("POSITIVE\n", "POSITIVE,PC 123\n")), ExtractFolder.BASE_ROWS),
                clean("optional file with only its header", f -> f.text("custody.csv", "custody_ref,source_person_id,arrest_date\n"),
                        with("custody.csv", 0)),
                clean("optional files absent", f -> f.remove("markers.csv").remove("prison.csv"),
                        without("markers.csv", "prison.csv")),
                clean("quoted commas, quotes and line breaks", f -> f.edit("nominals.csv",
                        s -> s.replace(",Jones,Amy,", ",\"Jones, \"\"Amy\"\"\nJnr\",Amy,")), ExtractFolder.BASE_ROWS),
                clean("a 1 MB field", f -> f.edit("nominals.csv", s -> s.replace("B2 2BB", "\"" + huge + "\"")),
                        ExtractFolder.BASE_ROWS),
                clean("case-insensitive values and spaces", f -> f.edit("nominals.csv",
                        s -> s.replace("CRIMES,C2,Jones,Amy,1985-05-06,F", " crimes , C2 ,Jones, Amy ,1985-05-06, f ")),
                        ExtractFolder.BASE_ROWS),
                clean("blank lines", f -> f.edit("crimes.csv", s -> s + "\n\n"), ExtractFolder.BASE_ROWS),
                // the spec ties only a crime's offence code to the harm index; custody's is free text
                clean("custody offence code not in the harm index",
                        f -> f.edit("custody.csv", s -> s.replace("SHOPLIFTING", "FLYTIPPING")), ExtractFolder.BASE_ROWS),
                // "unknown extra columns are ignored": also when one is named twice, or has no name
                clean("an unknown column named twice, and one unnamed", f -> f.edit("drug_tests.csv",
                        s -> s.replace("result\n", "result,officer,Officer,\n").replace("POSITIVE\n", "POSITIVE,PC 1,PC 2,x\n")),
                        ExtractFolder.BASE_ROWS),
                // a date of birth "may be missing or mistyped": one after the extract date keeps its record
                clean("date of birth after the extract date", f -> f.edit("nominals.csv", s -> s.replace("1985-05-06", "2085-05-06")),
                        ExtractFolder.BASE_ROWS),
                clean("default harm index", f -> f.remove("harm_index.csv"), defaultHarm())
        );
    }

    private static Map<String, Integer> with(String file, int rows) {
        Map<String, Integer> m = new java.util.HashMap<>(ExtractFolder.BASE_ROWS);
        m.put(file, rows);
        return m;
    }

    private static Map<String, Integer> without(String... files) {
        Map<String, Integer> m = new java.util.HashMap<>(ExtractFolder.BASE_ROWS);
        for (String f : files) {
            m.remove(f);
        }
        return m;
    }

    private static Map<String, Integer> defaultHarm() {
        Map<String, Integer> m = without("harm_index.csv");
        m.put(ExtractLoader.DEFAULT_HARM_INDEX_NAME, 23);
        return m;
    }

    /** Everything a load must leave alone: the catalogue, the audit trail, the schemas and the data. */
    record State(List<Snapshot> snapshots, List<AuditEntry> audit, List<String> schemas, long baselineCrimes) {
    }

    static State state(Workspace ws) throws Exception {
        List<String> schemas = new ArrayList<>();
        long crimes;
        try (Statement st = ws.connection().createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA ORDER BY 1")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM SNAP_1.CRIMES")) {
                rs.next();
                crimes = rs.getLong(1);
            }
        }
        return new State(new SnapshotStore(ws).list(), new AuditTrail(ws.connection()).entries(), schemas, crimes);
    }

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corpus(Case c) throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            ExtractLoader loader = new ExtractLoader(ws);
            LoadResult base = loader.load(new ExtractFolder().writeTo(tmp.resolve("base")), EXTRACT_DATE,
                    Progress.NONE, Cancellation.none());
            assertThat(base.snapshot().rowsRejected()).isZero();
            State before = state(ws);

            ExtractFolder folder = new ExtractFolder();
            c.change().accept(folder);
            Path dir = folder.writeTo(tmp.resolve("case"));

            switch (c.kind()) {
                case REFUSE -> {
                    assertThatThrownBy(() -> loader.load(dir, EXTRACT_DATE, Progress.NONE, Cancellation.none()))
                            .isInstanceOfSatisfying(LoadRefusedException.class, e -> {
                                Rejection p = e.problem();
                                assertThat(p.file()).isEqualTo(c.expected().file());
                                assertThat(p.line()).isEqualTo(c.expected().line());
                                assertThat(p.column()).isEqualTo(c.expected().column());
                                assertThat(p.reason()).contains(c.expected().reason());
                                assertThat(e.getMessage()).contains(c.expected().file());
                            });
                    assertThat(state(ws)).isEqualTo(before);
                }
                case QUARANTINE -> {
                    LoadResult r = loader.load(dir, EXTRACT_DATE, Progress.NONE, Cancellation.none());
                    assertThat(r.created()).isTrue();
                    Rejection want = c.expected();
                    List<Rejection> all = rejections(ws, r.snapshot());
                    List<Rejection> rejections = all.stream().filter(x -> x.file().equals(want.file())).toList();
                    assertThat(rejections).hasSize(1);
                    Rejection got = rejections.get(0);
                    // rows of other files may only be kept aside because they name the rejected person record
                    assertThat(all.stream().filter(x -> !x.file().equals(want.file())))
                            .allSatisfy(x -> assertThat(x.reason())
                                    .isEqualTo("its " + x.reason().split(" ")[1] + " person record was rejected (nominals.csv line "
                                            + want.line() + ")"));
                    assertThat(got.file()).isEqualTo(want.file());
                    assertThat(got.line()).isEqualTo(want.line());
                    assertThat(got.column()).isEqualTo(want.column());
                    assertThat(got.value()).isEqualTo(want.value());
                    assertThat(got.reason()).contains(want.reason());
                    FileSummary file = r.snapshot().files().stream().filter(f -> f.fileName().equals(want.file()))
                            .findFirst().orElseThrow();
                    assertThat(file.rowsRejected()).isEqualTo(1);
                    assertThat(file.rowsAccepted()).isEqualTo(file.rowsRead() - 1);
                    assertUntouched(ws, before, r.snapshot());
                }
                case CLEAN -> {
                    LoadResult r = loader.load(dir, EXTRACT_DATE, Progress.NONE, Cancellation.none());
                    assertThat(r.created()).isTrue();
                    assertThat(r.firstRejections()).isEmpty();
                    assertThat(r.snapshot().rowsRejected()).isZero();
                    for (FileSummary f : r.snapshot().files()) {
                        assertThat(f.rowsAccepted()).as(f.fileName()).isEqualTo(c.rows().get(f.fileName()).longValue());
                    }
                    assertThat(r.snapshot().files()).hasSize(c.rows().size());
                    assertUntouched(ws, before, r.snapshot());
                }
            }
        }
    }

    /** The earlier snapshot, its data and the audit entries before the load are exactly as they were. */
    private static void assertUntouched(Workspace ws, State before, Snapshot added) throws Exception {
        State after = state(ws);
        assertThat(after.snapshots()).hasSize(before.snapshots().size() + 1);
        assertThat(after.snapshots().subList(0, before.snapshots().size())).isEqualTo(before.snapshots());
        assertThat(after.snapshots().get(before.snapshots().size())).isEqualTo(added);
        assertThat(after.audit().subList(0, before.audit().size())).isEqualTo(before.audit());
        // the load adds one entry (the test's own export of the rejections, audited as exports are, aside)
        assertThat(after.audit().stream().filter(e -> !e.command().equals("export")).toList())
                .hasSize(before.audit().size() + 1);
        assertThat(after.baselineCrimes()).isEqualTo(before.baselineCrimes());
    }

    static List<Rejection> rejections(Workspace ws, Snapshot s) throws Exception {
        Path out = Files.createTempFile("rejections", ".csv");
        new SnapshotStore(ws).exportRejections(s, out);
        List<Rejection> list = new ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(out))) {
            for (var rec : parser) {
                list.add(new Rejection(rec.get("file"), Long.parseLong(rec.get("line")), rec.get("column"),
                        rec.get("value"), rec.get("reason")));
            }
        }
        Files.delete(out);
        return list;
    }
}
