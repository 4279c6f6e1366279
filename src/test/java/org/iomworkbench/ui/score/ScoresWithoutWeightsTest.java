package org.iomworkbench.ui.score;

import org.iomworkbench.Fixtures;
import org.iomworkbench.core.generate.GeneratorParameters;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.ScoreRun;
import org.iomworkbench.core.score.ScoreStore;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.score.Weights;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.RecordingErrors;
import org.iomworkbench.ui.common.SameThreadTaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot whose weights cannot be estimated (spec §6: no weights are produced, the analyst
 * may pin them): the Scores step shows the scores under weights of 1 for a look, but does not
 * save them as if someone had pinned those; once the analyst pins weights, the default cut-offs
 * are those weights' percentiles, and the run saves.
 */
class ScoresWithoutWeightsTest {
    @TempDir
    Path dir;

    @Test
    void scoresWithoutEstimatedWeightsAreNotSavedUntilTheAnalystPinsThem() throws Exception {
        Path x = dir.resolve("x");
        GeneratorParameters g = Fixtures.generatedExtract(x, 800, 11);
        RecordingErrors errors = new RecordingErrors();
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            Snapshot s = Fixtures.loadAndLink(ws, x, g.end);
            ScoreData d = ScoreData.load(ws, s);
            // the first offence day as the calibration date: too few persons with a score to fit the weights
            int[] days = new int[d.offences()];
            for (int i = 0; i < days.length; i++) {
                days[i] = d.offenceDay(i);
            }
            java.util.Arrays.sort(days);
            LocalDate t0 = LocalDate.ofEpochDay(days[0]);
            WorkspaceSession session = new WorkspaceSession();
            ScoresViewModel vm = new ScoresViewModel(session, SameThreadTaskRunner.immediate(errors));
            session.open(ws);
            assertThat(vm.weightsMissingProperty().get()).isFalse();
            // the analyst's calibration date, kept when the workspace changes and its data are read again
            vm.calibrationDateProperty().set(t0);
            session.changed();

            assertThat(vm.fitMessageProperty().get()).isNotEmpty();
            assertThat(vm.weightsMissingProperty().get()).isTrue();
            assertThat(vm.scoresProperty().get()).as("the scores under weights of 1, for a look").isNotNull();
            assertThat(vm.modelProperty().get().weights()).isEqualTo(Weights.ONE);

            vm.save();
            assertThat(vm.noticeProperty().get()).startsWith("Not saved: no weights were estimated");
            assertThat(new ScoreStore(ws).runs()).isEmpty();

            vm.pinWeights(new double[]{1.5, 1.2, 1.8, 1.6, 1.3, 1.1});
            assertThat(vm.weightsMissingProperty().get()).isFalse();
            ScoringConfig m = vm.modelProperty().get();
            Weights pinned = new Weights(1.5, 1.2, 1.8, 1.6, 1.3, 1.1);
            assertThat(m.weights()).isEqualTo(pinned);
            assertThat(m.weightsSource()).isEqualTo(ScoringConfig.WeightsSource.PINNED);
            assertThat(m.calibrationDate()).isEqualTo(t0);
            assertThat(m.cutoffs()).isEqualTo(ScoreRun.percentileCutoffs(d, m.calibrationDate(), m.halfLifeDays(),
                    m.lookbackDays(), m.windowDays(), pinned));
            assertThat(m.cutoffsSource()).isEqualTo(ScoringConfig.CutoffsSource.PERCENTILES);
            assertThat(vm.scoresProperty().get().config().weights()).isEqualTo(pinned);

            vm.save();
            assertThat(vm.noticeProperty().get()).startsWith("Saved as score run 1");
            assertThat(new ScoreStore(ws).runs()).hasSize(1);
        }
        assertThat(errors.reports).isEmpty();
    }
}
