package org.iomworkbench.core.link;

import java.util.List;
import java.util.Set;

/** A finished run's results, held until {@link LinkStore} writes them in one transaction. */
final class RunOutput {
    LinkRecords records;
    MatchModel model;
    Thresholds thresholds;
    LinkParameters parameters;
    /** Per record: the index of its cluster's first record. */
    int[] root;
    /** Per record index that is a root: the person id (null elsewhere). */
    String[] personId;
    /** Persons in root order. */
    List<Person> persons;
    // the stored pairs
    int pairs;
    int[] a;
    int[] b;
    int[] pattern;
    double[] weight;
    int[] rule;
    PairStatus[] status;
    LinkBasis[] basis;
    // counts
    long pairsCompared;
    /** Pairs kept from the comparison (at or above the lower threshold, sharing a PNC, or a name to re-weigh), before re-weighing. */
    int pairsKept;
    long linkedByModel;
    long linkedByPnc;
    long linkedByAnalyst;
    long queued;
    /** Model links held back by the cluster guard (counted in queued). */
    long heldBack;
    long rejected;
    long flagged;
    WeightHistogram histogram;
    List<BlockingStats> blocking;
    List<TrainingSession> training;
    String startedAt;
    double seconds;

    record Person(int root, String personId, PersonTable.Attributes attributes, int records, Set<ClusterFlag> flags) {
    }
}
