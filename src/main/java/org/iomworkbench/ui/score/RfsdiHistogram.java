package org.iomworkbench.ui.score;

import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.iomworkbench.core.score.Band;
import org.iomworkbench.core.score.Cutoffs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The positive RFSDi values as a histogram on a log10 axis, bars coloured by band, with the four
 * cut-offs drawn as labelled lines. A cut-off line can be dragged sideways: the new values are
 * handed on while dragging, so the bands follow the line.
 */
public final class RfsdiHistogram extends Region {
    private static final double LEFT = 56;
    private static final double BOTTOM = 40;
    private static final double TOP = 34;
    private static final double RIGHT = 14;
    private static final double HANDLE = 12;

    private final List<Rectangle> bars = new ArrayList<>();
    private final List<Node> axis = new ArrayList<>();
    private final Line[] lines = new Line[4];
    private final Label[] labels = new Label[4];
    private final Rectangle[] handles = new Rectangle[4];
    private final Line xAxis = new Line();
    private final Line yAxis = new Line();
    private final Label xTitle = new Label("RFSDi (log10 scale; persons with RFSDi 0 not shown)");
    private final Label yTitle = new Label("persons");
    private ScoresViewModel.Histogram histogram;
    private double[] cutoffs;
    private double lo;
    private double hi;
    private Consumer<double[]> onCutoffsDragged = c -> { };

    public RfsdiHistogram() {
        getStyleClass().add("rfsdi-histogram");
        setMinHeight(240);
        setPrefHeight(280);
        setMinWidth(320);
        setPrefWidth(560);
        xAxis.getStyleClass().add("hist-axis");
        yAxis.getStyleClass().add("hist-axis");
        xTitle.getStyleClass().add("hist-title");
        yTitle.getStyleClass().add("hist-title");
        getChildren().addAll(xAxis, yAxis, xTitle, yTitle);
        for (int i = 0; i < 4; i++) {
            int k = i;
            lines[i] = new Line();
            lines[i].getStyleClass().add("threshold-line");
            lines[i].setMouseTransparent(true);
            labels[i] = new Label();
            labels[i].getStyleClass().add("threshold-label");
            labels[i].setMouseTransparent(true);
            handles[i] = new Rectangle();
            handles[i].getStyleClass().add("cutoff-handle");
            handles[i].setCursor(Cursor.H_RESIZE);
            handles[i].setOnMouseDragged(e -> drag(k, e.getX()));
            getChildren().addAll(lines[i], labels[i], handles[i]);
        }
        setAccessibleText("Histogram of the RFSDi values on a log10 scale with the four cut-offs");
    }

    /** Called with the four cut-offs while a line is dragged. */
    public void setOnCutoffsDragged(Consumer<double[]> action) {
        this.onCutoffsDragged = action;
    }

    public void show(ScoresViewModel.Histogram h, Cutoffs c) {
        histogram = h;
        cutoffs = c == null ? null : c.toArray();
        getChildren().removeAll(bars);
        bars.clear();
        if (h != null) {
            for (int i = 0; i < h.counts().length; i++) {
                Rectangle r = new Rectangle();
                r.getStyleClass().add("hist-bar");
                r.setMouseTransparent(true);
                bars.add(r);
            }
            getChildren().addAll(0, bars);
        }
        if (h != null && c != null) {
            setAccessibleText(String.format(Locale.ROOT, "Histogram of the positive RFSDi values on a log10 scale; "
                    + "%d persons with RFSDi 0 not shown; cut-offs %s, %s, %s and %s", h.zeros(),
                    ScoresController.number(c.c1()), ScoresController.number(c.c2()), ScoresController.number(c.c3()),
                    ScoresController.number(c.c4())));
        }
        requestLayout();
    }

    private void drag(int k, double x) {
        if (cutoffs == null) {
            return;
        }
        double v = Math.pow(10, logAt(x));
        double below = k == 0 ? 0 : cutoffs[k - 1];
        double above = k == 3 ? Double.POSITIVE_INFINITY : cutoffs[k + 1];
        // strictly between its neighbours, as cut-offs set by value must be
        v = Math.max(Math.nextUp(below * 1.001), Math.min(v, above / 1.001));
        if (!(v > below && v < above)) {
            return;
        }
        cutoffs[k] = v;
        requestLayout();
        onCutoffsDragged.accept(cutoffs.clone());
    }

    private double plotWidth() {
        return Math.max(1, getWidth() - LEFT - RIGHT);
    }

    private double xOf(double log) {
        return LEFT + (log - lo) / (hi - lo) * plotWidth();
    }

    private double logAt(double x) {
        return lo + (x - LEFT) / plotWidth() * (hi - lo);
    }

    @Override
    protected void layoutChildren() {
        getChildren().removeAll(axis);
        axis.clear();
        boolean has = histogram != null && histogram.counts().length > 0;
        for (Node n : getChildren()) {
            n.setVisible(has || n == xTitle);
        }
        if (!has) {
            xTitle.setText("No person has a positive RFSDi.");
            xTitle.resizeRelocate(LEFT, TOP, xTitle.prefWidth(-1), xTitle.prefHeight(-1));
            return;
        }
        xTitle.setText("RFSDi, log10 scale (" + histogram.zeros() + " persons with RFSDi 0 not shown)");
        lo = histogram.firstLog10();
        hi = histogram.lastLog10();
        if (cutoffs != null) {
            for (double c : cutoffs) {
                if (c > 0) {
                    lo = Math.min(lo, Math.log10(c) - 0.1);
                    hi = Math.max(hi, Math.log10(c) + 0.1);
                }
            }
        }
        double h = getHeight();
        double base = h - BOTTOM;
        double plotH = Math.max(1, base - TOP);
        long max = 1;
        for (long n : histogram.counts()) {
            max = Math.max(max, n);
        }
        for (int i = 0; i < bars.size(); i++) {
            double l = histogram.firstLog10() + i * histogram.binWidth();
            double x0 = xOf(l);
            double x1 = xOf(l + histogram.binWidth());
            double bh = histogram.counts()[i] / (double) max * plotH;
            Rectangle r = bars.get(i);
            r.setX(x0 + 0.5);
            r.setY(base - bh);
            r.setWidth(Math.max(1, x1 - x0 - 1));
            r.setHeight(bh);
            double mid = Math.pow(10, l + histogram.binWidth() / 2);
            int band = cutoffs == null ? 0 : bandOf(mid);
            r.getStyleClass().setAll("hist-bar", "hist-bar-" + Band.of(band).name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        xAxis.setStartX(LEFT);
        xAxis.setEndX(LEFT + plotWidth());
        xAxis.setStartY(base);
        xAxis.setEndY(base);
        yAxis.setStartX(LEFT);
        yAxis.setEndX(LEFT);
        yAxis.setStartY(TOP);
        yAxis.setEndY(base);
        for (int d = (int) Math.ceil(lo); d <= Math.floor(hi); d++) {
            double x = xOf(d);
            Line tick = new Line(x, base, x, base + 4);
            tick.getStyleClass().add("hist-axis");
            getChildren().add(tick);
            Label t = tickLabel(d >= -4 && d <= 6 ? BigDecimal.ONE.scaleByPowerOfTen(d).toPlainString() : "1e" + d);
            double tw = t.prefWidth(-1);
            t.resizeRelocate(x - tw / 2, base + 5, tw, t.prefHeight(-1));
            axis.add(tick);
            axis.add(t);
        }
        for (long v : new long[]{0, max / 2, max}) {
            double y = base - v / (double) max * plotH;
            Label t = tickLabel(String.format(Locale.ROOT, "%,d", v));
            double tw = t.prefWidth(-1);
            double th = t.prefHeight(-1);
            t.resizeRelocate(LEFT - tw - 6, y - th / 2, tw, th);
            axis.add(t);
        }
        double xw = xTitle.prefWidth(-1);
        xTitle.resizeRelocate(LEFT + (plotWidth() - xw) / 2, h - xTitle.prefHeight(-1) - 2, xw, xTitle.prefHeight(-1));
        yTitle.resizeRelocate(2, 2, yTitle.prefWidth(-1), yTitle.prefHeight(-1));
        for (int i = 0; i < 4; i++) {
            boolean shown = cutoffs != null && cutoffs[i] > 0;
            lines[i].setVisible(shown);
            labels[i].setVisible(shown);
            handles[i].setVisible(shown);
            if (!shown) {
                continue;
            }
            double x = xOf(Math.log10(cutoffs[i]));
            lines[i].setStartX(x);
            lines[i].setEndX(x);
            lines[i].setStartY(TOP - 4);
            lines[i].setEndY(base);
            handles[i].setX(x - HANDLE / 2);
            handles[i].setY(TOP - 4);
            handles[i].setWidth(HANDLE);
            handles[i].setHeight(base - TOP + 4);
            labels[i].setText("c" + (i + 1) + " " + ScoresController.number(cutoffs[i]));
            double lw = labels[i].prefWidth(-1);
            double lh = labels[i].prefHeight(-1);
            // alternate heights so that close cut-offs do not write over each other
            labels[i].resizeRelocate(Math.min(getWidth() - lw, Math.max(0, x - lw / 2)), (i % 2 == 0 ? 0 : lh) + 1, lw, lh);
        }
    }

    private int bandOf(double r) {
        return r >= cutoffs[3] ? 4 : r >= cutoffs[2] ? 3 : r >= cutoffs[1] ? 2 : r >= cutoffs[0] ? 1 : 0;
    }

    private Label tickLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hist-tick");
        getChildren().add(l);
        l.applyCss();
        return l;
    }
}
