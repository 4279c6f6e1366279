package org.iomworkbench.ui.score;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.shape.Rectangle;

import java.util.Locale;
import java.util.TreeSet;

/**
 * One offence's contribution to S against the days since it was committed, with the
 * illustrated prison stay shaded: the curve is flat there, as the clock stops at the entry.
 */
public final class DecayChart extends LineChart<Number, Number> {
    private static final int POINTS = 400;
    private final Rectangle prison = new Rectangle();
    private final Label prisonLabel = new Label("in prison: the clock stops");
    private DecayCurve curve;

    public DecayChart() {
        super(new NumberAxis(), new NumberAxis());
        getStyleClass().add("decay-chart");
        setLegendVisible(false);
        setAnimated(false);
        setCreateSymbols(false);
        getXAxis().setLabel("days since the offence (as-at date − offence date)");
        getYAxis().setLabel("contribution to S");
        prison.getStyleClass().add("prison-stay");
        prisonLabel.getStyleClass().add("prison-label");
        prison.setManaged(false);
        prisonLabel.setManaged(false);
        prison.setMouseTransparent(true);
        prisonLabel.setMouseTransparent(true);
        getPlotChildren().add(0, prison);
        getPlotChildren().add(prisonLabel);
        setMinHeight(240);
        setPrefHeight(300);
    }

    public void show(DecayCurve c) {
        curve = c;
        if (c == null) {
            getData().clear();
            return;
        }
        int span = c.span();
        TreeSet<Integer> days = new TreeSet<>();
        int step = Math.max(1, span / POINTS);
        for (int t = 0; t <= span; t += step) {
            days.add(t);
        }
        // the corners of the flat stretch and of the drop at release
        for (int t : new int[]{c.prisonFrom(), c.prisonTo() - 1, c.prisonTo(), span}) {
            if (t >= 0 && t <= span) {
                days.add(t);
            }
        }
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        for (int t : days) {
            series.getData().add(new XYChart.Data<>(t, c.contribution(t)));
        }
        getData().setAll(java.util.List.of(series));
        setAccessibleText(String.format(Locale.ROOT, "Contribution of one %s offence (h = %.3f) against its age at a "
                + "half-life of %s days; in prison from day %d to day %d the clock stops", c.code(), c.h(),
                ScoresViewModel.days(c.halfLifeDays()), c.prisonFrom(), c.prisonTo()));
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        boolean has = curve != null && curve.prisonTo() > curve.prisonFrom();
        prison.setVisible(has);
        prisonLabel.setVisible(has);
        if (!has) {
            return;
        }
        NumberAxis x = (NumberAxis) getXAxis();
        double x0 = x.getDisplayPosition(curve.prisonFrom());
        double x1 = x.getDisplayPosition(curve.prisonTo());
        prison.setX(x0);
        prison.setY(0);
        prison.setWidth(Math.max(1, x1 - x0));
        prison.setHeight(getYAxis().getHeight());
        double w = prisonLabel.prefWidth(-1);
        prisonLabel.resizeRelocate(Math.max(0, Math.min(x.getWidth() - w, (x0 + x1 - w) / 2)), 4, w, prisonLabel.prefHeight(-1));
    }
}
