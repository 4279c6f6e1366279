package org.iomworkbench.ui.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.iomworkbench.app.LogSetup;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.BackgroundTask;
import org.iomworkbench.ui.common.Settings;
import org.iomworkbench.ui.common.SettingsStore;
import org.iomworkbench.ui.common.TaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main window: where the analyst is, which workspace is open, and the remembered settings
 * (theme, font size, window, last workspace), saved as soon as they change.
 */
public final class ShellViewModel {
    private static final double FONT_STEP = 1;

    private final WorkspaceSession session;
    private final TaskRunner runner;
    private final SettingsStore store;
    private final ObjectProperty<Destination> current = new SimpleObjectProperty<>(this, "current", Destination.DATA);
    private final ReadOnlyObjectWrapper<Settings> settings;
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
    private final ReadOnlyStringWrapper workspaceText = new ReadOnlyStringWrapper(this, "workspaceText", "No workspace open");

    public ShellViewModel(WorkspaceSession session, TaskRunner runner, SettingsStore store) {
        this.session = session;
        this.runner = runner;
        this.store = store;
        this.settings = new ReadOnlyObjectWrapper<>(this, "settings", store.load());
        settings.addListener((o, a, b) -> store.save(b));
    }

    public WorkspaceSession session() {
        return session;
    }

    public ObjectProperty<Destination> currentProperty() {
        return current;
    }

    public void go(Destination d) {
        current.set(d);
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public Settings settings() {
        return settings.get();
    }

    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** The open workspace for the status bar, e.g. "Workspace: /home/ana/.iom-workbench/workspace". */
    public ReadOnlyStringProperty workspaceTextProperty() {
        return workspaceText.getReadOnlyProperty();
    }

    /** Where the workspace opens when no argument names one: the last used, else the default. */
    public Path startWorkspace(LaunchOptions options) {
        if (options.workspace() != null) {
            return options.workspace();
        }
        String last = settings.get().lastWorkspace();
        return options.sampleData() || last == null ? store.defaultWorkspace() : Path.of(last);
    }

    /**
     * Opens the workspace in {@code dir} (created when new) in the background, makes it the
     * session's, sends the log there too, and closes the one open before.
     *
     * @param then run on the UI thread once it is open
     */
    public void openWorkspace(Path dir, Runnable then) {
        if (opening.get()) {
            return;
        }
        Workspace before = session.workspace();
        if (before != null && before.dir().equals(dir.toAbsolutePath().normalize())) {
            then.run();
            return;
        }
        open(dir, null, before, then);
    }

    /** Opens (or creates) a workspace with a password: a new one is created encrypted at rest. */
    public void openWorkspace(Path dir, char[] password, Runnable then) {
        if (password == null) {
            openWorkspace(dir, then);
            return;
        }
        if (opening.get()) {
            return;
        }
        open(dir, password, session.workspace(), then);
    }

    /** Asks the analyst for an encrypted workspace's password (on the UI thread); null when they cancel. */
    public void setPasswordPrompt(java.util.function.Function<Path, char[]> prompt) {
        this.passwordPrompt = prompt;
    }

    private java.util.function.Function<Path, char[]> passwordPrompt = d -> null;

    private void open(Path dir, char[] password, Workspace before, Runnable then) {
        opening.set(true);
        workspaceText.set("Opening the workspace " + dir + "…");
        runner.run(BackgroundTask.of("Opening the workspace " + dir, (p, c) -> {
                    Workspace ws;
                    try {
                        ws = password == null ? Workspace.open(dir) : Workspace.open(dir, password);
                    } catch (org.iomworkbench.core.util.WorkbenchException e) {
                        if (password == null && e.getMessage() != null && e.getMessage().contains("needs its password")) {
                            return null; // encrypted: ask for the password on the UI thread
                        }
                        throw e;
                    }
                    LogSetup.attachWorkspace(ws.logsDir());
                    return ws;
                })
                .onSuccess(ws -> {
                    opening.set(false);
                    if (ws == null) {
                        workspaceText.set(before == null ? "No workspace open" : "Workspace: " + before.dir());
                        char[] pw = passwordPrompt.apply(dir);
                        if (pw != null && pw.length > 0) {
                            open(dir, pw, before, then);
                        }
                        return;
                    }
                    session.open(ws);
                    workspaceText.set("Workspace: " + ws.dir());
                    settings.set(settings.get().withLastWorkspace(ws.dir().toString()));
                    if (before != null) {
                        runner.run(BackgroundTask.of("Closing the workspace " + before.dir(), (p, c) -> {
                            before.close();
                            return null;
                        }));
                    }
                    then.run();
                })
                .onFailure(e -> {
                    opening.set(false);
                    workspaceText.set(before == null ? "No workspace open" : "Workspace: " + before.dir());
                }));
    }

    /** The folder that holds the open workspace, where choosing another starts; null when there is none. */
    public Path workspaceParent() {
        Workspace ws = session.workspace();
        Path parent = ws == null ? null : ws.dir().getParent();
        return parent != null && Files.isDirectory(parent) ? parent : null;
    }

    /** Closes the workspace as the workbench exits; a load still running is removed on the next open. */
    public void closeWorkspace() {
        Workspace ws = session.workspace();
        if (ws != null) {
            ws.close();
        }
    }

    /** The log that holds the details of failures: the open workspace's, or the user's own. */
    public Path logFile() {
        Workspace ws = session.workspace();
        if (ws != null) {
            return ws.logsDir().resolve("workbench.log");
        }
        String dir = System.getProperty("iom.log.dir");
        return (dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".iom-workbench", "logs"))
                .resolve("workbench.log");
    }

    public SettingsStore store() {
        return store;
    }

    public void toggleTheme() {
        settings.set(settings.get().withTheme(settings.get().theme().other()));
    }

    public void biggerFont() {
        settings.set(settings.get().withFontSize(settings.get().fontSize() + FONT_STEP));
    }

    public void smallerFont() {
        settings.set(settings.get().withFontSize(settings.get().fontSize() - FONT_STEP));
    }

    public void resetFont() {
        settings.set(settings.get().withFontSize(Settings.DEFAULT_FONT_SIZE));
    }

    public void rememberWindow(Settings.WindowBounds bounds) {
        settings.set(settings.get().withWindow(bounds));
    }
}
