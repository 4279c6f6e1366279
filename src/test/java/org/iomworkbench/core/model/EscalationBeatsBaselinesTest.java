package org.iomworkbench.core.model;

import org.iomworkbench.Fixtures;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iomworkbench.core.model.ModelRunQualityTest.map;
import static org.iomworkbench.core.model.ModelRunQualityTest.num;
import static org.assertj.core.api.Assertions.within;

/**
 * The quality bounds with the power to see them: on 8,000 generated persons
 * ({@link ModelRunQualityTest}) the test year holds about 150 people who escalate, too few for the
 * chosen model's small gain over the RFSDi alone to stand out of the noise. Here 40,000 persons
 * (about 600 who escalate in the test year), the default configuration, and the gain over each
 * baseline judged on the same people: its paired bootstrap 95% interval must lie above 0.
 */
class EscalationBeatsBaselinesTest {
    static final int PERSONS = 40_000;

    @TempDir
    Path tmp;

    @Test
    void theChosenModelBeatsBothBaselinesOnTheTestYear() {
        Path extract = tmp.resolve("extract");
        Fixtures.generatedExtract(extract, PERSONS, 17);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Snapshot snapshot = Fixtures.loadAndLink(ws, extract, LocalDate.of(2024, 12, 31));
            ModelService.Trained trained = new ModelService(ws).train(new ModelConfig(), Progress.NONE, Cancellation.none());
            Map<String, Object> esc = map(trained.outcome().metrics.get("escalation"));
            Map<String, Object> chosen = map(map(esc.get("models")).get(esc.get("chosen")));
            Map<String, Object> base = map(esc.get("baselines"));
            for (String name : List.of("rfsdi_only", "current_band")) {
                Map<String, Object> b = map(base.get(name));
                System.out.printf("%,d persons: chosen %s AUC %.4f %s; %s %.4f %s; gain %.4f %s, higher in %.3f of paired "
                                + "resamples%n", PERSONS, esc.get("chosen"), num(chosen.get("auc")), chosen.get("auc_ci"), name,
                        num(b.get("auc")), b.get("auc_ci"), num(b.get("chosen_auc_gain")), b.get("chosen_auc_gain_ci"),
                        num(b.get("p_chosen_higher")));
                List<?> ci = (List<?>) b.get("chosen_auc_gain_ci");
                assertThat(num(b.get("chosen_auc_gain"))).as("AUC gain over " + name).isPositive();
                assertThat(num(ci.get(0))).as("lower end of the paired 95% interval of the gain over " + name).isPositive();
            }
            System.out.printf("ECE %.4f; test specificity %.4f %s; test year %s with the outcome%n", num(esc.get("ece")),
                    num(chosen.get("specificity")), chosen.get("specificity_ci"), chosen.get("n_positive_test"));
            assertThat(num(esc.get("ece"))).as("expected calibration error, 10 bins").isLessThanOrEqualTo(0.03);
            assertThat(num(chosen.get("specificity"))).as("test specificity").isCloseTo(0.95, within(0.01));
        }
    }
}
