package org.iomworkbench.core.publish;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the analyst asks to publish: the scoring run and model run, the columns (from
 * {@link Publisher#ALLOWED}), which bands go on the list, an optional lowest escalation
 * probability, the people left off with a recorded reason, a byte-order mark for spreadsheet
 * tools, and the sign-off.
 *
 * @param signedOffBy  the analyst's name: the operating-system user, confirmed
 * @param confirmation the typed confirmation that the list is advice for Offender Managers'
 *                     professional judgement, not a decision about anyone
 */
public record PublicationRequest(int scoresRun, int modelRun, List<String> columns, Set<String> bands, Double minProbability,
                                 Map<String, String> exclusions, boolean bom, String signedOffBy, String confirmation) {
}
