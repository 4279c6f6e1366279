package org.iomworkbench.core.model.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole validation as one self-contained HTML page (a model card): what was evaluated and
 * on which data, the settings, the headline metrics with their intervals, the confusion matrix at
 * the threshold, the ROC, precision–recall and calibration charts (inline SVG), the fairness
 * tables, and the limitations. No script, no external file: it opens anywhere and can be
 * archived with a publication.
 */
public final class ValidationReport {
    public static final List<String> SECTIONS = List.of("What was evaluated", "Settings", "Metrics", "Threshold",
            "Charts", "Fairness", "Limitations");

    private ValidationReport() {
    }

    /**
     * @param facts    what was evaluated (data snapshot, run, file and its SHA-256…), shown as a table
     * @param settings the settings behind it (model configuration, scoring configuration…), as a table
     * @param groups   group column → each row's value
     */
    public static String html(String title, Map<String, ?> facts, Map<String, ?> settings, double[] score, boolean[] label,
                              Map<String, String[]> groups, double threshold, Double targetSpecificity, int reps, long seed) {
        boolean prob = Evaluation.probabilities(score);
        ThresholdSweep sweep = new ThresholdSweep(score, label);
        Confusion c = sweep.at(threshold);
        Bootstrap.Result b = Bootstrap.run(score, label, threshold, targetSpecificity == null ? 0 : targetSpecificity, reps, seed);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#1b1f24}"
                        + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #c8ccd2;padding:.25em .6em;"
                        + "text-align:right}th{background:#eef0f3}td:first-child,th:first-child{text-align:left}"
                        + ".warn{color:#b3261e}svg{border:1px solid #c8ccd2;margin:.5em 1em .5em 0}</style></head><body>");
        h.append("<h1>").append(esc(title)).append("</h1>");
        h.append("<h2>What was evaluated</h2>").append(table(facts));
        h.append("<h2>Settings</h2>").append(table(settings));
        h.append("<h2>Metrics</h2><table><tr><th>metric</th><th>value</th><th>95% interval</th></tr>");
        row(h, "people", Long.toString(score.length), "");
        row(h, "with the outcome (base rate)", sweep.positives() + " (" + f(c.baseRate()) + ")", "");
        row(h, "AUC (Mann–Whitney, ties ½)", f(BinaryMetrics.auc(score, label)), ci(b.auc()));
        row(h, "average precision", f(BinaryMetrics.averagePrecision(score, label)), "");
        if (prob) {
            row(h, "Brier score", f(BinaryMetrics.brier(score, label)), "");
            row(h, "expected calibration error (10 bins)", f(Calibration.ece(score, label, 10)), "");
        }
        h.append("</table><p>Intervals: percentile bootstrap, ").append(reps).append(" resamples, seed ").append(seed)
                .append(".</p>");
        h.append("<h2>Threshold</h2><p>Flagged when the score is at least ").append(f(threshold)).append(".</p>");
        h.append("<table><tr><th></th><th>had the outcome</th><th>did not</th></tr><tr><td>flagged</td><td>").append(c.tp())
                .append("</td><td>").append(c.fp()).append("</td></tr><tr><td>not flagged</td><td>").append(c.fn())
                .append("</td><td>").append(c.tn()).append("</td></tr></table>");
        h.append("<table><tr><th>rate</th><th>value</th><th>95% interval</th></tr>");
        row(h, "specificity", f(c.specificity()), ci(b.specificity()));
        row(h, "sensitivity", f(c.sensitivity()), ci(b.sensitivity()));
        row(h, "precision (PPV)", f(c.ppv()), ci(b.ppv()));
        row(h, "NPV", f(c.npv()), ci(b.npv()));
        row(h, "people flagged", Long.toString(c.flagged()), ci(b.flagged()));
        if (targetSpecificity != null) {
            row(h, "P(specificity ≥ " + f(targetSpecificity) + ")", f(b.pSpecificityMet()), "");
        }
        h.append("</table>");
        h.append("<h2>Charts</h2>");
        h.append(svg("ROC", "false positive rate", "sensitivity", sweep.roc(), true));
        h.append(svg("Precision–recall", "recall", "precision", sweep.precisionRecall(), false));
        if (prob) {
            List<ThresholdSweep.Point> cal = Calibration.bins(score, label, 10).stream().filter(x -> x.n() > 0)
                    .map(x -> new ThresholdSweep.Point(x.meanPredicted(), x.observedRate(), x.lo())).toList();
            h.append(svg("Calibration", "mean predicted", "observed rate", cal, true));
        }
        h.append("<h2>Fairness</h2><p>Each group at the same threshold. When base rates differ between groups, a "
                + "score cannot have equal false positive and false negative rates across them and be equally calibrated "
                + "(equal precision) in each at once; both are shown. The reference is the largest group. Groups marked "
                + "<span class=\"warn\">too small</span> have fewer than 50 people or fewer than 10 with or without the "
                + "outcome: their rates are not to be judged.</p>");
        groups.forEach((col, values) -> {
            List<GroupBreakdown.Group> gs = GroupBreakdown.of(score, label, values, threshold, prob, 50, 10);
            GroupBreakdown.Group ref = GroupBreakdown.reference(gs, null);
            h.append("<h3>").append(esc(col)).append("</h3><table><tr><th>group</th><th>n</th><th>base rate</th>"
                    + "<th>selected</th><th>FPR</th><th>FNR</th><th>PPV</th><th>NPV</th><th>AUC</th><th>FPR ÷ ref</th>"
                    + "<th>FNR ÷ ref</th><th></th></tr>");
            for (GroupBreakdown.Group g : gs) {
                h.append("<tr><td>").append(esc(g.value())).append(g == ref ? " (ref)" : "").append("</td><td>").append(g.n())
                        .append("</td><td>").append(f(g.baseRate())).append("</td><td>").append(f(g.selectionRate()))
                        .append("</td><td>").append(f(g.fpr())).append("</td><td>").append(f(g.fnr())).append("</td><td>")
                        .append(f(g.ppv())).append("</td><td>").append(f(g.npv())).append("</td><td>").append(f(g.auc()))
                        .append("</td><td>").append(ratio(g.fpr(), ref.fpr())).append("</td><td>")
                        .append(ratio(g.fnr(), ref.fnr())).append("</td><td>")
                        .append(g.tooSmall() ? "<span class=\"warn\">too small</span>" : "").append("</td></tr>");
            }
            h.append("</table>");
        });
        h.append("<h2>Limitations</h2><ul>"
                + "<li>Measured on one period: the figures hold for people like these, recorded like this.</li>"
                + "<li>The outcome is recorded offending, not all offending: a group policed more heavily has more of its "
                + "offending recorded, which the error rates above inherit.</li>"
                + "<li>A probability is the share of similar people who escalated, not a forecast about one person: "
                + "people decide, the tool does not.</li>"
                + "<li>Small groups have wide intervals; a difference between groups that lies within them is not "
                + "evidence of a difference.</li></ul>");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String k, String v, String ci) {
        h.append("<tr><td>").append(esc(k)).append("</td><td>").append(v).append("</td><td>").append(ci).append("</td></tr>");
    }

    private static String table(Map<String, ?> m) {
        StringBuilder b = new StringBuilder("<table>");
        m.forEach((k, v) -> b.append("<tr><td>").append(esc(k)).append("</td><td style=\"text-align:left\">")
                .append(esc(String.valueOf(v))).append("</td></tr>"));
        return b.append("</table>").toString();
    }

    private static String svg(String title, String x, String y, List<ThresholdSweep.Point> pts, boolean diagonal) {
        int w = 320;
        int hgt = 260;
        int l = 40;
        int t = 20;
        int size = 200;
        StringBuilder s = new StringBuilder();
        s.append("<svg width=\"").append(w).append("\" height=\"").append(hgt)
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\"><text x=\"").append(l)
                .append("\" y=\"14\" font-size=\"13\">").append(esc(title)).append("</text>");
        s.append("<rect x=\"").append(l).append("\" y=\"").append(t).append("\" width=\"").append(size).append("\" height=\"")
                .append(size).append("\" fill=\"none\" stroke=\"#888\"/>");
        if (diagonal) {
            s.append("<line x1=\"").append(l).append("\" y1=\"").append(t + size).append("\" x2=\"").append(l + size)
                    .append("\" y2=\"").append(t).append("\" stroke=\"#bbb\" stroke-dasharray=\"4\"/>");
        }
        s.append("<polyline fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"2\" points=\"");
        for (ThresholdSweep.Point p : pts) {
            s.append(String.format(Locale.ROOT, "%.1f,%.1f ", l + p.x() * size, t + (1 - p.y()) * size));
        }
        s.append("\"/><text x=\"").append(l).append("\" y=\"").append(t + size + 16).append("\" font-size=\"11\">")
                .append(esc(x)).append(" (0–1)</text><text x=\"4\" y=\"").append(t + size / 2)
                .append("\" font-size=\"11\" transform=\"rotate(-90 10,").append(t + size / 2).append(")\">").append(esc(y))
                .append("</text></svg>");
        return s.toString();
    }

    private static String ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? "–" : String.format(Locale.UK, "%.2f", a / b);
    }

    private static String ci(Bootstrap.Interval i) {
        return Double.isNaN(i.lo()) ? "–" : String.format(Locale.UK, "%.4f–%.4f", i.lo(), i.hi());
    }

    private static String f(Double v) {
        return v == null || v.isNaN() ? "–" : String.format(Locale.UK, "%.4f", v);
    }

    private static String f(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format(Locale.UK, "%.4f", v);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
