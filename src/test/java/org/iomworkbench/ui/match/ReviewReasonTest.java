package org.iomworkbench.ui.match;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewReasonTest {
    @Test
    void aQueuedPairAboveTheLinkThresholdSaysItWasHeldBack() {
        var held = new ReviewQueueViewModel.Waterfall(List.of(), 25.9, 1.0, 0.0, 2.87);
        var unsure = new ReviewQueueViewModel.Waterfall(List.of(), 1.2, 0.7, 0.0, 2.87);
        assertThat(held.reason()).startsWith("Above the link threshold but held back");
        assertThat(unsure.reason()).startsWith("Between the two thresholds");
    }
}
