package org.iomworkbench.ui.match;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.iomworkbench.core.link.Thresholds;
import org.iomworkbench.core.link.WeightHistogram;
import org.iomworkbench.ui.common.Pulses;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The compared pairs' match weights as a histogram of one-bit bins, with the review band between
 * the two thresholds shaded and each threshold drawn as a labelled line. Bars are coloured by
 * what happens to their pairs: not linked, queued for review, linked.
 * <p>
 * Drawn with plain shapes, as the RFSDi histogram is, not with {@code BarChart}: a bar chart's
 * bars are regions with a data item, listeners and style classes of their own each, and the first
 * histogram after a link took 150 ms of the FX thread to build and style (60 bars, code not yet
 * compiled) against 10 ms for rectangles.
 */
public final class WeightHistogramChart extends Region {
    private static final double BOTTOM = 44;
    private static final double TOP = 12;
    private static final double RIGHT = 14;

    private final List<Rectangle> bars = new ArrayList<>();
    private final List<Node> axis = new ArrayList<>();
    private final java.util.Map<String, Label> ticks = new java.util.HashMap<>();
    private final Rectangle band = new Rectangle();
    private final Line lowerLine = new Line();
    private final Line upperLine = new Line();
    private final Label lowerLabel = new Label();
    private final Label upperLabel = new Label();
    private final Line xAxis = new Line();
    private final Line yAxis = new Line();
    private final Label xTitle = new Label("match weight (bits), bins one bit wide");
    private final Label yTitle = new Label("pairs compared");
    private Thresholds thresholds;
    /** The bins the bars show now: a change of the thresholds alone redraws the lines, not the bars. */
    private List<WeightHistogram.Bin> drawn = List.of();

    public WeightHistogramChart() {
        getStyleClass().add("weight-histogram");
        setMinHeight(200);
        setPrefHeight(320);
        setMinWidth(320);
        setPrefWidth(560);
        band.getStyleClass().add("review-band");
        lowerLine.getStyleClass().add("threshold-line");
        upperLine.getStyleClass().add("threshold-line");
        lowerLabel.getStyleClass().add("threshold-label");
        upperLabel.getStyleClass().add("threshold-label");
        xAxis.getStyleClass().add("hist-axis");
        yAxis.getStyleClass().add("hist-axis");
        xTitle.getStyleClass().add("hist-title");
        yTitle.getStyleClass().add("hist-title");
        yTitle.setRotate(-90);
        for (Node n : new Node[]{band, lowerLine, upperLine, lowerLabel, upperLabel, xAxis, yAxis, xTitle, yTitle}) {
            n.setManaged(false);
            n.setMouseTransparent(true);
        }
        getChildren().addAll(band, xAxis, yAxis, xTitle, yTitle, lowerLine, upperLine, lowerLabel, upperLabel);
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

    /** The bins drawn now, lowest first. */
    List<WeightHistogram.Bin> drawn() {
        return drawn;
    }

    private void show(ObservableList<WeightHistogram.Bin> bins, Thresholds t) {
        thresholds = t;
        if (!bins.equals(drawn)) {
            drawn = List.copyOf(bins);
            getChildren().removeAll(ticks.values());
            ticks.clear();
            getChildren().removeAll(bars);
            bars.clear();
            for (int i = 0; i < drawn.size(); i++) {
                Rectangle r = new Rectangle();
                r.getStyleClass().add("wh-bar");
                r.setManaged(false);
                r.setMouseTransparent(true);
                bars.add(r);
            }
            // above the review band, below the axes and the threshold lines
            getChildren().addAll(1, bars);
        }
        if (t != null && !bins.isEmpty()) {
            lowerLabel.setText(String.format(Locale.UK, "lower %.2f (P %.2f)", t.lowerWeight(), t.lowerProbability()));
            upperLabel.setText(String.format(Locale.UK, "upper %.2f (P %.4f)", t.upperWeight(), t.upperProbability()));
            setAccessibleText(String.format(Locale.UK, "Histogram of the pairs' match weights; lower threshold %.2f bits "
                    + "(probability %.2f), upper threshold %.2f bits (probability %.4f)", t.lowerWeight(),
                    t.lowerProbability(), t.upperWeight(), t.upperProbability()));
        }
        requestLayout();
    }

    /** The zone of a bin's pairs: below the lower threshold, between the two, at or above the upper. */
    static String zone(int lower, Thresholds t) {
        return lower + 1 <= t.lowerWeight() ? "below-lower" : lower >= t.upperWeight() ? "above-upper" : "between";
    }

    @Override
    protected void layoutChildren() {
        getChildren().removeAll(axis);
        axis.clear();
        boolean has = !drawn.isEmpty();
        for (Node n : getChildren()) {
            n.setVisible(has);
        }
        for (Label l : ticks.values()) {
            l.setVisible(false);
        }
        if (!has) {
            return;
        }
        int first = drawn.get(0).lower();
        int last = drawn.get(drawn.size() - 1).lower();
        long max = 1;
        for (WeightHistogram.Bin b : drawn) {
            max = Math.max(max, b.count());
        }
        long step = niceStep(max);
        // round numbers up the value axis, with room above the highest bar for the threshold labels
        long top = step * (max / step + 1);
        double yw = yTitle.prefWidth(-1);
        double yh = yTitle.prefHeight(-1);
        List<Label> values = new ArrayList<>();
        double widest = 0;
        for (long v = 0; v <= top; v += step) {
            Label l = tick("y", String.format(Locale.UK, "%,d", v));
            values.add(l);
            widest = Math.max(widest, l.prefWidth(-1));
        }
        double left = 2 + yh + 6 + widest + 6;
        double w = Math.max(1, getWidth() - left - RIGHT);
        double base = getHeight() - BOTTOM;
        double plotH = Math.max(1, base - TOP);
        double slot = w / (last - first + 1);
        for (int i = 0; i < values.size(); i++) {
            double y = base - i * step / (double) top * plotH;
            Line grid = new Line(left, y, left + w, y);
            grid.getStyleClass().add("wh-grid");
            grid.setManaged(false);
            // behind the review band and the bars
            getChildren().add(0, grid);
            axis.add(grid);
            Label l = values.get(i);
            double lw = l.prefWidth(-1);
            double lh = l.prefHeight(-1);
            l.resizeRelocate(left - lw - 6, y - lh / 2, lw, lh);
        }
        // the weight axis: a label every 1, 2, 5, 10, ... bins, as many as fit
        Label probe = tick("probe", Integer.toString(Math.min(first, -10)));
        double labelWidth = probe.prefWidth(-1) + 10;
        probe.setVisible(false);
        int every = 1;
        for (int m = 0; every * slot < labelWidth; m++) {
            every = new int[]{1, 2, 5}[m % 3] * (int) Math.pow(10, m / 3);
        }
        for (int k = first; k <= last; k++) {
            if (Math.floorMod(k, every) != 0) {
                continue;
            }
            double x = left + (k - first + 0.5) * slot;
            Line mark = new Line(x, base, x, base + 4);
            mark.getStyleClass().add("hist-axis");
            mark.setManaged(false);
            getChildren().add(mark);
            axis.add(mark);
            Label l = tick("x", ModelViewModel.binLabel(k));
            double lw = l.prefWidth(-1);
            l.resizeRelocate(x - lw / 2, base + 5, lw, l.prefHeight(-1));
        }
        for (int i = 0; i < bars.size(); i++) {
            WeightHistogram.Bin b = drawn.get(i);
            double x = left + (b.lower() - first) * slot;
            double h = b.count() / (double) top * plotH;
            Rectangle r = bars.get(i);
            r.setX(x + 0.5);
            r.setY(base - h);
            r.setWidth(Math.max(1, slot - 1));
            r.setHeight(h);
            String zone = thresholds == null ? "below-lower" : zone(b.lower(), thresholds);
            if (!r.getStyleClass().contains(zone)) {
                r.getStyleClass().setAll("wh-bar", zone);
            }
        }
        place(xAxis, left, base, left + w, base);
        place(yAxis, left, TOP, left, base);
        double xw = xTitle.prefWidth(-1);
        double xh = xTitle.prefHeight(-1);
        xTitle.resizeRelocate(left + (w - xw) / 2, getHeight() - xh - 2, xw, xh);
        // rotated about its centre: placed so that it stands at the left edge, centred on the plot
        yTitle.resizeRelocate(yh / 2 + 2 - yw / 2, TOP + plotH / 2 - yh / 2, yw, yh);

        boolean lines = thresholds != null;
        for (Node n : new Node[]{band, lowerLine, upperLine, lowerLabel, upperLabel}) {
            n.setVisible(lines);
        }
        if (!lines) {
            return;
        }
        double xl = xOf(thresholds.lowerWeight(), first, last, left, slot);
        double xu = xOf(thresholds.upperWeight(), first, last, left, slot);
        band.setX(Math.min(xl, xu));
        band.setY(TOP);
        band.setWidth(Math.abs(xu - xl));
        band.setHeight(plotH);
        place(lowerLine, xl, TOP, xl, base);
        place(upperLine, xu, TOP, xu, base);
        double lw = lowerLabel.prefWidth(-1);
        double lh = lowerLabel.prefHeight(-1);
        lowerLabel.resizeRelocate(Math.max(left, xl - lw - 4), TOP + 2, lw, lh);
        double uw = upperLabel.prefWidth(-1);
        upperLabel.resizeRelocate(Math.min(left + w - uw, xu + 4), TOP + 2 + lh, uw, upperLabel.prefHeight(-1));
    }

    private static void place(Line l, double startX, double startY, double endX, double endY) {
        l.setStartX(startX);
        l.setStartY(startY);
        l.setEndX(endX);
        l.setEndY(endY);
    }

    /** Where a weight falls: within its one-bit bin in proportion, held to the bins drawn. */
    private static double xOf(double weight, int first, int last, double left, double slot) {
        double v = Math.max(first, Math.min(last + 1, weight));
        return left + (v - first) * slot;
    }

    /** A round step (1, 2 or 5 times a power of ten): three to eight steps up to {@code max}. */
    static long niceStep(long max) {
        double raw = Math.max(1, max) / 8.0;
        long pow = 1;
        while (pow * 10 <= raw) {
            pow *= 10;
        }
        for (long m : new long[]{1, 2, 5, 10}) {
            if (pow * m >= raw) {
                return pow * m;
            }
        }
        return pow * 10;
    }

    /**
     * A tick label, shown until the next layout. Labels are kept by axis and text and styled once: a
     * layout (every resize, every move of a threshold) hides them all and shows and places again
     * those it needs.
     */
    private Label tick(String axisName, String text) {
        String key = axisName + " " + text;
        Label l = ticks.get(key);
        if (l == null) {
            l = new Label(text);
            l.getStyleClass().add("hist-tick");
            l.setManaged(false);
            l.setMouseTransparent(true);
            ticks.put(key, l);
            getChildren().add(l);
            l.applyCss();
        }
        l.setVisible(true);
        return l;
    }
}
