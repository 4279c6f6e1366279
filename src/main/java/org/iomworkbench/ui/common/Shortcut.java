package org.iomworkbench.ui.common;

import javafx.scene.input.KeyCombination;

/**
 * Every keyboard shortcut of the workbench, in one place: the menus take their accelerators from
 * here and the Help screen lists this enum, so the two cannot disagree. "Shortcut" is Ctrl, or
 * Cmd on a Mac.
 */
public enum Shortcut {
    GO_DATA("Go to step 1, Data", "Shortcut+1"),
    GO_MATCH("Go to step 2, Match & merge", "Shortcut+2"),
    GO_SCORES("Go to step 3, Scores", "Shortcut+3"),
    GO_MODELS("Go to step 4, Models", "Shortcut+4"),
    GO_VALIDATION("Go to step 5, Validation", "Shortcut+5"),
    GO_PUBLISH("Go to step 6, Publish", "Shortcut+6"),
    GO_AUDIT("Go to step 7, Audit", "Shortcut+7"),
    LOAD("Load an extract folder", "Shortcut+L"),
    FILTER("Filter the table being browsed", "Shortcut+F"),
    LINK("Link the snapshot's records into persons (Match & merge)", "Shortcut+K"),
    REVIEW_ACCEPT("Review queue: accept the pair, the two records are the same person", "A"),
    REVIEW_REJECT("Review queue: reject the pair, they are different people", "R"),
    REVIEW_SKIP("Review queue: skip the pair for now (it stays queued)", "S"),
    REVIEW_SKIP_SPACE("Review queue: skip the pair, as S does", "Space"),
    OPEN_WORKSPACE("Open another workspace", "Shortcut+O"),
    TOGGLE_THEME("Switch between the light and dark theme", "Shortcut+Shift+T"),
    FONT_BIGGER("Larger text", "Shortcut+Equals"),
    FONT_SMALLER("Smaller text", "Shortcut+Minus"),
    FONT_RESET("Text back to its usual size", "Shortcut+0"),
    HELP("Help and keyboard shortcuts", "F1"),
    QUIT("Quit the workbench", "Shortcut+Q");

    private final String action;
    private final KeyCombination keys;

    Shortcut(String action, String keys) {
        this.action = action;
        this.keys = KeyCombination.keyCombination(keys);
    }

    /** What the shortcut does, in the words the Help screen shows. */
    public String action() {
        return action;
    }

    public KeyCombination keys() {
        return keys;
    }

    /** The keys as this platform writes them, e.g. "Ctrl+1". */
    public String keysText() {
        return keys.getDisplayText();
    }
}
