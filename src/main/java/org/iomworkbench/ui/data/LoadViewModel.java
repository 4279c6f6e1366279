package org.iomworkbench.ui.data;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.iomworkbench.core.load.ExtractLoader;
import org.iomworkbench.core.load.LoadResult;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.BackgroundTask;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.ProgressUpdate;
import org.iomworkbench.ui.common.TaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Loading an extract folder as a new snapshot, in the background with progress and Cancel. The
 * loader undoes a cancelled or failed load itself, so nothing of it stays in the workspace.
 */
public final class LoadViewModel {
    private final WorkspaceSession session;
    private final TaskRunner runner;
    private final Clock clock;
    private final Consumer<LoadResult> onLoaded;
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final ObjectProperty<LocalDate> extractDate;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper(this, "progressMessage", "");
    private final ReadOnlyStringWrapper progressDetail = new ReadOnlyStringWrapper(this, "progressDetail", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final BooleanBinding canLoad;
    private BackgroundTask<LoadResult> task;

    /**
     * @param onLoaded told, on the UI thread, of every load that was not refused or cancelled
     */
    public LoadViewModel(WorkspaceSession session, TaskRunner runner, Clock clock, Consumer<LoadResult> onLoaded) {
        this.session = session;
        this.runner = runner;
        this.clock = clock;
        this.onLoaded = onLoaded;
        this.extractDate = new SimpleObjectProperty<>(this, "extractDate", LocalDate.now(clock));
        this.canLoad = Bindings.createBooleanBinding(
                () -> !running.get() && session.workspace() != null && extractDate.get() != null
                        && folder.get() != null && !folder.get().isBlank(),
                running, session.workspaceProperty(), extractDate, folder);
    }

    /** The extract folder, as a path the analyst typed or chose. */
    public StringProperty folderProperty() {
        return folder;
    }

    /** The day the extract was taken; rows dated after it are rejected. */
    public ObjectProperty<LocalDate> extractDateProperty() {
        return extractDate;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Fraction of the bytes read, or -1 while the total is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the loader is doing: file, rows read and rate. */
    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    /** How much of the folder has been read, e.g. "1.2 MB of 3.4 MB". */
    public ReadOnlyStringProperty progressDetailProperty() {
        return progressDetail.getReadOnlyProperty();
    }

    /** How the last load ended, in a sentence. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public BooleanBinding canLoadProperty() {
        return canLoad;
    }

    /** Loads the folder typed or chosen, for the extract date set. */
    public void load() {
        if (!canLoad.get()) {
            return;
        }
        String text = folder.get().strip();
        LocalDate date = extractDate.get();
        start("Loading the extract folder", ws -> new LoadRequest(toPath(text), date, false));
    }

    /**
     * Loads the bundled fictional extract as if it had been taken today, whatever date is set
     * for the analyst's own folder.
     *
     * @param onlyIfEmpty do nothing when the workspace already has a snapshot (start-up with
     *                    {@code --sample-data} must not add a second copy)
     */
    public void loadSample(boolean onlyIfEmpty) {
        if (running.get() || session.workspace() == null) {
            return;
        }
        LocalDate date = LocalDate.now(clock);
        start("Loading the sample data", ws -> {
            if (onlyIfEmpty && !new SnapshotStore(ws).list().isEmpty()) {
                return null;
            }
            // kept in the workspace, so the snapshot's source folder stays there to look at
            Path dir = ws.dir().resolve("sample-data");
            boolean fresh = !Files.exists(dir);
            SampleData.copyTo(dir);
            return new LoadRequest(dir, date, fresh);
        });
    }

    /** The folder typed in, if it is one, for the folder chooser to start in; else null. */
    public Path typedFolder() {
        String text = folder.get();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Path p = Path.of(text.strip());
            return Files.isDirectory(p) ? p : null;
        } catch (InvalidPathException e) {
            // half a path typed so far
            return null;
        }
    }

    public void cancel() {
        if (task != null) {
            task.cancel();
            progressMessage.set("Cancelling: undoing what was loaded so far…");
        }
    }

    private void start(String activity, Preparation prepare) {
        Workspace ws = session.workspace();
        running.set(true);
        progress.set(-1);
        progressMessage.set("Reading the file checksums…");
        progressDetail.set("");
        outcome.set("");
        task = BackgroundTask.<LoadResult>of(activity, (p, cancel) -> {
                    LoadRequest request = prepare.prepare(ws);
                    if (request == null) {
                        return null;
                    }
                    try {
                        cancel.check();
                        return new ExtractLoader(ws).load(request.folder(), request.date(), p, cancel);
                    } catch (RuntimeException e) {
                        if (request.copiedSample()) {
                            // a cancelled or failed load leaves nothing behind, the copied sample included
                            try {
                                SampleData.remove(request.folder());
                            } catch (IOException cleanup) {
                                e.addSuppressed(cleanup);
                            }
                        }
                        throw e;
                    }
                })
                .onProgress(this::progressed)
                .onSuccess(r -> {
                    finished();
                    if (r != null) {
                        outcome.set(describe(r));
                        onLoaded.accept(r);
                    }
                })
                .onCancelled(() -> {
                    finished();
                    outcome.set("Load cancelled. Nothing of it was kept.");
                })
                .onFailure(e -> {
                    finished();
                    outcome.set("The load did not complete. Nothing of it was kept.");
                });
        runner.run(task);
    }

    private void progressed(ProgressUpdate u) {
        if (task != null && task.isCancelRequested()) {
            return;
        }
        progress.set(u.fraction());
        progressMessage.set(u.message());
        progressDetail.set(u.total() > 0 ? Format.bytes(u.done()) + " of " + Format.bytes(u.total()) : "");
    }

    private void finished() {
        task = null;
        running.set(false);
        progress.set(0);
        progressMessage.set("");
        progressDetail.set("");
    }

    static String describe(LoadResult r) {
        Snapshot s = r.snapshot();
        if (!r.created()) {
            return "The files are byte-identical to snapshot " + s.id() + ", taken on the same extract date; nothing new was created.";
        }
        return String.format(Locale.UK, "Snapshot %d loaded: %s read, %s accepted, %s rejected, in %.1f s (%s rows a second).",
                s.id(), Format.plural(s.rowsRead(), "row", "rows"), Format.count(s.rowsAccepted()),
                Format.count(s.rowsRejected()), r.seconds(), Format.count(Math.round(r.rowsPerSecond())));
    }

    private static Path toPath(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new WorkbenchException("“" + text + "” is not a folder path.",
                    "Choose the extract folder with Choose…, or type its full path.", true, e);
        }
    }

    /** What to load, worked out off the UI thread; null for nothing. */
    @FunctionalInterface
    private interface Preparation {
        LoadRequest prepare(Workspace ws) throws Exception;
    }

    /** @param copiedSample the folder holds the bundled sample, copied out for this load alone */
    private record LoadRequest(Path folder, LocalDate date, boolean copiedSample) {
    }
}
