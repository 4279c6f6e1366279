package org.iomworkbench.core.link;

import java.util.List;

/**
 * A stored pair as the analyst sees it: both records, the match weight and probability, each
 * field's level and contribution (they sum, with the prior, to the weight), its status and why,
 * and the persons its records belong to now.
 */
public record PairView(RecordKey a, RecordKey b, NominalRecord recordA, NominalRecord recordB, Double weight,
                       Double probability, List<Contribution> contributions, PairStatus status, LinkBasis basis,
                       String personA, String personB) {

    /** One field's part of a pair's match weight (term-frequency adjustment included). */
    public record Contribution(Field field, int level, String levelName, double weight) {
    }
}
