package org.iomworkbench.ui.shell;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.iomworkbench.ui.common.Shortcut;

/** Binds the Help screen. */
public final class HelpController {
    private final HelpViewModel vm;
    @FXML
    private GridPane stepsGrid;
    @FXML
    private GridPane shortcutsGrid;
    @FXML
    private Label workspaceValue;
    @FXML
    private Label logValue;
    @FXML
    private Label settingsValue;
    @FXML
    private Label versionValue;

    public HelpController(HelpViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        int row = 0;
        for (Destination d : vm.steps()) {
            Label step = new Label(d.step() + "  " + d.title());
            step.getStyleClass().add("help-step");
            Label what = new Label(HelpViewModel.describe(d));
            what.setWrapText(true);
            stepsGrid.addRow(row++, step, what);
        }
        row = 0;
        for (Shortcut s : vm.shortcuts()) {
            Label keys = new Label(s.keysText());
            keys.getStyleClass().add("kbd");
            keys.setAccessibleText(s.keysText() + ": " + s.action());
            shortcutsGrid.addRow(row++, keys, new Label(s.action()));
        }
        workspaceValue.textProperty().bind(vm.workspaceFolder());
        logValue.textProperty().bind(vm.logFile());
        settingsValue.setText(vm.settingsFile());
        versionValue.setText(vm.version());
    }
}
