package org.iomworkbench.ui.common;

/** Colour themes; each is a stylesheet laid over the shared {@code workbench.css}. */
public enum Theme {
    LIGHT("Light", "theme-light.css"),
    DARK("Dark", "theme-dark.css");

    private final String label;
    private final String stylesheet;

    Theme(String label, String stylesheet) {
        this.label = label;
        this.stylesheet = stylesheet;
    }

    public String label() {
        return label;
    }

    /** File name of the stylesheet under {@code /fxml/}. */
    public String stylesheet() {
        return stylesheet;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
