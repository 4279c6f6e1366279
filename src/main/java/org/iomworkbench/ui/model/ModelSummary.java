package org.iomworkbench.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model run's results as the Models view shows them, read from the run's {@code metrics.json}
 * (the same document {@code train} writes): one row per escalation model and baseline, one per
 * next-crime-type model and baseline, the warnings, and the chosen model.
 */
public record ModelSummary(String chosen, Double targetSpecificity, Double ece, List<EscalationRow> escalation,
                           List<NextCrimeRow> nextCrime, List<String> warnings, List<String> gains) {

    /**
     * One escalation model (or baseline, which has an AUC only) on the test snapshot.
     *
     * @param shortfall the achieved test specificity is more than 0.01 under the target
     */
    public record EscalationRow(String name, boolean baseline, boolean chosen, Double auc, double[] aucCi, Double brier,
                                Double threshold, Double specificity, double[] specificityCi, Double sensitivity,
                                double[] sensitivityCi, Double ppv, Double pTargetMet, Long nTest, Long nPositiveTest,
                                boolean shortfall) {
    }

    /** One next-crime-type model or baseline on the test snapshot. */
    public record NextCrimeRow(String name, boolean baseline, Double top1, Double top3, Double macroF1) {
    }

    /** Reads the summary from a parsed metrics document; absent parts are left empty, never invented. */
    @SuppressWarnings("unchecked")
    public static ModelSummary of(Map<String, Object> metrics) {
        Map<String, Object> esc = map(metrics.get("escalation"));
        String chosen = esc.get("chosen") == null ? null : esc.get("chosen").toString();
        Double target = number(esc.get("target_specificity"));
        List<EscalationRow> rows = new ArrayList<>();
        map(esc.get("models")).forEach((name, v) -> {
            Map<String, Object> m = map(v);
            Double spec = number(m.get("specificity"));
            boolean shortfall = target != null && spec != null && spec < target - 0.01;
            rows.add(new EscalationRow(name, false, name.equals(chosen), number(m.get("auc")), interval(m.get("auc_ci")),
                    number(m.get("brier")), number(m.get("threshold")), spec, interval(m.get("specificity_ci")),
                    number(m.get("sensitivity")), interval(m.get("sensitivity_ci")), number(m.get("ppv")),
                    number(m.get("p_target_met")), integer(m.get("n_test")), integer(m.get("n_positive_test")), shortfall));
        });
        List<String> gains = new ArrayList<>();
        map(esc.get("baselines")).forEach((name, v) -> {
            Map<String, Object> m = map(v);
            rows.add(new EscalationRow(name, true, false, number(m.get("auc")), interval(m.get("auc_ci")), null, null, null,
                    null, null, null, null, null, null, null, false));
            Double gain = number(m.get("chosen_auc_gain"));
            Double higher = number(m.get("p_chosen_higher"));
            if (gain != null && chosen != null) {
                double[] ci = interval(m.get("chosen_auc_gain_ci"));
                gains.add(String.format(Locale.UK, "%s against %s: AUC %+.4f (%s), higher in %s of the paired resamples.",
                        chosen.replace('_', ' '), name.replace('_', ' '), gain, ci == null ? "no interval"
                                : String.format(Locale.UK, "%+.4f to %+.4f", ci[0], ci[1]),
                        higher == null ? "—" : String.format(Locale.UK, "%.0f%%", 100 * higher)));
            }
        });
        Map<String, Object> nc = map(metrics.get("next_crime_type"));
        List<NextCrimeRow> next = new ArrayList<>();
        map(nc.get("models")).forEach((name, v) -> {
            Map<String, Object> m = map(v);
            next.add(new NextCrimeRow(name, false, number(m.get("top1")), number(m.get("top3")), number(m.get("macro_f1"))));
        });
        map(nc.get("baselines")).forEach((name, v) -> {
            Map<String, Object> m = map(v);
            next.add(new NextCrimeRow(name, true, number(m.get("top1")), number(m.get("top3")), number(m.get("macro_f1"))));
        });
        List<String> warnings = new ArrayList<>();
        Object w = metrics.get("warnings");
        if (w == null) {
            w = esc.get("warnings");
        }
        if (w instanceof List<?> list) {
            list.forEach(x -> warnings.add(String.valueOf(x)));
        }
        return new ModelSummary(chosen, target, number(esc.get("ece")), List.copyOf(rows), List.copyOf(next),
                List.copyOf(warnings), List.copyOf(gains));
    }

    /** The chosen model's row, if the run has one. */
    public java.util.Optional<EscalationRow> chosenRow() {
        return escalation.stream().filter(EscalationRow::chosen).findFirst();
    }

    /** e.g. "0.812 (0.790–0.833)"; empty when the value is absent. */
    public static String withInterval(Double value, double[] ci, int digits) {
        if (value == null) {
            return "";
        }
        String f = "%." + digits + "f";
        String v = String.format(Locale.UK, f, value);
        return ci == null ? v : v + " (" + String.format(Locale.UK, f, ci[0]) + "–" + String.format(Locale.UK, f, ci[1]) + ")";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Double number(Object o) {
        return o instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
    }

    private static Long integer(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }

    private static double[] interval(Object o) {
        if (o instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a && l.get(1) instanceof Number b) {
            return new double[]{a.doubleValue(), b.doubleValue()};
        }
        if (o instanceof Map<?, ?> m && m.get("lo") instanceof Number a && m.get("hi") instanceof Number b) {
            return new double[]{a.doubleValue(), b.doubleValue()};
        }
        return null;
    }
}
