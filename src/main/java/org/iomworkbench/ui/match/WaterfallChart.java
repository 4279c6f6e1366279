package org.iomworkbench.ui.match;

import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal waterfall of one pair's match weight: the prior, then one bar per field from
 * where the weight stood to where that field moved it, then the final weight, on one axis of
 * bits with the two thresholds marked. Colours come from the theme's stylesheet.
 */
public final class WaterfallChart extends Region {
    private final List<Row> rows = new ArrayList<>();
    private final List<Label> ticks = new ArrayList<>();
    private final List<Line> tickLines = new ArrayList<>();
    private final Line zero = line("wf-zero");
    private final Line lowerLine = line("wf-threshold");
    private final Line upperLine = line("wf-threshold");
    private final Label lowerLabel = label("wf-threshold-label");
    private final Label upperLabel = label("wf-threshold-label");
    private ReviewQueueViewModel.Waterfall data;
    private double min;
    private double max;

    public WaterfallChart() {
        getStyleClass().add("waterfall");
        setAccessibleText("Waterfall chart of each field's contribution to the match weight");
    }

    public void show(ReviewQueueViewModel.Waterfall w) {
        data = w;
        getChildren().clear();
        rows.clear();
        ticks.clear();
        tickLines.clear();
        if (w == null) {
            requestLayout();
            return;
        }
        min = Math.min(0, Math.min(w.lower(), w.upper()));
        max = Math.max(0, Math.max(w.lower(), w.upper()));
        for (ReviewQueueViewModel.Step s : w.steps()) {
            min = Math.min(min, Math.min(s.start(), s.end()));
            max = Math.max(max, Math.max(s.start(), s.end()));
            String kind = s.prior() ? "prior" : s.change() >= 0 ? "positive" : "negative";
            rows.add(new Row(s.label(), s.level(), s.start(), s.end(), kind,
                    s.prior() ? weight(s.end()) : String.format(Locale.UK, "%+.2f", s.change())));
        }
        rows.add(new Row("Match weight", String.format(Locale.UK, "P = %.4f", w.probability()), 0, w.weight(), "total",
                weight(w.weight())));
        min = Math.floor(min - 0.5);
        max = Math.ceil(max + 0.5);
        for (int t = tickStart(); t <= max; t += tickStep()) {
            Line l = line("wf-grid");
            tickLines.add(l);
            Label tl = label("wf-tick");
            tl.setText(Integer.toString(t));
            ticks.add(tl);
        }
        getChildren().addAll(tickLines);
        getChildren().addAll(zero, lowerLine, upperLine);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            getChildren().addAll(r.name, r.level, r.bar, r.value);
            if (i > 0) {
                getChildren().add(r.connector);
            }
        }
        lowerLabel.setText(String.format(Locale.UK, "review from %.2f", w.lower()));
        upperLabel.setText(String.format(Locale.UK, "link from %.2f", w.upper()));
        getChildren().addAll(lowerLabel, upperLabel);
        getChildren().addAll(ticks);
        StringBuilder text = new StringBuilder("Match weight, field by field: ");
        for (Row r : rows) {
            text.append(r.name.getText()).append(' ').append(r.level.getText()).append(' ').append(r.value.getText()).append("; ");
        }
        setAccessibleText(text.toString());
        requestLayout();
    }

    private int tickStep() {
        double span = max - min;
        return span <= 12 ? 1 : span <= 30 ? 2 : span <= 60 ? 5 : 10;
    }

    private int tickStart() {
        int step = tickStep();
        return (int) Math.ceil(min / step) * step;
    }

    private static String weight(double w) {
        return String.format(Locale.UK, "%.2f", w);
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + snappedBottomInset() + (rows.size() + 2) * rowHeight();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 560;
    }

    private double rowHeight() {
        return Math.ceil(lowerLabel.getFont().getSize() * 1.8);
    }

    @Override
    protected void layoutChildren() {
        if (data == null) {
            return;
        }
        double rh = rowHeight();
        double left = snappedLeftInset();
        double top = snappedTopInset() + rh;
        double nameW = 0;
        double levelW = 0;
        double valueW = 0;
        for (Row r : rows) {
            nameW = Math.max(nameW, r.name.prefWidth(-1));
            levelW = Math.max(levelW, r.level.prefWidth(-1));
            valueW = Math.max(valueW, r.value.prefWidth(-1));
        }
        double gap = rh * 0.4;
        double plotX = left + nameW + gap + levelW + gap;
        double plotW = Math.max(40, getWidth() - snappedRightInset() - valueW - gap - plotX);
        double bottom = top + rows.size() * rh;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double y = top + i * rh;
            layoutInArea(r.name, left, y, nameW, rh, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(r.level, left + nameW + gap, y, levelW, rh, 0, HPos.LEFT, VPos.CENTER);
            double x0 = x(Math.min(r.start, r.end), plotX, plotW);
            double x1 = x(Math.max(r.start, r.end), plotX, plotW);
            r.bar.setX(x0);
            r.bar.setY(y + rh * 0.18);
            r.bar.setWidth(Math.max(1.5, x1 - x0));
            r.bar.setHeight(rh * 0.64);
            layoutInArea(r.value, plotX + plotW + gap, y, valueW, rh, 0, HPos.RIGHT, VPos.CENTER);
            if (i > 0) {
                double xc = x(r.start, plotX, plotW);
                r.connector.setStartX(xc);
                r.connector.setEndX(xc);
                r.connector.setStartY(y - rh * 0.18);
                r.connector.setEndY(y + rh * 0.18);
            }
        }
        vertical(zero, x(0, plotX, plotW), top, bottom);
        vertical(lowerLine, x(data.lower(), plotX, plotW), top - rh * 0.3, bottom);
        vertical(upperLine, x(data.upper(), plotX, plotW), top - rh * 0.3, bottom);
        placeAbove(lowerLabel, x(data.lower(), plotX, plotW), top - rh, rh, HPos.RIGHT, plotX, plotW);
        placeAbove(upperLabel, x(data.upper(), plotX, plotW), top - rh, rh, HPos.LEFT, plotX, plotW);
        // thresholds close together (or the upper one pushed left at the plot's edge): the lower
        // label moves left of the upper one, into the empty row above the field names if need be
        double lowerW = lowerLabel.prefWidth(-1);
        if (lowerLabel.getLayoutX() + lowerW + gap > upperLabel.getLayoutX()) {
            double at = Math.max(left, upperLabel.getLayoutX() - gap - lowerW);
            lowerLabel.resizeRelocate(at, top - rh, lowerW, rh);
        }
        int t = tickStart();
        for (int i = 0; i < ticks.size(); i++, t += tickStep()) {
            double xt = x(t, plotX, plotW);
            vertical(tickLines.get(i), xt, top, bottom);
            Label l = ticks.get(i);
            double w = l.prefWidth(-1);
            l.resizeRelocate(xt - w / 2, bottom + 2, w, rh);
        }
    }

    /** A threshold's label next to its line: to the left of the line or to the right, kept inside the plot. */
    private static void placeAbove(Label l, double x, double y, double h, HPos side, double plotX, double plotW) {
        double w = l.prefWidth(-1);
        double at = side == HPos.RIGHT ? x - w - 4 : x + 4;
        at = Math.max(plotX - w / 2, Math.min(plotX + plotW - w, at));
        l.resizeRelocate(at, y, w, h);
    }

    private double x(double bits, double plotX, double plotW) {
        return plotX + (bits - min) / (max - min) * plotW;
    }

    private static void vertical(Line l, double x, double y0, double y1) {
        l.setStartX(x);
        l.setEndX(x);
        l.setStartY(y0);
        l.setEndY(y1);
    }

    private static Line line(String style) {
        Line l = new Line();
        l.getStyleClass().add(style);
        l.setManaged(false);
        return l;
    }

    private static Label label(String style) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** One bar with its labels and the connector from the bar before. */
    private static final class Row {
        final Label name = label("wf-name");
        final Label level = label("wf-level");
        final Label value = label("wf-value");
        final Rectangle bar = new Rectangle();
        final Line connector = line("wf-connector");
        final double start;
        final double end;

        Row(String name, String level, double start, double end, String kind, String value) {
            this.name.setText(name);
            this.level.setText(level);
            this.value.setText(value);
            this.start = start;
            this.end = end;
            bar.getStyleClass().addAll("wf-bar", kind);
            bar.setManaged(false);
        }
    }
}
