package org.iomworkbench.ui.model;

import org.iomworkbench.Fixtures;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.RecordingErrors;
import org.iomworkbench.ui.common.SameThreadTaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The Models step against a linked workspace of 2,000 generated persons, every task on the test's thread. */
class ModelsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void trainingStoresARunShowsItsModelsAndChoosingAnotherIsAudited() throws Exception {
        Fixtures.generatedExtract(dir.resolve("x"), 2000, 2024);
        RecordingErrors errors = new RecordingErrors();
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            Snapshot s = Fixtures.loadAndLink(ws, dir.resolve("x"), LocalDate.of(2024, 12, 31));
            WorkspaceSession session = new WorkspaceSession();
            ModelsViewModel vm = new ModelsViewModel(session, SameThreadTaskRunner.immediate(errors));
            session.open(ws);
            assertThat(vm.runs()).isEmpty();
            assertThat(vm.statusProperty().get()).startsWith("No model run yet");

            vm.targetProperty().set("1.5");
            assertThat(vm.inputErrorProperty().get()).contains("between 0.5 and 1");
            vm.targetProperty().set("0.95");
            assertThat(vm.inputErrorProperty().get()).isEmpty();

            vm.train();
            assertThat(errors.reports).isEmpty();
            assertThat(vm.runs()).hasSize(1);
            assertThat(vm.noticeProperty().get()).startsWith("Model run 1 trained and stored");
            ModelSummary summary = vm.summaryProperty().get();
            assertThat(summary.escalation()).extracting(ModelSummary.EscalationRow::name)
                    .contains("logistic_regression", "random_forest", "gradient_boosting", "rfsdi_only", "current_band");
            assertThat(summary.chosenRow()).isPresent();
            assertThat(summary.nextCrime()).isNotEmpty();
            // the chosen model against each baseline, paired on the test year
            assertThat(summary.gains()).hasSize(2).allMatch(g -> g.contains(" against ") && g.contains("paired resamples"))
                    .anyMatch(g -> g.contains("against rfsdi only")).anyMatch(g -> g.contains("against current band"));
            assertThat(vm.coefficients()).isNotEmpty().noneMatch(c -> c.feature().contains("ethnic"));
            assertThat(ModelsViewModel.facts(vm.selectedProperty().get())).contains("Gender was not an input");

            String other = summary.escalation().stream().filter(r -> !r.baseline() && !r.chosen()).findFirst().orElseThrow()
                    .name();
            vm.choose(other);
            assertThat(vm.selectedProperty().get().chosen()).isEqualTo(other);
            assertThat(vm.summaryProperty().get().chosen()).isEqualTo(other);
            assertThat(new AuditTrail(ws.connection()).entries()).anyMatch(e -> e.action().equals("model.chosen"));
            assertThat(errors.reports).isEmpty();
        }
    }
}
