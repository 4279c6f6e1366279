package org.iomworkbench.core.link;

/**
 * The analyst's decision on a pair of records, keyed by the two records' (source,
 * source_person_id), so that it holds on every later run of this snapshot and on later snapshots
 * where the same records occur. {@code a} is the smaller key.
 */
public record ReviewDecision(RecordKey a, RecordKey b, Kind kind, String decidedAt, String user, int snapshotId) {
    public enum Kind {
        /** The two records are the same person. */
        ACCEPT,
        /** They are not. */
        REJECT
    }
}
