package org.iomworkbench.core.link;

import java.util.List;

/**
 * One expectation-maximisation session: the training rule whose blocks it used, the fields whose
 * m it fitted, the pairs in the blocks and the pairs sampled, the share of matches it found, and
 * whether it converged.
 */
public record TrainingSession(String rule, List<Field> fitted, long blockPairs, long sampledPairs, double matchShare,
                              int iterations, boolean converged) {
}
