package org.iomworkbench.ui.score;

import org.iomworkbench.Fixtures;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import org.iomworkbench.core.generate.GeneratorParameters;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.score.Band;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.ScoreRun;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.WorkbenchApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.iomworkbench.ui.WorkbenchFxTest;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores in the whole application, headless, on a generated extract loaded and linked: moving
 * the half-life slider from the keyboard re-scores everyone, and the band counts shown are those
 * of a fresh score at the new half-life.
 */
class ScoresFxTest extends WorkbenchFxTest {
    @TempDir
    Path dir;
    private Path workspace;
    private ScoreData data;
    private ScoringConfig defaults;

    @BeforeEach
    void prepare() throws Exception {
        Fixtures.headlessSettings(dir);
        Path extract = dir.resolve("extract");
        GeneratorParameters g = Fixtures.generatedExtract(extract, 600, 11);
        workspace = dir.resolve("ws");
        try (Workspace ws = Workspace.open(workspace)) {
            Snapshot s = Fixtures.loadAndLink(ws, extract, g.end);
            data = ScoreData.load(ws, s);
            defaults = ScoreRun.configure(data, s, ScoreRun.Request.defaults(), null);
        }
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void movingTheHalfLifeSliderChangesTheBandCounts() throws Exception {
        app = FxToolkit.setupApplication(WorkbenchApp.class, "--workspace", workspace.toString());
        focusWindow();
        push(KeyCode.CONTROL, KeyCode.DIGIT3);
        waitUntil("the first scoring shows", () -> text("#statusLabel").startsWith("Snapshot 1: "));
        long[] before = Scorer.score(data, defaults).bandCounts();
        waitUntil("the band counts show", () -> shownCounts()[0] == before[0]);
        assertThat(shownCounts()).containsExactly(before);
        assertThat(text("#halfLifeField")).isEqualTo("365");

        // the keyboard moves the slider to its lowest half-life
        interact(() -> slider().requestFocus());
        push(KeyCode.HOME);
        double min = onFx(() -> slider().getMin());
        long[] after = Scorer.score(data, defaults.withHalfLife(min)).bandCounts();
        assertThat(after).isNotEqualTo(before);
        waitUntil("the band counts change", () -> Arrays.equals(shownCounts(), after));
        assertThat(text("#halfLifeField")).isEqualTo(ScoresViewModel.days(min));
        assertThat(text("#statusLabel")).contains("half-life " + ScoresViewModel.days(min) + " days");

        // dragging the first cut-off line to the left sets the cut-offs by value and re-bands everyone
        Node handle = onFx(() -> lookup(".cutoff-handle").queryAll().iterator().next());
        drag(handle).moveBy(-40, 0).drop();
        waitUntil("the cut-offs are set by value", () -> text("#modelLabel").contains("cut-offs set by value"));
        waitUntil("fewer persons are LOW", () -> shownCounts()[0] < after[0]);
        assertThat(Arrays.stream(shownCounts()).sum()).isEqualTo(data.persons());
        assertThat(shownCounts()[2]).as("HIGH_MEDIUM keeps its cut-offs").isEqualTo(after[2]);

        // the histogram as a PNG: the snapshot of its node
        Path png = dir.resolve("histogram.png");
        java.awt.image.BufferedImage img = onFx(() -> ViewExport.pixels(lookup("#histogram").query().snapshot(null, null)));
        ViewExport.writePng(img, png);
        java.awt.image.BufferedImage back = javax.imageio.ImageIO.read(png.toFile());
        assertThat(back.getWidth()).isEqualTo(img.getWidth()).isGreaterThan(300);
        assertThat(back.getHeight()).isGreaterThan(200);
    }

    private Slider slider() {
        return lookup("#halfLifeSlider").queryAs(Slider.class);
    }

    private long[] shownCounts() throws Exception {
        return onFx(() -> {
            long[] out = new long[Band.values().length];
            for (Band b : Band.values()) {
                String t = lookup("#bandCount-" + b.name()).queryAs(Labeled.class).getText().replace(",", "");
                out[b.ordinal()] = t.isEmpty() ? -1 : Long.parseLong(t);
            }
            return out;
        });
    }
}
