package org.iomworkbench.core.link;

import java.time.LocalDate;
import java.util.Set;

/** A merged person: id, chosen attributes (RFSDi spec section 0), number of records, review flags. */
public record PersonRow(String personId, String surname, String forenames, LocalDate dateOfBirth, String gender,
                        String ethnicity, int records, Set<ClusterFlag> flags) {
}
