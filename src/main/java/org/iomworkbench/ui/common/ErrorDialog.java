package org.iomworkbench.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.iomworkbench.core.util.WorkbenchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The application's {@link ErrorReporter}: the full failure, stack trace included, goes to the
 * log; the analyst sees a dialog with what happened, what to do and where the log is. Must be
 * called on the FX thread.
 */
public final class ErrorDialog implements ErrorReporter {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorDialog.class);

    private final Supplier<Window> owner;
    private final Supplier<Path> logFile;
    private final Supplier<Settings> settings;

    /**
     * @param owner    the window the dialog belongs to, or null before there is one
     * @param logFile  the log that holds the details
     * @param settings the look to give the dialog
     */
    public ErrorDialog(Supplier<Window> owner, Supplier<Path> logFile, Supplier<Settings> settings) {
        this.owner = owner;
        this.logFile = logFile;
        this.settings = settings;
    }

    @Override
    public void report(String activity, Throwable error) {
        if (error instanceof WorkbenchException w && w.isBadInput()) {
            LOG.warn("{} failed: {}", activity, w.getMessage(), w);
        } else {
            LOG.error("{} failed", activity, error);
        }
        Problem p = Problem.of(activity, error);
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
        alert.setTitle("IOM Workbench");
        alert.setHeaderText(p.title());
        alert.setContentText(p.whatHappened() + "\n\n" + p.whatToDo() + "\n\nThe details are in the log: " + logFile.get());
        alert.getDialogPane().setMinWidth(520);
        alert.getDialogPane().setAccessibleText(p.title() + ". " + p.whatHappened() + " " + p.whatToDo());
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            alert.initOwner(w);
        }
        Appearance.apply(alert.getDialogPane(), settings.get());
        // not showAndWait: a failure reported from a callback must not start a nested event loop
        alert.show();
    }
}
