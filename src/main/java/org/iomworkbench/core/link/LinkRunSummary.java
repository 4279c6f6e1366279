package org.iomworkbench.core.link;

import java.util.List;

/**
 * A link run: what it was given, what it estimated and what it found. Pairs linked = by the model
 * above the upper threshold + by a shared PNC + by the analyst's acceptance.
 */
public record LinkRunSummary(int runId, int snapshotId, String startedAt, double seconds, long records, long persons,
                             long pairsCompared, long pairsLinked, long linkedByModel, long linkedByPnc,
                             long linkedByAnalyst, long pairsQueued, long pairsRejected, long clustersFlagged,
                             Thresholds thresholds, MatchModel model, WeightHistogram histogram,
                             List<BlockingStats> blocking, List<TrainingSession> training, String parametersJson) {
    public double priorWeight() {
        return model.priorWeight();
    }
}
