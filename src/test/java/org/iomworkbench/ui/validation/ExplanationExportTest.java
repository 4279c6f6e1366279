package org.iomworkbench.ui.validation;

import org.iomworkbench.Fixtures;
import org.iomworkbench.core.audit.AuditEntry;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.model.ModelConfig;
import org.iomworkbench.core.model.ModelService;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Hashing;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.RecordingErrors;
import org.iomworkbench.ui.common.SameThreadTaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One person's explanation written out of Validation is in the audit trail, by the file's hash only. */
class ExplanationExportTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenExplanationIsAudited() throws Exception {
        Path extract = dir.resolve("extract");
        Fixtures.generatedExtract(extract, 2000, 2024);
        RecordingErrors errors = new RecordingErrors();
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            Snapshot s = Fixtures.loadAndLink(ws, extract, LocalDate.of(2024, 12, 31));
            ModelConfig c = new ModelConfig();
            c.models = List.of("logistic_regression");
            c.nextCrime = false;
            new ModelService(ws).train(c, Progress.NONE, Cancellation.none());
            WorkspaceSession session = new WorkspaceSession();
            ValidationViewModel vm = new ValidationViewModel(session, SameThreadTaskRunner.immediate(errors));
            session.open(ws);
            assertThat(vm.runs()).hasSize(1);
            vm.runProperty().set(vm.runs().get(0));

            Path file = dir.resolve("explanation-P1.csv");
            vm.writeExplanation(file, "# P1\ninput,part\nage_at_t,0.12\n");

            assertThat(Files.readString(file)).contains("age_at_t,0.12");
            try (Connection conn = ws.newConnection()) {
                List<AuditEntry> all = new AuditTrail(conn).entries();
                AuditEntry last = all.get(all.size() - 1);
                assertThat(last.action()).isEqualTo("export.person");
                assertThat(last.details()).contains("\"snapshot\":" + s.id()).contains(Hashing.sha256(file));
            }
        }
        assertThat(errors.reports).isEmpty();
    }
}
