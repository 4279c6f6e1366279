package org.iomworkbench.ui.shell;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** Binds the view of a step that is not built yet: what it will do and what it needs, nothing made up. */
public final class PlannedStepController {
    private final Destination step;
    @FXML
    private Label titleLabel;
    @FXML
    private Label purposeLabel;
    @FXML
    private Label needsLabel;

    public PlannedStepController(Destination step) {
        if (!step.isPlanned()) {
            throw new IllegalArgumentException(step + " is built and has its own view");
        }
        this.step = step;
    }

    @FXML
    private void initialize() {
        titleLabel.setText(step.step() + "  " + step.title());
        purposeLabel.setText(step.plannedPurpose());
        needsLabel.setText(step.plannedNeeds());
    }
}
