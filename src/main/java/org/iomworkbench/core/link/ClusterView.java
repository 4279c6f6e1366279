package org.iomworkbench.core.link;

import java.util.List;

/**
 * A person's cluster for review: the person, its records in key order, and the stored pairs that
 * touch it: the links that joined it, pairs queued towards other persons, and rejected or
 * contradicting pairs inside it.
 */
public record ClusterView(PersonRow person, List<NominalRecord> records, List<PairView> pairs) {
}
