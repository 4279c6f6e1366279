package org.iomworkbench.ui.validation;

import org.iomworkbench.core.model.eval.Confusion;
import org.iomworkbench.ui.common.RecordingErrors;
import org.iomworkbench.ui.common.SameThreadTaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Validation step on imported score files, without a workspace, every task on the test's thread. */
class ValidationViewModelTest {
    @TempDir
    Path dir;

    @Test
    void anImportedScoreIsJudgedLikeAModelAndTheOneBeforeStaysOnTheCharts() throws Exception {
        StringBuilder a = new StringBuilder("id,today,outcome,area\n");
        StringBuilder b = new StringBuilder("id,other,outcome,area\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 600; i++) {
            boolean y = r.nextDouble() < 0.2;
            a.append(i).append(',').append(Math.min(1, Math.max(0, (y ? 0.4 : 0.15) + r.nextGaussian() * 0.1))).append(',')
                    .append(y ? 1 : 0).append(',').append(i % 3 == 0 ? "north" : "south").append('\n');
            b.append(i).append(',').append(r.nextDouble()).append(',').append(y ? 1 : 0).append(",x\n");
        }
        Files.writeString(dir.resolve("a.csv"), a);
        Files.writeString(dir.resolve("b.csv"), b);
        RecordingErrors errors = new RecordingErrors();
        ValidationViewModel vm = new ValidationViewModel(new WorkspaceSession(), SameThreadTaskRunner.immediate(errors));
        vm.importFile(dir.resolve("a.csv"), "today", "outcome", List.of("area"));
        ValidationData d = vm.dataProperty().get();
        assertThat(d.size()).isEqualTo(600);
        assertThat(vm.thresholdProperty().get()).isEqualTo(0.5);
        assertThat(vm.confusionProperty().get()).isEqualTo(Confusion.at(d.score, d.label, 0.5));
        assertThat(vm.fairness()).extracting(ValidationViewModel.FairnessRow::value).containsExactly("north", "south");
        vm.thresholdProperty().set(0.3);
        assertThat(vm.confusionProperty().get()).isEqualTo(Confusion.at(d.score, d.label, 0.3));

        vm.addIntersection("area", "area");
        assertThat(vm.noticeProperty().get()).contains("two different");

        vm.importFile(dir.resolve("b.csv"), "other", "outcome", List.of());
        assertThat(vm.dataProperty().get().curves).hasSize(2);
        assertThat(vm.dataProperty().get().curves.get(1).name()).startsWith("today (a.csv");
        assertThat(errors.reports).isEmpty();
    }
}
