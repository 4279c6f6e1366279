package org.iomworkbench.ui.audit;

import org.iomworkbench.core.audit.AuditEntry;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.RecordingErrors;
import org.iomworkbench.ui.common.SameThreadTaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;
import org.iomworkbench.ui.data.DataViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AuditViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final RecordingErrors errors = new RecordingErrors();
    private final WorkspaceSession session = new WorkspaceSession();
    private Workspace ws;
    private AuditViewModel audit;
    private DataViewModel data;

    @BeforeEach
    void open() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.immediate(errors);
        audit = new AuditViewModel(session, runner, CLOCK);
        data = new DataViewModel(session, runner, CLOCK);
        ws = Workspace.open(dir.resolve("ws"));
        session.open(ws);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void aNewWorkspaceHasAnIntactEmptyTrail() {
        assertThat(audit.entries()).isEmpty();
        assertThat(audit.stateProperty().get()).isEqualTo(AuditViewModel.State.INTACT);
        assertThat(audit.statusProperty().get())
                .isEqualTo("Intact: the audit trail has no entries yet. (checked at 10:15:30)");
        assertThat(audit.selectedDetailsProperty().get()).isEmpty();
    }

    @Test
    void offScreenTheTrailIsReadWhenTheViewIsNextShown() {
        audit.shownProperty().set(false);
        data.load().loadSample(false);

        // the load is noted, not read: the view still shows the empty trail it read on opening
        assertThat(errors.reports).isEmpty();
        assertThat(audit.entries()).isEmpty();
        assertThat(audit.statusProperty().get()).startsWith("Intact: the audit trail has no entries yet.");

        audit.shownProperty().set(true);
        assertThat(audit.entries()).singleElement().satisfies(e -> assertThat(e.action()).isEqualTo("snapshot.created"));
        assertThat(audit.statusProperty().get()).startsWith("Intact: 1 entry, every link verified.");
    }

    @Test
    void aLoadAppearsInTheTrailWithoutBeingAskedFor() {
        data.load().loadSample(false);

        assertThat(errors.reports).isEmpty();
        assertThat(audit.entries()).singleElement().satisfies(e -> {
            assertThat(e.seq()).isEqualTo(1);
            assertThat(e.command()).isEqualTo("load");
            assertThat(e.action()).isEqualTo("snapshot.created");
        });
        assertThat(audit.verificationProperty().get().intact()).isTrue();
        assertThat(audit.statusProperty().get()).startsWith("Intact: 1 entry, every link verified.");
        AuditEntry latest = audit.selectedProperty().get();
        assertThat(latest.seq()).isEqualTo(1);
        assertThat(audit.selectedDetailsProperty().get())
                .startsWith("Entry 1: snapshot.created by ")
                .contains("\"snapshot\" : 1")
                .contains("hash:          " + latest.hash());
    }

    @Test
    void verifyFindsAnEntryChangedBehindTheWorkbenchsBack() throws Exception {
        data.load().loadSample(false);
        data.dispose(data.selectedProperty().get(), "test");
        assertThat(audit.entries()).hasSize(2);

        try (Connection c = ws.newConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE AUDIT SET os_user = 'someone-else' WHERE seq = 1");
            c.commit();
        }
        audit.verify();

        assertThat(audit.stateProperty().get()).isEqualTo(AuditViewModel.State.BROKEN);
        assertThat(audit.verificationProperty().get().brokenSeq()).isEqualTo(1);
        assertThat(audit.statusProperty().get())
                .startsWith("Broken at entry 1: its content was changed after it was written.");
        assertThat(audit.entries().get(0).osUser()).isEqualTo("someone-else");
    }

    @Test
    void theAnalystsChoiceOfEntryIsKeptWhenTheTrailIsReadAgain() {
        data.load().loadSample(false);
        data.dispose(data.selectedProperty().get(), "");
        audit.selectedProperty().set(audit.entries().get(0));

        audit.verify();

        assertThat(audit.selectedProperty().get().seq()).isEqualTo(1);
    }

    @Test
    void withoutAWorkspaceThereIsNothingToShow() {
        session.open(null);
        assertThat(audit.entries()).isEmpty();
        assertThat(audit.stateProperty().get()).isEqualTo(AuditViewModel.State.UNKNOWN);
        assertThat(audit.statusProperty().get()).isEqualTo("No workspace is open.");
    }
}
