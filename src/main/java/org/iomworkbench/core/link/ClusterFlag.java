package org.iomworkbench.core.link;

/** Why a cluster of records (a person) is flagged for the analyst's review. */
public enum ClusterFlag {
    /** More records than the largest plausible person (parameter maxClusterSize). */
    LARGE,
    /** A single link below the strong-link probability holds two parts of the cluster together. */
    WEAK_LINK,
    /** Two of its records, compared directly, are strong evidence of different people (or were rejected by the analyst). */
    CONTRADICTION,
    /** A link from it to another person was held back (queued) because it would join records that contradict each other. */
    HELD_BACK
}
