package org.iomworkbench.core.model;

import java.util.List;

/**
 * Predictions laid out as columns, in the order given: what evaluation reads (the probability,
 * the outcome, the audit groups and the band at T).
 */
public record PredictionColumns(double[] score, boolean[] label, String[] ethnicity, String[] gender, String[] ageBand,
                                String[] band) {

    /** A row without a known outcome counts as not escalating. */
    public static PredictionColumns of(List<Prediction> rows) {
        int n = rows.size();
        double[] score = new double[n];
        boolean[] label = new boolean[n];
        String[] eth = new String[n];
        String[] gender = new String[n];
        String[] age = new String[n];
        String[] band = new String[n];
        for (int i = 0; i < n; i++) {
            Prediction x = rows.get(i);
            score[i] = x.pEscalate();
            label[i] = Boolean.TRUE.equals(x.escalates());
            eth[i] = x.ethnicity();
            gender[i] = x.gender();
            age[i] = x.ageBand();
            band[i] = x.band();
        }
        return new PredictionColumns(score, label, eth, gender, age, band);
    }

    public int size() {
        return score.length;
    }
}
