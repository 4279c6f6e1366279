package org.iomworkbench.ui.common;

/** Every FXML view of the workbench, each a file in {@code fxml/} (on the classpath under {@code /fxml/}). */
public enum FxmlView {
    SHELL("shell.fxml"),
    DATA("data.fxml"),
    MATCH("match.fxml"),
    SCORES("scores.fxml"),
    MODELS("models.fxml"),
    VALIDATION("validation.fxml"),
    PUBLISH("publish.fxml"),
    AUDIT("audit.fxml"),
    HELP("help.fxml"),
    PLANNED_STEP("planned-step.fxml");

    private final String file;

    FxmlView(String file) {
        this.file = file;
    }

    public String resource() {
        return "/fxml/" + file;
    }
}
