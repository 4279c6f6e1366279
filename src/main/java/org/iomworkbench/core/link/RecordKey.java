package org.iomworkbench.core.link;

import java.util.Objects;

/**
 * A person record's identity across snapshots: its source system and its identifier there.
 * Ordered by source, then identifier (code point order), the order in which section 0 of the
 * RFSDi spec breaks ties.
 */
public record RecordKey(String source, String sourcePersonId) implements Comparable<RecordKey> {
    public RecordKey {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourcePersonId, "sourcePersonId");
    }

    @Override
    public int compareTo(RecordKey o) {
        int c = source.compareTo(o.source);
        return c != 0 ? c : sourcePersonId.compareTo(o.sourcePersonId);
    }

    @Override
    public String toString() {
        return source + ":" + sourcePersonId;
    }
}
