package org.iomworkbench.ui.match;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.iomworkbench.core.link.Thresholds;
import org.iomworkbench.core.link.WeightHistogram;
import org.iomworkbench.ui.common.Pulses;

import java.util.List;
import java.util.Locale;

/**
 * The compared pairs' match weights as a bar chart of one-bit bins, with the review band between
 * the two thresholds shaded and each threshold drawn as a labelled line. Bars are coloured by
 * what happens to their pairs: not linked, queued for review, linked.
 */
public final class WeightHistogramChart extends BarChart<String, Number> {
    private final Rectangle band = new Rectangle();
    private final Line lowerLine = new Line();
    private final Line upperLine = new Line();
    private final Label lowerLabel = new Label();
    private final Label upperLabel = new Label();
    private Thresholds thresholds;
    /** The bins the bars show now: a change of the thresholds alone redraws the lines, not the bars. */
    private List<WeightHistogram.Bin> drawn = List.of();

    public WeightHistogramChart() {
        super(new CategoryAxis(), new NumberAxis());
        getStyleClass().add("weight-histogram");
        setLegendVisible(false);
        setAnimated(false);
        setBarGap(0);
        setCategoryGap(1);
        getXAxis().setLabel("match weight (bits), bins one bit wide");
        getYAxis().setLabel("pairs compared");
        band.getStyleClass().add("review-band");
        lowerLine.getStyleClass().add("threshold-line");
        upperLine.getStyleClass().add("threshold-line");
        lowerLabel.getStyleClass().add("threshold-label");
        upperLabel.getStyleClass().add("threshold-label");
        for (javafx.scene.Node n : new javafx.scene.Node[]{band, lowerLine, upperLine, lowerLabel, upperLabel}) {
            n.setManaged(false);
            n.setMouseTransparent(true);
        }
        getPlotChildren().add(0, band);
        getPlotChildren().addAll(lowerLine, upperLine, lowerLabel, upperLabel);
        setAccessibleText("Histogram of the pairs' match weights with the two thresholds");
    }

    /** Shows the bins of {@code bins}, kept in step with it, and the thresholds. */
    public void bind(ObservableList<WeightHistogram.Bin> bins, javafx.beans.value.ObservableValue<Thresholds> t) {
        // new bars wait for the next pulse: a link's result also fills the view's tables in this one
        bins.addListener((ListChangeListener<WeightHistogram.Bin>) c ->
                Pulses.afterNext(getScene(), () -> show(bins, t.getValue())));
        t.addListener((o, a, b) -> show(bins, b));
        show(bins, t.getValue());
    }

    private void show(ObservableList<WeightHistogram.Bin> bins, Thresholds t) {
        thresholds = t;
        if (!bins.equals(drawn)) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            for (WeightHistogram.Bin b : bins) {
                XYChart.Data<String, Number> d = new XYChart.Data<>(ModelViewModel.binLabel(b.lower()), b.count());
                series.getData().add(d);
            }
            getData().setAll(List.of(series));
            drawn = List.copyOf(bins);
        }
        boolean has = t != null && !bins.isEmpty();
        for (javafx.scene.Node n : new javafx.scene.Node[]{band, lowerLine, upperLine, lowerLabel, upperLabel}) {
            n.setVisible(has);
        }
        if (has) {
            lowerLabel.setText(String.format(Locale.UK, "lower %.2f (P %.2f)", t.lowerWeight(), t.lowerProbability()));
            upperLabel.setText(String.format(Locale.UK, "upper %.2f (P %.4f)", t.upperWeight(), t.upperProbability()));
            setAccessibleText(String.format(Locale.UK, "Histogram of the pairs' match weights; lower threshold %.2f bits "
                    + "(probability %.2f), upper threshold %.2f bits (probability %.4f)", t.lowerWeight(),
                    t.lowerProbability(), t.upperWeight(), t.upperProbability()));
        }
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        if (thresholds != null && !getData().isEmpty()) {
            // the chart sets its bars' style classes itself, so the zones are put on after it
            for (XYChart.Data<String, Number> d : getData().get(0).getData()) {
                int lower = Integer.parseInt(d.getXValue());
                String zone = lower + 1 <= thresholds.lowerWeight() ? "below-lower"
                        : lower >= thresholds.upperWeight() ? "above-upper" : "between";
                if (d.getNode() != null && !d.getNode().getStyleClass().contains(zone)) {
                    d.getNode().getStyleClass().removeAll("below-lower", "between", "above-upper");
                    d.getNode().getStyleClass().add(zone);
                }
            }
        }
        if (thresholds == null || getData().isEmpty() || getData().get(0).getData().isEmpty()) {
            return;
        }
        double height = getYAxis().getHeight();
        double xl = xOf(thresholds.lowerWeight());
        double xu = xOf(thresholds.upperWeight());
        band.setX(Math.min(xl, xu));
        band.setY(0);
        band.setWidth(Math.abs(xu - xl));
        band.setHeight(height);
        for (Line l : new Line[]{lowerLine, upperLine}) {
            double x = l == lowerLine ? xl : xu;
            l.setStartX(x);
            l.setEndX(x);
            l.setStartY(0);
            l.setEndY(height);
        }
        double lw = lowerLabel.prefWidth(-1);
        double lh = lowerLabel.prefHeight(-1);
        lowerLabel.resizeRelocate(Math.max(0, xl - lw - 4), 2, lw, lh);
        double uw = upperLabel.prefWidth(-1);
        upperLabel.resizeRelocate(Math.min(getXAxis().getWidth() - uw, xu + 4), 2 + lh, uw, upperLabel.prefHeight(-1));
    }

    /** Where a weight falls on the category axis: its bin's place, and within the bin in proportion. */
    private double xOf(double weight) {
        CategoryAxis axis = (CategoryAxis) getXAxis();
        ObservableList<String> cats = axis.getCategories();
        int first = Integer.parseInt(cats.get(0));
        int last = Integer.parseInt(cats.get(cats.size() - 1));
        double w = Math.max(first, Math.min(last + 1, weight));
        int bin = (int) Math.min(last, Math.floor(w));
        double centre = axis.getDisplayPosition(ModelViewModel.binLabel(bin));
        return centre + (w - bin - 0.5) * axis.getCategorySpacing();
    }
}
