package org.iomworkbench.ui.shell;

import org.iomworkbench.ui.common.Shortcut;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The places of the main window: the analyst's workflow, step by step, and Help. A step that is
 * not built yet carries what it will do and what it needs, and its view says so plainly.
 */
public enum Destination {
    DATA(1, "Data", Shortcut.GO_DATA, null, null),
    MATCH(2, "Match & merge", Shortcut.GO_MATCH, null, null),
    SCORES(3, "Scores", Shortcut.GO_SCORES, null, null),
    MODELS(4, "Models", Shortcut.GO_MODELS, null, null),
    VALIDATION(5, "Validation", Shortcut.GO_VALIDATION, null, null),
    PUBLISH(6, "Publish", Shortcut.GO_PUBLISH, null, null),
    AUDIT(7, "Audit", Shortcut.GO_AUDIT, null, null),
    HELP(0, "Help", Shortcut.HELP, null, null);

    private final int step;
    private final String title;
    private final Shortcut shortcut;
    private final String plannedPurpose;
    private final String plannedNeeds;

    Destination(int step, String title, Shortcut shortcut, String plannedPurpose, String plannedNeeds) {
        this.step = step;
        this.title = title;
        this.shortcut = shortcut;
        this.plannedPurpose = plannedPurpose;
        this.plannedNeeds = plannedNeeds;
    }

    /** The step's number in the workflow, or 0 for Help, which is not a step. */
    public int step() {
        return step;
    }

    public String title() {
        return title;
    }

    public Shortcut shortcut() {
        return shortcut;
    }

    /** The name {@code --view} takes, e.g. "match". */
    public String argument() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Not built in this version: its view describes it instead. */
    public boolean isPlanned() {
        return plannedPurpose != null;
    }

    public boolean isWorkflowStep() {
        return step > 0;
    }

    /** What the planned step will do; null for a built one. */
    public String plannedPurpose() {
        return plannedPurpose;
    }

    /** What the planned step needs before it can run; null for a built one. */
    public String plannedNeeds() {
        return plannedNeeds;
    }

    /** The workflow's steps in order, Help left out. */
    public static List<Destination> workflow() {
        return Arrays.stream(values()).filter(Destination::isWorkflowStep).toList();
    }

    /** The destination {@code --view NAME} names, or null. */
    public static Destination byArgument(String name) {
        for (Destination d : values()) {
            if (d.argument().equalsIgnoreCase(name.strip())) {
                return d;
            }
        }
        return null;
    }
}
