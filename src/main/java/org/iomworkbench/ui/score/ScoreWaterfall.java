package org.iomworkbench.ui.score;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One person's RFSDi built up from S: a bar for S, then one bar per flag or trend from where the
 * score stood to where its weight took it, then the RFSDi, with the cut-offs that fall in range.
 */
public final class ScoreWaterfall extends Region {
    private static final double NAME_WIDTH = 170;
    private static final double VALUE_WIDTH = 150;
    private static final double ROW = 26;
    private static final double TOP = 32;

    private record Bar(String name, double from, double to, String kind, String text) {
    }

    private final List<Bar> bars = new ArrayList<>();
    private double[] cutoffs = new double[0];

    public ScoreWaterfall() {
        getStyleClass().add("waterfall");
        setAccessibleText("Waterfall from S to the RFSDi");
    }

    public void show(ScoresViewModel.Explanation e) {
        bars.clear();
        cutoffs = new double[0];
        if (e != null) {
            bars.add(new Bar("S (base harm)", 0, e.s(), "prior", ScoresController.number(e.s())));
            for (ScoresViewModel.Factor f : e.factors()) {
                String kind = f.multiplier() > 1 ? "positive" : f.multiplier() < 1 ? "negative" : "none";
                bars.add(new Bar(f.name() + " = " + f.x(), f.before(), f.after(), kind,
                        f.multiplier() == 1 ? "× 1" : "× " + ScoresController.number(f.multiplier())));
            }
            bars.add(new Bar("RFSDi", 0, e.rfsdi(), "total", ScoresController.number(e.rfsdi()) + "  " + e.band()));
            cutoffs = e.config().cutoffs().toArray();
            setAccessibleText(String.format(Locale.ROOT, "Waterfall from S %s to RFSDi %s, band %s",
                    ScoresController.number(e.s()), ScoresController.number(e.rfsdi()), e.band()));
        }
        setPrefHeight(TOP + ROW * bars.size() + 8);
        setMinHeight(getPrefHeight());
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        getChildren().clear();
        if (bars.isEmpty()) {
            return;
        }
        double max = 0;
        for (Bar b : bars) {
            max = Math.max(max, Math.max(b.from(), b.to()));
        }
        max = max <= 0 ? 1 : max * 1.05;
        double plot = Math.max(40, getWidth() - NAME_WIDTH - VALUE_WIDTH);
        double scale = plot / max;
        int row = 0;
        for (Bar b : bars) {
            double y = TOP + row * ROW;
            Label name = new Label(b.name());
            name.getStyleClass().add("wf-label");
            add(name, 0, y + 4, NAME_WIDTH - 8);
            double x0 = NAME_WIDTH + Math.min(b.from(), b.to()) * scale;
            double w = Math.max(1.5, Math.abs(b.to() - b.from()) * scale);
            Rectangle r = new Rectangle(x0, y + 4, w, ROW - 8);
            r.getStyleClass().addAll("wf-bar", b.kind());
            getChildren().add(r);
            Label value = new Label(b.text());
            value.getStyleClass().add("wf-value");
            add(value, NAME_WIDTH + Math.max(b.from(), b.to()) * scale + 6, y + 4, VALUE_WIDTH);
            row++;
        }
        double bottom = TOP + row * ROW;
        for (int i = 0; i < cutoffs.length; i++) {
            if (cutoffs[i] <= 0 || cutoffs[i] > max) {
                continue;
            }
            double x = NAME_WIDTH + cutoffs[i] * scale;
            Line l = new Line(x, TOP - 2, x, bottom);
            l.getStyleClass().add("wf-threshold");
            getChildren().add(l);
            Label t = new Label("c" + (i + 1));
            t.getStyleClass().add("wf-threshold-label");
            // alternate heights so that close cut-offs do not write over each other
            add(t, x - 6, i % 2 == 0 ? 0 : 14, 40);
        }
    }

    private void add(Label l, double x, double y, double maxWidth) {
        getChildren().add(l);
        l.applyCss();
        double w = Math.min(maxWidth, l.prefWidth(-1));
        l.resizeRelocate(x, y, w, l.prefHeight(-1));
    }
}
