package org.iomworkbench.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import org.iomworkbench.app.Version;
import org.iomworkbench.ui.common.Shortcut;

import java.util.Arrays;
import java.util.List;

/** The Help screen: the workflow, every keyboard shortcut, and where the workbench keeps things. */
public final class HelpViewModel {
    private final ShellViewModel shell;

    public HelpViewModel(ShellViewModel shell) {
        this.shell = shell;
    }

    /** Every shortcut, as the menus use them. */
    public List<Shortcut> shortcuts() {
        return Arrays.asList(Shortcut.values());
    }

    public List<Destination> steps() {
        return Destination.workflow();
    }

    /** One step in a sentence for the Help screen. */
    public static String describe(Destination d) {
        if (d == Destination.DATA) {
            return "Load extract folders as snapshots, check each file's rows and rejections, browse the tables.";
        }
        if (d == Destination.MATCH) {
            return "Link the records of the source systems into persons, review the uncertain pairs, check and split "
                    + "merged persons, and see the fitted model and its thresholds.";
        }
        if (d == Destination.AUDIT) {
            return "Read the audit trail of every change to the workspace and verify that no entry was altered.";
        }
        return "Not built yet. " + d.plannedPurpose();
    }

    public StringBinding workspaceFolder() {
        return Bindings.createStringBinding(() -> shell.session().workspace() == null ? "none open"
                : shell.session().workspace().dir().toString(), shell.session().workspaceProperty());
    }

    public StringBinding logFile() {
        return Bindings.createStringBinding(() -> shell.logFile().toString(), shell.session().workspaceProperty());
    }

    public String settingsFile() {
        return shell.store().file().toString();
    }

    public String version() {
        return Version.get();
    }
}
