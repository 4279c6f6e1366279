package org.iomworkbench.ui.match;

import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.iomworkbench.core.link.Thresholds;
import org.iomworkbench.core.link.WeightHistogram;
import org.iomworkbench.ui.common.Appearance;
import org.iomworkbench.ui.common.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The match-weight histogram: a bar per bin, as tall as its count, coloured by its zone, the thresholds where their weights fall. */
@ExtendWith(ApplicationExtension.class)
class WeightHistogramChartFxTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new VBox(), 700, 420));
        stage.show();
    }

    private static <T> T onFx(Supplier<T> s) throws Exception {
        return WaitForAsyncUtils.asyncFx(s::get).get(5, TimeUnit.SECONDS);
    }

    private static List<WeightHistogram.Bin> bins() {
        List<WeightHistogram.Bin> out = new ArrayList<>();
        for (int k = -12; k <= 15; k++) {
            out.add(new WeightHistogram.Bin(k, k < 0 ? 1000L * (13 + k) : 200L + 10L * k));
        }
        return out;
    }

    private List<Rectangle> bars(WeightHistogramChart chart) {
        List<Rectangle> out = new ArrayList<>();
        for (Node n : chart.getChildrenUnmodifiable()) {
            if (n instanceof Rectangle r && r.getStyleClass().contains("wh-bar")) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void drawsEveryBinInItsZoneAndTheThresholdsWhereTheyFall() throws Exception {
        ObservableList<WeightHistogram.Bin> bins = FXCollections.observableArrayList();
        SimpleObjectProperty<Thresholds> thresholds = new SimpleObjectProperty<>();
        WeightHistogramChart chart = onFx(() -> {
            WeightHistogramChart c = new WeightHistogramChart();
            VBox root = new VBox(c);
            VBox.setVgrow(c, Priority.ALWAYS);
            Scene scene = new Scene(root, 700, 420);
            Appearance.apply(scene, Settings.DEFAULTS);
            stage.setScene(scene);
            c.bind(bins, thresholds);
            bins.setAll(bins());
            thresholds.set(new Thresholds(0.2, 0.99, -1.5, 8.3, false));
            return c;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.drawn().size() == 28);
        WaitForAsyncUtils.waitForFxEvents();
        List<Rectangle> bars = onFx(() -> {
            chart.layout();
            return bars(chart);
        });
        assertThat(bars).hasSize(28);
        List<WeightHistogram.Bin> b = bins();
        double perPair = bars.get(0).getHeight() / b.get(0).count();
        for (int i = 0; i < bars.size(); i++) {
            Rectangle r = bars.get(i);
            int lower = b.get(i).lower();
            // as tall as its count; side by side, lowest weight first
            assertThat(r.getHeight()).isCloseTo(b.get(i).count() * perPair, within(1e-6));
            if (i > 0) {
                assertThat(r.getX()).isGreaterThan(bars.get(i - 1).getX());
            }
            String zone = lower + 1 <= -1.5 ? "below-lower" : lower >= 8.3 ? "above-upper" : "between";
            assertThat(r.getStyleClass()).as("bin %d", lower).contains(zone);
        }
        assertThat(bars.get(0).getStyleClass()).contains("below-lower");
        assertThat(bars.get(27).getStyleClass()).contains("above-upper");
        // a threshold line stands inside its weight's bin, in proportion
        double slot = bars.get(1).getX() - bars.get(0).getX();
        List<Line> lines = onFx(() -> chart.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Line l && l.getStyleClass().contains("threshold-line")).map(n -> (Line) n).toList());
        assertThat(lines).hasSize(2);
        double binOfLower = bars.get(-2 + 12).getX() - 0.5;
        assertThat(lines.get(0).getStartX()).isCloseTo(binOfLower + 0.5 * slot, within(1e-6));
        double binOfUpper = bars.get(8 + 12).getX() - 0.5;
        assertThat(lines.get(1).getStartX()).isCloseTo(binOfUpper + 0.3 * slot, within(1e-6));
        // both axes label 0, each its own label
        List<Label> zeros = onFx(() -> chart.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Label l && l.isVisible() && l.getText().equals("0")).map(n -> (Label) n).toList());
        assertThat(zeros).hasSize(2);
        assertThat(zeros.get(0).getLayoutY()).isNotCloseTo(zeros.get(1).getLayoutY(), within(5.0));

        // new bins replace the bars; moving a threshold only recolours them
        onFx(() -> {
            bins.setAll(bins().subList(0, 10));
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.drawn().size() == 10);
        onFx(() -> {
            thresholds.set(new Thresholds(0.2, 0.99, -8.0, -4.0, false));
            chart.layout();
            return null;
        });
        List<Rectangle> after = onFx(() -> bars(chart));
        assertThat(after).hasSize(10);
        assertThat(after.get(0).getStyleClass()).contains("below-lower");
        assertThat(after.get(4).getStyleClass()).contains("between");
        assertThat(after.get(9).getStyleClass()).contains("above-upper");
    }

    @Test
    void valueAxisStepsAreRound() {
        assertThat(WeightHistogramChart.niceStep(1)).isEqualTo(1);
        assertThat(WeightHistogramChart.niceStep(400_000)).isEqualTo(50_000);
        assertThat(WeightHistogramChart.niceStep(12_000)).isEqualTo(2_000);
        assertThat(WeightHistogramChart.niceStep(7)).isEqualTo(1);
        assertThat(WeightHistogramChart.niceStep(100)).isEqualTo(20);
    }
}
