package org.iomworkbench.core.model;

import org.iomworkbench.core.model.data.Dataset;
import org.iomworkbench.core.model.eval.MultiClassMetrics;
import org.iomworkbench.core.score.Band;
import org.iomworkbench.core.score.ScoreData;

/**
 * One person's prediction, as {@code predictions.csv} has it. The outcomes ({@code escalates},
 * {@code nextGroupActual}) are null in predictions for a list; ethnicity, gender and age band are
 * for the fairness audit only. A next crime type is given only when the escalation probability is
 * at least the run's {@code nextCrimeFrom} (0.5).
 */
public record Prediction(String personId, String split, String band, double pEscalate, boolean flagged, Boolean escalates,
                        String nextGroupPred, Double nextGroupP, String nextGroupActual, String ethnicity, String gender,
                        String ageBand) {

    static Prediction of(ModelRun.Outcome o, int set, int row, double p, double threshold, ScoreData d) {
        Dataset s = o.sets[set];
        String pred = null;
        Double predP = null;
        if (o.nextP != null && p >= o.config.nextCrimeFrom) {
            double[] probs = o.nextP[set][row];
            int top = MultiClassMetrics.topK(probs, 1)[0];
            pred = o.groups.get(top);
            predP = probs[top];
        }
        int actual = s.nextGroup[row];
        return new Prediction(d.personId(s.person[row]), ModelStore.SPLITS[set], Band.of(s.band[row]).name(), p,
                p >= threshold, s.y[row], pred, predP, actual < 0 ? null : o.groups.get(actual), s.ethnicity[row],
                s.gender[row], s.ageBand[row]);
    }

    /** The header of predictions.csv; a list's predictions leave out escalates and next_group_actual. */
    static final String[] HEADER = {"person_id", "split", "band_at_t", "p_escalate", "flagged", "escalates",
            "next_group_pred", "next_group_p", "next_group_actual", "ethnicity", "gender", "age_band"};
}
