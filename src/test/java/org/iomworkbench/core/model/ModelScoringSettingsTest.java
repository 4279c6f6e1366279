package org.iomworkbench.core.model;

import org.iomworkbench.Fixtures;
import org.iomworkbench.core.generate.GeneratorParameters;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A model run's configuration holds its scoring settings too: half-life, lookback and window. */
class ModelScoringSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theRunScoresItsInputsAndLabelsWithTheConfiguredSettings() {
        Path x = dir.resolve("x");
        GeneratorParameters g = Fixtures.generatedExtract(x, 2000, 2024);
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            Snapshot s = Fixtures.loadAndLink(ws, x, g.end);
            ModelConfig c = new ModelConfig();
            c.models = List.of("logistic_regression");
            c.lambdas = List.of(1.0);
            c.nextCrime = false;
            c.halfLifeDays = 180.0;
            c.lookbackDays = 500;
            c.windowDays = 200;
            ModelService.Trained t = new ModelService(ws).train(c, Progress.NONE, Cancellation.none());
            ScoringConfig scoring = t.outcome().scoring;
            assertThat(scoring.halfLifeDays()).isEqualTo(180.0);
            assertThat(scoring.lookbackDays()).isEqualTo(500);
            assertThat(scoring.windowDays()).isEqualTo(200);
            assertThat(scoring.calibrationDate()).isEqualTo(t.outcome().dates.calibration());
            assertThat(ModelConfig.fromJson(new ModelStore(ws).runs().get(0).config()).halfLifeDays).isEqualTo(180.0);
        }
    }
}
