package org.iomworkbench.core.load;

import org.iomworkbench.core.audit.AuditEntry;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.CancelledException;
import org.iomworkbench.core.util.Hashing;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotLifecycleTest {
    static final LocalDate DATE = LocalDate.of(2024, 12, 31);
    @TempDir
    Path tmp;

    @Test
    void reloadingIdenticalFilesCreatesNothing() throws Exception {
        Path dir = new ExtractFolder().writeTo(tmp.resolve("x"));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            ExtractLoader loader = new ExtractLoader(ws);
            LoadResult first = loader.load(dir, DATE, Progress.NONE, Cancellation.none());
            LoadResult again = loader.load(dir, DATE, Progress.NONE, Cancellation.none());
            assertThat(first.created()).isTrue();
            assertThat(again.created()).isFalse();
            assertThat(again.snapshot()).isEqualTo(first.snapshot());
            assertThat(new SnapshotStore(ws).list()).hasSize(1);
            assertThat(new AuditTrail(ws.connection()).entries()).hasSize(1);

            Files.writeString(dir.resolve("markers.csv"), ExtractFolder.MARKERS + "CRIMES,C2,ALCOHOL_DEPENDENCY,2022-01-01,\n");
            LoadResult changed = loader.load(dir, DATE, Progress.NONE, Cancellation.none());
            assertThat(changed.created()).isTrue();
            assertThat(changed.snapshot().id()).isEqualTo(2);
        }
    }

    @Test
    void unknownColumnsAreReportedOnceEachAndUnnamedOnesByTheirPlace() throws Exception {
        Path dir = new ExtractFolder().writeTo(tmp.resolve("x"));
        Path tests = dir.resolve("drug_tests.csv");
        Files.writeString(tests, Files.readString(tests).replace("result\n", "result,officer,Officer,\n"));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Snapshot s = new ExtractLoader(ws).load(dir, DATE, Progress.NONE, Cancellation.none()).snapshot();
            FileSummary f = s.files().stream().filter(x -> x.fileName().equals("drug_tests.csv")).findFirst().orElseThrow();
            assertThat(f.extraColumns()).isEqualTo("officer,(unnamed column 8)");
            assertThat(f.rowsRejected()).isZero();
        }
    }

    @Test
    void theSameFilesTakenOnAnotherDayAreANewSnapshot() throws Exception {
        Path dir = new ExtractFolder().writeTo(tmp.resolve("x"));
        Files.writeString(dir.resolve("markers.csv"), ExtractFolder.MARKERS + "CRIMES,C2,ALCOHOL_DEPENDENCY,2022-01-01,\n");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            ExtractLoader loader = new ExtractLoader(ws);
            LoadResult first = loader.load(dir, DATE, Progress.NONE, Cancellation.none());
            // the marker of 2022-01-01 is dated after this extract date: this load must reject it
            LocalDate earlier = LocalDate.of(2021, 12, 31);
            LoadResult before = loader.load(dir, earlier, Progress.NONE, Cancellation.none());
            assertThat(before.created()).isTrue();
            assertThat(before.snapshot().id()).isEqualTo(2);
            assertThat(before.snapshot().extractDate()).isEqualTo(earlier);
            assertThat(before.snapshot().rowsRejected()).isGreaterThan(first.snapshot().rowsRejected());
            LoadResult beforeAgain = loader.load(dir, earlier, Progress.NONE, Cancellation.none());
            assertThat(beforeAgain.created()).isFalse();
            assertThat(beforeAgain.snapshot().id()).isEqualTo(2);
            assertThat(loader.load(dir, DATE, Progress.NONE, Cancellation.none()).snapshot().id()).isEqualTo(1);
        }
    }

    @Test
    void snapshotRecordsEachFilesChecksumAndCounts() throws Exception {
        Path dir = new ExtractFolder().writeTo(tmp.resolve("x"));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Snapshot s = new ExtractLoader(ws).load(dir, DATE, Progress.NONE, Cancellation.none()).snapshot();
            assertThat(s.files()).extracting(FileSummary::fileName).containsExactly("harm_index.csv", "nominals.csv",
                    "crimes.csv", "custody.csv", "prison.csv", "drug_tests.csv", "markers.csv");
            for (FileSummary f : s.files()) {
                assertThat(f.sha256()).isEqualTo(Hashing.sha256(dir.resolve(f.fileName())));
                assertThat(f.bytes()).isEqualTo(Files.size(dir.resolve(f.fileName())));
                assertThat(f.rowsRead()).isEqualTo(ExtractFolder.BASE_ROWS.get(f.fileName()).longValue());
            }
            assertThat(s.extractDate()).isEqualTo(DATE);
            assertThat(s.sourceFolder()).isEqualTo(dir.toAbsolutePath().normalize().toString());
            AuditEntry e = new AuditTrail(ws.connection()).entries().get(0);
            assertThat(e.action()).isEqualTo("snapshot.created");
            assertThat(e.details()).contains(s.fingerprint()).contains(s.files().get(2).sha256())
                    .doesNotContain("Smith").doesNotContain("Jones").doesNotContain("01/123456A");
        }
    }

    @Test
    void storedValuesAreNormalised() throws Exception {
        Path dir = new ExtractFolder().edit("nominals.csv", s -> s.replace("CRIMES,C2,Jones,Amy,1985-05-06,F",
                "crimes, C2 ,Jones,Amy,1985-05-06,f")).writeTo(tmp.resolve("x"));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Snapshot s = new ExtractLoader(ws).load(dir, DATE, Progress.NONE, Cancellation.none()).snapshot();
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT source, source_person_id, gender, date_of_birth, line FROM "
                         + s.schema() + ".NOMINALS WHERE source_person_id = 'C2'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("CRIMES");
                assertThat(rs.getString(3)).isEqualTo("F");
                assertThat(rs.getObject(4, LocalDate.class)).isEqualTo(LocalDate.of(1985, 5, 6));
                assertThat(rs.getLong(5)).isEqualTo(3);
            }
        }
    }

    @Test
    void everyRowOfALargerFileIsStoredWithItsLine() throws Exception {
        Path dir = BigExtract.write(tmp.resolve("big"), 1_003);
        List<String> lines = Files.readAllLines(dir.resolve("crimes.csv"));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Snapshot s = new ExtractLoader(ws).load(dir, DATE, Progress.NONE, Cancellation.none()).snapshot();
            assertThat(s.rowsRejected()).isZero();
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT line, crime_ref, source_person_id, offence_code, offence_date, "
                         + "recorded_date, alcohol_related FROM " + s.schema() + ".CRIMES ORDER BY row_no")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                    assertThat(rs.getLong(1)).isEqualTo(n + 1);
                    String expected = String.join(",", rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7));
                    assertThat(expected).isEqualTo(lines.get(n));
                }
                assertThat(n).isEqualTo(10_030);
            }
        }
    }

    @Test
    void disposingRemovesTheSnapshotAndItsDataAndIsAudited() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            ExtractLoader loader = new ExtractLoader(ws);
            loader.load(new ExtractFolder().writeTo(tmp.resolve("a")), DATE, Progress.NONE, Cancellation.none());
            Snapshot b = loader.load(new ExtractFolder().remove("markers.csv").writeTo(tmp.resolve("b")), DATE,
                    Progress.NONE, Cancellation.none()).snapshot();
            SnapshotStore store = new SnapshotStore(ws);
            store.dispose(1, "superseded");
            assertThat(store.list()).extracting(Snapshot::id).containsExactly(b.id());
            assertThat(schemas(ws)).contains("SNAP_2").doesNotContain("SNAP_1");
            List<AuditEntry> audit = new AuditTrail(ws.connection()).entries();
            assertThat(audit).extracting(AuditEntry::action)
                    .containsExactly("snapshot.created", "snapshot.created", "snapshot.disposed");
            assertThat(audit.get(2).details()).doesNotContain("superseded");
            assertThat(new AuditTrail(ws.connection()).verify().intact()).isTrue();
            assertThat(store.resolve(null).id()).isEqualTo(2);
            assertThatThrownBy(() -> store.resolve(1)).hasMessageContaining("no snapshot 1");
        }
    }

    @Test
    void aCancelledLoadLeavesNoTrace() throws Exception {
        Path dir = BigExtract.write(tmp.resolve("big"), 50_000);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Cancellation cancel = new Cancellation();
            Progress cancelSoon = (m, done, total) -> {
                if (m.startsWith("crimes.csv")) {
                    cancel.cancel();
                }
            };
            assertThatThrownBy(() -> new ExtractLoader(ws).load(dir, DATE, cancelSoon, cancel))
                    .isInstanceOf(CancelledException.class);
            assertThat(new SnapshotStore(ws).list()).isEmpty();
            assertThat(new AuditTrail(ws.connection()).entries()).isEmpty();
            assertThat(schemas(ws)).noneMatch(n -> n.startsWith("SNAP_"));
        }
    }

    @Test
    void aLoadKilledMidwayLeavesTheWorkspaceAsItWas() throws Exception {
        Path ws = tmp.resolve("ws");
        Snapshot before;
        try (Workspace w = Workspace.open(ws)) {
            before = new ExtractLoader(w).load(new ExtractFolder().writeTo(tmp.resolve("small")), DATE, Progress.NONE,
                    Cancellation.none()).snapshot();
        }
        Path big = BigExtract.write(tmp.resolve("big"), 150_000);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KillableLoad.class.getName(),
                ws.toString(), big.toString()).redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
            String line;
            boolean loading = false;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("progress crimes.csv")) {
                    loading = true;
                    break;
                }
            }
            assertThat(loading).as("the child process reached the crimes file").isTrue();
            p.destroyForcibly();
            p.waitFor();
        }
        try (Workspace w = Workspace.open(ws)) {
            assertThat(new SnapshotStore(w).list()).containsExactly(before);
            assertThat(schemas(w)).filteredOn(n -> n.startsWith("SNAP_")).containsExactly("SNAP_1");
            assertThat(new AuditTrail(w.connection()).verify().intact()).isTrue();
            assertThat(new AuditTrail(w.connection()).entries()).hasSize(1);
            // and the workspace still loads
            assertThat(new ExtractLoader(w).load(new ExtractFolder().remove("custody.csv").writeTo(tmp.resolve("c")),
                    DATE, Progress.NONE, Cancellation.none()).snapshot().id()).isEqualTo(2);
        }
    }

    static List<String> schemas(Workspace ws) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
