package org.iomworkbench.core.link;

/** Where a pair stands: linked (same person), queued (waiting for the analyst), or rejected (not linked). */
public enum PairStatus {
    LINKED, QUEUED, REJECTED
}
