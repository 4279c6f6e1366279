package org.iomworkbench.ui.data;

import org.iomworkbench.Fixtures;
import org.iomworkbench.core.audit.AuditEntry;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.load.FileSummary;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.RecordingErrors;
import org.iomworkbench.ui.common.SameThreadTaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The Data step against a real workspace, with every background task run on the test's thread. */
class DataViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final RecordingErrors errors = new RecordingErrors();
    private final WorkspaceSession session = new WorkspaceSession();
    private Workspace ws;
    private DataViewModel vm;
    private long revisions;

    @BeforeEach
    void open() {
        vm = new DataViewModel(session, SameThreadTaskRunner.immediate(errors), CLOCK);
        session.revision().addListener((o, a, b) -> revisions++);
        ws = Workspace.open(dir.resolve("ws"));
        session.open(ws);
    }

    @AfterEach
    void close() {
        ws.close();
        // disposal and erasure compact the database and open it again
        if (session.workspace() != null && session.workspace() != ws) {
            session.workspace().close();
        }
    }

    /** The hand-made extract: 417 rows (84 nominals, 189 crimes), 2 crime rows rejected on purpose. */
    private Path handmadeFolder() {
        return Fixtures.handmadeExtract(dir.resolve("extract"));
    }

    private void loadHandmade() {
        vm.load().folderProperty().set(handmadeFolder().toString());
        vm.load().load();
        assertThat(errors.reports).isEmpty();
    }

    @Test
    void anEmptyWorkspaceOffersTheSampleData() {
        assertThat(vm.snapshots()).isEmpty();
        assertThat(vm.emptyProperty().get()).isTrue();
        assertThat(vm.selectedProperty().get()).isNull();
    }

    @Test
    void loadingAFolderShowsItsSnapshotAndFileCounts() throws Exception {
        assertThat(vm.load().canLoadProperty().get()).isFalse();
        vm.load().folderProperty().set(handmadeFolder().toString());
        assertThat(vm.load().canLoadProperty().get()).isTrue();
        assertThat(vm.load().extractDateProperty().get()).isEqualTo(LocalDate.of(2025, 6, 30));
        vm.load().extractDateProperty().set(LocalDate.of(2025, 1, 31));

        vm.load().load();

        assertThat(errors.reports).isEmpty();
        assertThat(vm.snapshots()).hasSize(1);
        Snapshot s = vm.selectedProperty().get();
        assertThat(s.rowsRead()).isEqualTo(417);
        assertThat(s.rowsAccepted()).isEqualTo(415);
        assertThat(s.rowsRejected()).isEqualTo(2);
        assertThat(s.extractDate()).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(vm.emptyProperty().get()).isFalse();
        assertThat(vm.files()).extracting(FileSummary::fileName).contains("nominals.csv", "crimes.csv");
        FileSummary nominals = vm.files().stream().filter(f -> f.fileName().equals("nominals.csv")).findFirst().orElseThrow();
        assertThat(nominals.rowsRead()).isEqualTo(84);
        assertThat(nominals.sha256()).hasSize(64);
        assertThat(vm.noticeProperty().get()).startsWith("Snapshot 1 loaded: 417 rows read, 415 accepted, 2 rejected");
        assertThat(vm.load().runningProperty().get()).isFalse();
        assertThat(revisions).isEqualTo(1);
        assertThat(vm.summary(x -> Long.toString(x.rowsRead())).get()).isEqualTo("417");
    }

    @Test
    void theTablesAndRejectionsOfTheSelectedSnapshotCanBeBrowsed() throws Exception {
        loadHandmade();

        BrowserViewModel tables = vm.tables();
        assertThat(tables.tableProperty().get()).isEqualTo("NOMINALS");
        assertThat(tables.totalProperty().get()).isEqualTo(84);
        assertThat(tables.statusProperty().get()).isEqualTo("84 rows");
        assertThat(tables.columns()).startsWith("line", "source", "source_person_id");
        PagedRowList rows = tables.rowsProperty().get();
        assertThat(rows).hasSize(84);
        Row first = rows.get(0);
        assertThat(first.isLoaded()).isTrue();
        assertThat(first.value(0)).isEqualTo("2");
        assertThat(first.value(1)).isEqualTo("CRIMES");
        assertThat(first.value(2)).isEqualTo("CR00001");

        BrowserViewModel rejections = vm.rejections();
        assertThat(rejections.totalProperty().get()).isEqualTo(2);
        assertThat(rejections.columns()).startsWith("file", "line").contains("reason");
        assertThat(rejections.columns().stream().map(BrowserViewModel::heading))
                .containsExactly("file", "line", "column", "value", "reason");
        assertThat(rejections.rowsProperty().get().get(0).value(0)).isEqualTo("crimes.csv");
        assertThat(vm.canExportProperty().get()).isTrue();
    }

    @Test
    void aFilterRecountsAndShowsOnlyMatchingRows() throws Exception {
        loadHandmade();
        BrowserViewModel tables = vm.tables();

        tables.filterProperty().set("cr00002");

        assertThat(tables.matchingProperty().get()).isEqualTo(1);
        assertThat(tables.statusProperty().get()).isEqualTo("1 of 84 rows match “cr00002”");
        assertThat(tables.rowsProperty().get()).hasSize(1);
        assertThat(tables.rowsProperty().get().get(0).value(2)).isEqualTo("CR00002");

        tables.filterProperty().set("no such text anywhere");
        assertThat(tables.rowsProperty().get()).isEmpty();
        assertThat(tables.statusProperty().get()).isEqualTo("No rows of 84 match “no such text anywhere”");

        tables.filterProperty().set("");
        assertThat(tables.rowsProperty().get()).hasSize(84);
    }

    @Test
    void anotherTableReplacesTheColumnsAndRows() throws Exception {
        loadHandmade();
        vm.tables().tableProperty().set("CRIMES");

        assertThat(vm.tables().columns()).contains("crime_ref", "offence_code");
        assertThat(vm.tables().rowsProperty().get()).hasSize(187);
        assertThat(DataViewModel.tableNames()).contains("NOMINALS", "CRIMES").doesNotContain("REJECTIONS");
    }

    @Test
    void typingAFilterQueriesOnceTypingPauses() throws Exception {
        SameThreadTaskRunner deferred = SameThreadTaskRunner.deferred(errors);
        loadHandmade();
        BrowserViewModel browser = new BrowserViewModel(session, deferred);
        browser.tableProperty().set("NOMINALS");
        browser.snapshotProperty().set(vm.selectedProperty().get());
        deferred.runPending();
        assertThat(browser.totalProperty().get()).isEqualTo(84);
        List<String> statuses = new ArrayList<>();
        browser.statusProperty().addListener((o, a, b) -> statuses.add(b));

        browser.filterProperty().set("C");
        browser.filterProperty().set("CR");
        browser.filterProperty().set("CR00002");
        deferred.runPending();

        assertThat(statuses).containsExactly("Looking for “CR00002”…", "1 of 84 rows match “CR00002”");
        assertThat(browser.rowsProperty().get().get(0).isLoaded()).isFalse();
        deferred.runPending();
        assertThat(browser.rowsProperty().get().get(0).value(2)).isEqualTo("CR00002");
    }

    @Test
    void anAnswerToAnOlderQueryIsNotShown() throws Exception {
        SameThreadTaskRunner deferred = SameThreadTaskRunner.deferred(errors);
        loadHandmade();
        BrowserViewModel browser = new BrowserViewModel(session, deferred);
        browser.tableProperty().set("NOMINALS");
        browser.snapshotProperty().set(vm.selectedProperty().get());
        deferred.runPending();
        List<String> statuses = new ArrayList<>();
        browser.statusProperty().addListener((o, a, b) -> statuses.add(b));

        // two queries in flight at once; the older one's answer arrives first
        browser.filterProperty().set("CR00001");
        browser.requery();
        browser.filterProperty().set("White");
        browser.requery();
        deferred.runPending();

        assertThat(statuses).doesNotContain("1 of 84 rows match “CR00001”");
        assertThat(statuses.get(statuses.size() - 1)).matches("\\d+ of 84 rows match “White”");
        assertThat(browser.matchingProperty().get()).isGreaterThan(1);
    }

    @Test
    void cancellingALoadLeavesNoTrace() throws Exception {
        vm.load().folderProperty().set(handmadeFolder().toString());
        List<String> seen = new ArrayList<>();
        vm.load().progressMessageProperty().addListener((o, a, m) -> {
            seen.add(m);
            if (m.contains("rows")) {
                vm.load().cancel();
            }
        });

        vm.load().load();

        assertThat(seen).anyMatch(m -> m.contains("harm_index.csv"));
        assertThat(errors.reports).isEmpty();
        assertThat(vm.noticeProperty().get()).isEqualTo("Load cancelled. Nothing of it was kept.");
        assertThat(vm.load().runningProperty().get()).isFalse();
        assertThat(vm.snapshots()).isEmpty();
        assertThat(snapshotSchemas()).isEmpty();
        assertThat(auditEntries()).isEmpty();
        assertThat(revisions).isZero();
    }

    @Test
    void cancellingTheSampleLoadAlsoRemovesTheCopiedSample() throws Exception {
        vm.load().progressMessageProperty().addListener((o, a, m) -> {
            if (m.contains("rows")) {
                vm.load().cancel();
            }
        });

        vm.load().loadSample(false);

        assertThat(vm.noticeProperty().get()).isEqualTo("Load cancelled. Nothing of it was kept.");
        assertThat(vm.snapshots()).isEmpty();
        assertThat(snapshotSchemas()).isEmpty();
        assertThat(ws.dir().resolve("sample-data")).doesNotExist();
    }

    @Test
    void aFolderThatCannotBeLoadedIsReportedAndChangesNothing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        vm.load().folderProperty().set(empty.toString());

        vm.load().load();

        assertThat(errors.reports).singleElement().satisfies(r -> {
            assertThat(r.activity()).isEqualTo("Loading the extract folder");
            assertThat(r.problem().whatHappened()).contains("nominals.csv");
        });
        assertThat(vm.noticeProperty().get()).isEqualTo("The load did not complete. Nothing of it was kept.");
        assertThat(vm.snapshots()).isEmpty();
        assertThat(snapshotSchemas()).isEmpty();
    }

    @Test
    void loadingTheSameFilesAgainCreatesNothing() throws Exception {
        loadHandmade();
        vm.load().load();

        assertThat(vm.snapshots()).hasSize(1);
        assertThat(vm.noticeProperty().get()).isEqualTo("The files are byte-identical to snapshot 1, taken on the same extract date; nothing new was created.");
        assertThat(revisions).isEqualTo(1);
    }

    @Test
    void theBundledSampleLoadsOnlyIntoAnEmptyWorkspaceWhenAskedSo() {
        vm.load().loadSample(true);
        assertThat(errors.reports).isEmpty();
        // the generated sample in sample-data/ loads whole
        assertThat(vm.snapshots()).singleElement().satisfies(s -> {
            assertThat(s.rowsRead()).isEqualTo(31331);
            assertThat(s.rowsAccepted()).isEqualTo(31331);
            assertThat(s.rowsRejected()).isZero();
            assertThat(s.extractDate()).isEqualTo(LocalDate.now(CLOCK));
            assertThat(s.sourceFolder()).isEqualTo(ws.dir().resolve("sample-data").toString());
        });
        assertThat(vm.files()).extracting(FileSummary::fileName, FileSummary::rowsRead, FileSummary::rowsRejected)
                .contains(tuple("nominals.csv", 4427L, 0L), tuple("crimes.csv", 15887L, 0L));

        vm.load().loadSample(true);
        assertThat(vm.snapshots()).hasSize(1);
        assertThat(revisions).isEqualTo(1);
    }

    @Test
    void disposingRemovesTheSnapshotAndRecordsIt() throws Exception {
        loadHandmade();
        Snapshot s = vm.selectedProperty().get();

        vm.dispose(s, "retention period ended");

        assertThat(errors.reports).isEmpty();
        assertThat(vm.snapshots()).isEmpty();
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.emptyProperty().get()).isTrue();
        assertThat(vm.tables().rowsProperty().get()).isEmpty();
        assertThat(snapshotSchemas()).isEmpty();
        assertThat(auditEntries()).extracting(AuditEntry::action).containsExactly("snapshot.created", "snapshot.disposed");
        assertThat(auditEntries().get(1).details()).doesNotContain("retention");
        assertThat(vm.noticeProperty().get()).startsWith("Snapshot 1 was disposed of");
        assertThat(revisions).isEqualTo(2);
    }

    @Test
    void theRejectionsExportAsCsv() throws Exception {
        loadHandmade();
        Snapshot s = vm.selectedProperty().get();
        Path out = vm.suggestedExport(s);
        assertThat(out).isEqualTo(ws.exportsDir().resolve("rejections-snapshot-1.csv"));

        vm.exportRejections(s, out);

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("file,line,column,value,reason");
        assertThat(lines.subList(1, 3)).allMatch(l -> l.startsWith("crimes.csv,"));
        assertThat(vm.noticeProperty().get()).isEqualTo("Exported 2 rejected rows of snapshot 1 to " + out + ".");
    }

    @Test
    void anotherWorkspaceShowsItsOwnSnapshots() throws Exception {
        loadHandmade();
        Workspace other = Workspace.open(dir.resolve("other"));
        try {
            session.open(other);
            assertThat(vm.snapshots()).isEmpty();
            assertThat(vm.selectedProperty().get()).isNull();
            assertThat(vm.tables().rowsProperty().get()).isEmpty();
        } finally {
            other.close();
        }
    }

    private List<String> snapshotSchemas() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = session.workspace().newConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME LIKE 'SNAP_%'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private List<AuditEntry> auditEntries() throws Exception {
        try (Connection c = session.workspace().newConnection()) {
            return new AuditTrail(c).entries();
        }
    }
}
