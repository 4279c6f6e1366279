package org.iomworkbench.ui.publish;

import org.iomworkbench.Fixtures;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.model.ModelConfig;
import org.iomworkbench.core.model.ModelService;
import org.iomworkbench.core.publish.Publisher;
import org.iomworkbench.core.score.Band;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.ScoreRun;
import org.iomworkbench.core.score.ScoreStore;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.RecordingErrors;
import org.iomworkbench.ui.common.SameThreadTaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Publish step on a scored and modelled workspace of 2,000 generated persons, every task on the test's thread. */
class PublishViewModelTest {
    @TempDir
    Path dir;

    @Test
    void reviewLeaveSomeoneOffSignAndPublish() throws Exception {
        Fixtures.generatedExtract(dir.resolve("x"), 2000, 2024);
        RecordingErrors errors = new RecordingErrors();
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            Snapshot s = Fixtures.loadAndLink(ws, dir.resolve("x"), LocalDate.of(2024, 12, 31));
            ScoreData d = ScoreData.load(ws, s);
            ScoreRun.Result r = ScoreRun.run(d, s, ScoreRun.Request.defaults());
            new ScoreStore(ws).save(s, d, r.config(), r.estimate(), r.scores(), null);
            ModelConfig c = new ModelConfig();
            c.models = List.of("logistic_regression");
            new ModelService(ws).train(c, Progress.NONE, Cancellation.none());

            WorkspaceSession session = new WorkspaceSession();
            PublishViewModel vm = new PublishViewModel(session, SameThreadTaskRunner.immediate(errors));
            session.open(ws);
            assertThat(vm.scoreRunProperty().get()).isNotNull();
            assertThat(vm.modelRunProperty().get()).isNotNull();
            assertThat(vm.rows()).isNotEmpty();
            int all = vm.rows().size();
            assertThat(vm.countsProperty().get()).contains("in all " + String.format("%,d", all) + " → " + String.format("%,d", all));

            vm.bandProperty(Band.SUPER_HIGH).set(false);
            vm.preview();
            assertThat(vm.rows()).noneMatch(x -> x.band() == Band.SUPER_HIGH).hasSizeLessThan(all);
            String first = vm.rows().get(0).personId();
            vm.exclude(first, "already in the scheme");
            assertThat(vm.rows()).noneMatch(x -> x.personId().equals(first));

            assertThat(vm.canPublishProperty().get()).isFalse();
            vm.confirmationProperty().set(Publisher.CONFIRMATION);
            assertThat(vm.canPublishProperty().get()).isTrue();
            vm.columnProperty("surname").set(false);
            vm.columnProperty("forenames").set(false);
            Path out = dir.resolve("list.csv");
            vm.publish(out);
            assertThat(errors.reports).isEmpty();
            assertThat(vm.noticeProperty().get()).startsWith("Publication 1:");
            List<String> lines = Files.readAllLines(out);
            assertThat(lines.get(0)).endsWith("person_id,date_of_birth,band,rfsdi,p_escalate,next_crime_type,under_18,data_date");
            assertThat(lines).hasSize(vm.rows().size() + 1).noneMatch(l -> l.startsWith(first));
            assertThat(Files.readString(Publisher.manifestPath(out))).contains("\"excluded\" : 1");
            vm.followUp();
            assertThat(vm.ledger()).singleElement().satisfies(f -> assertThat(f.laterSnapshot()).isNull());
        }
    }
}
