package org.iomworkbench.bench;

import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.iomworkbench.core.link.Thresholds;
import org.iomworkbench.core.link.WeightHistogram;
import org.iomworkbench.ui.common.Appearance;
import org.iomworkbench.ui.common.Settings;
import org.iomworkbench.ui.match.WeightHistogramChart;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the link's weight histogram costs the FX thread when a link's bins arrive: the bins set
 * and the CSS and layout pass that follows, for the workbench's chart (plain shapes) and for a
 * JavaFX {@code BarChart} of the same 60 bins (what the chart was before). Which one goes first
 * is chosen with {@code -Diom.bench.histFirst=bar|shapes} (default shapes): the first fill of the
 * JVM also pays for code the two share. Prints figures; run with
 * {@code mvn test -Dgroups=benchmark -Dbench.excluded=none -Dtest=HistogramFillBenchmark}.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class HistogramFillBenchmark {
    private static final int ROUNDS = 30;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new VBox(), 900, 500));
        stage.show();
    }

    private static List<WeightHistogram.Bin> bins(int round) {
        List<WeightHistogram.Bin> out = new ArrayList<>();
        for (int k = -25; k < 35; k++) {
            out.add(new WeightHistogram.Bin(k, 1000L + (long) k * k * 37 + round));
        }
        return out;
    }

    /** Milliseconds to set the bins and lay the window out, for one new chart of the kind. */
    private double fill(boolean shapes, int round) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Parent chart;
            Runnable set;
            if (shapes) {
                WeightHistogramChart c = new WeightHistogramChart();
                ObservableList<WeightHistogram.Bin> bins = FXCollections.observableArrayList();
                SimpleObjectProperty<Thresholds> t = new SimpleObjectProperty<>();
                c.bind(bins, t);
                chart = c;
                // the thresholds' change draws at once (new bins alone wait for the next pulse)
                set = () -> {
                    bins.setAll(bins(round));
                    t.set(new Thresholds(0.2, 0.99, -1.5, 8.3, false));
                };
            } else {
                BarChart<String, Number> c = new BarChart<>(new CategoryAxis(), new NumberAxis());
                c.setAnimated(false);
                c.setLegendVisible(false);
                c.setBarGap(0);
                c.setCategoryGap(1);
                chart = c;
                set = () -> {
                    XYChart.Series<String, Number> s = new XYChart.Series<>();
                    for (WeightHistogram.Bin b : bins(round)) {
                        s.getData().add(new XYChart.Data<>(Integer.toString(b.lower()), b.count()));
                    }
                    c.getData().setAll(List.of(s));
                };
            }
            VBox root = new VBox(chart);
            Scene scene = new Scene(root, 900, 500);
            Appearance.apply(scene, Settings.DEFAULTS);
            stage.setScene(scene);
            root.applyCss();
            root.layout();
            long t0 = System.nanoTime();
            set.run();
            root.applyCss();
            root.layout();
            return (System.nanoTime() - t0) / 1e6;
        }).get();
    }

    @Test
    void firstAndLaterFills() throws Exception {
        boolean shapesFirst = !"bar".equals(System.getProperty("iom.bench.histFirst"));
        double[] shapes = new double[ROUNDS];
        double[] bar = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            if (shapesFirst) {
                shapes[r] = fill(true, r);
                bar[r] = fill(false, r);
            } else {
                bar[r] = fill(false, r);
                shapes[r] = fill(true, r);
            }
        }
        System.out.printf(Locale.ROOT, "Weight histogram, 60 bins, %s first: set and laid out%n",
                shapesFirst ? "shapes" : "BarChart");
        System.out.printf(Locale.ROOT, "  shapes (WeightHistogramChart): first %.1f ms, median of the next %d %.1f ms%n",
                shapes[0], ROUNDS - 1, median(shapes));
        System.out.printf(Locale.ROOT, "  BarChart:                      first %.1f ms, median of the next %d %.1f ms%n",
                bar[0], ROUNDS - 1, median(bar));
    }

    private static double median(double[] all) {
        double[] later = Arrays.copyOfRange(all, 1, all.length);
        Arrays.sort(later);
        return later[later.length / 2];
    }
}
