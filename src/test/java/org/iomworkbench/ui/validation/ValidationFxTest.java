package org.iomworkbench.ui.validation;

import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.iomworkbench.Fixtures;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.model.ModelConfig;
import org.iomworkbench.core.model.ModelService;
import org.iomworkbench.core.model.ModelStore;
import org.iomworkbench.core.model.Prediction;
import org.iomworkbench.core.model.eval.Confusion;
import org.iomworkbench.core.model.eval.ThresholdSweep;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.WorkbenchApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.iomworkbench.ui.WorkbenchFxTest;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Validation view in the whole application, headless, on a trained model run: the threshold
 * slider and the target-specificity field driven from the keyboard and the mouse, the numbers
 * shown equal to the engine's.
 */
class ValidationFxTest extends WorkbenchFxTest {
    @TempDir
    Path dir;
    private Path workspace;
    private double[] p;
    private boolean[] y;

    @BeforeEach
    void prepare() throws Exception {
        Fixtures.headlessSettings(dir);
        Path extract = dir.resolve("extract");
        Fixtures.generatedExtract(extract, 2000, 2024);
        workspace = dir.resolve("ws");
        try (Workspace ws = Workspace.open(workspace)) {
            Snapshot s = Fixtures.loadAndLink(ws, extract, LocalDate.of(2024, 12, 31));
            ModelConfig c = new ModelConfig();
            c.models = List.of("logistic_regression");
            c.nextCrime = false;
            int run = new ModelService(ws).train(c, Progress.NONE, Cancellation.none()).runId();
            List<Prediction> test = new ModelStore(ws).predictions(s, run, "test");
            p = test.stream().mapToDouble(Prediction::pEscalate).toArray();
            y = new boolean[p.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = test.get(i).escalates();
            }
        }
        FxToolkit.registerPrimaryStage();
    }

    private static String rates(Confusion c) {
        return String.format(Locale.UK, "specificity %.3f · sensitivity %.3f", c.specificity(), c.sensitivity());
    }

    @Test
    void dataThatArrivesWhileAnotherStepShowsIsDrawnOnTheFirstVisit() throws Exception {
        app = FxToolkit.setupApplication(WorkbenchApp.class, "--workspace", workspace.toString(), "--view", "models");
        focusWindow();
        waitUntil("the run is listed", () -> text("#statusLabel").startsWith("1 model run in this workspace"));
        // the run is read for Validation in the background while Models shows; nothing is drawn yet
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ((WorkbenchApp) app).taskRunner().activeTasks() == 0);
        assertThat(onFx(() -> lookup("#rocChart").tryQuery().isPresent())).as("Validation is not on screen").isFalse();
        push(KeyCode.CONTROL, KeyCode.DIGIT5);
        waitUntil("the ROC curve is drawn", () -> onFx(() -> !lookup("#rocChart").queryAs(javafx.scene.chart.LineChart.class)
                .getData().isEmpty()));
        waitUntil("the headline figures are drawn", () -> onFx(() -> !lookup("#figures").queryAs(javafx.scene.layout.Pane.class)
                .getChildren().isEmpty()));
    }

    @Test
    void theSliderAndTheTargetFieldShowTheEnginesNumbers() throws Exception {
        app = FxToolkit.setupApplication(WorkbenchApp.class, "--workspace", workspace.toString(), "--view", "validation");
        focusWindow();
        waitUntil("the model run shows", () -> text("#statusLabel").startsWith("Model run 1, logistic regression, test year"));
        waitUntil("the threshold shows", () -> !text("#ratesLabel").isEmpty());

        // the keyboard takes the slider to 0: everyone is flagged
        interact(() -> lookup("#thresholdSlider").queryAs(Slider.class).requestFocus());
        push(KeyCode.HOME);
        Confusion all = Confusion.at(p, y, 0);
        waitUntil("everyone is flagged", () -> text("#thresholdField").equals("0.0000"));
        assertThat(text("#ratesLabel")).startsWith(rates(all));
        assertThat(text("#workloadLabel")).startsWith(String.format(Locale.UK, "%,d people flagged", p.length));

        // the target field snaps the threshold to the engine's
        interact(() -> {
            TextField t = lookup("#targetField").queryAs(TextField.class);
            t.requestFocus();
            t.selectAll();
        });
        write("0.9");
        push(KeyCode.ENTER);
        double expected = new ThresholdSweep(p, y).thresholdForSpecificity(0.9);
        waitUntil("the threshold is snapped", () -> text("#thresholdField").equals(String.format(Locale.UK, "%.4f", expected)));
        Confusion at = Confusion.at(p, y, expected);
        assertThat(at.specificity()).isGreaterThanOrEqualTo(0.9);
        waitUntil("the rates follow", () -> text("#ratesLabel").startsWith(rates(at)));
        waitUntil("the interval is shown", () -> text("#targetLabel").contains("bootstrap samples"));
        assertThat(onFx(() -> lookup("#fairnessTable").queryTableView().getItems().size())).isGreaterThan(3);
        // a chosen intersection joins the breakdown
        interact(() -> {
            lookup("#intersectA").queryComboBox().setValue("ethnicity");
            lookup("#intersectB").queryComboBox().setValue("age band");
            lookup("#intersectButton").queryButton().fire();
        });
        waitUntil("the intersection shows", () -> onFx(() -> lookup("#fairnessTable").queryTableView().getItems().stream()
                .anyMatch(r -> ((ValidationViewModel.FairnessRow) r).column().equals("ethnicity × age band"))));
        // intervals of every group's rates at this threshold
        interact(() -> lookup("#groupIntervalsButton").queryButton().fire());
        waitUntil("the group intervals show", () -> onFx(() -> lookup("#fairnessTable").queryTableView().getItems().stream()
                .anyMatch(r -> ((ValidationViewModel.FairnessRow) r).intervals() != null)));
    }
}
