package org.iomworkbench.ui.data;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iomworkbench.core.browse.TableBrowser;
import org.iomworkbench.core.load.FileSummary;
import org.iomworkbench.core.load.LoadResult;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.BackgroundTask;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.TaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The Data step: the workspace's snapshots with what each file contributed, loading a new one,
 * browsing its tables and rejections, exporting the rejections and disposing of a snapshot.
 */
public final class DataViewModel {
    private static final String REJECTIONS = "REJECTIONS";
    /** The person records: where an analyst starts looking. */
    static final String DEFAULT_TABLE = "NOMINALS";

    private final WorkspaceSession session;
    private final TaskRunner runner;
    private final ObservableList<Snapshot> snapshots = FXCollections.observableArrayList();
    private final ObservableList<Snapshot> snapshotsView = FXCollections.unmodifiableObservableList(snapshots);
    private final ObjectProperty<Snapshot> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<FileSummary> files = FXCollections.observableArrayList();
    private final ObservableList<FileSummary> filesView = FXCollections.unmodifiableObservableList(files);
    private final ReadOnlyBooleanWrapper listed = new ReadOnlyBooleanWrapper(this, "listed");
    private final ReadOnlyBooleanWrapper disposing = new ReadOnlyBooleanWrapper(this, "disposing");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final LoadViewModel load;
    private final BrowserViewModel tables;
    private final BrowserViewModel rejections;
    private final BooleanBinding busy;
    private final BooleanBinding empty;
    private final BooleanBinding canExport;

    public DataViewModel(WorkspaceSession session, TaskRunner runner, Clock clock) {
        this.session = session;
        this.runner = runner;
        this.load = new LoadViewModel(session, runner, clock, this::loaded);
        this.tables = new BrowserViewModel(session, runner);
        this.rejections = new BrowserViewModel(session, runner);
        tables.tableProperty().set(DEFAULT_TABLE);
        rejections.tableProperty().set(REJECTIONS);
        busy = load.runningProperty().or(disposing);
        empty = listed.and(Bindings.isEmpty(snapshots));
        canExport = Bindings.createBooleanBinding(
                () -> !exporting.get() && selected.get() != null && selected.get().rowsRejected() > 0, exporting, selected);
        load.outcomeProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                notice.set(b);
            }
        });
        selected.addListener((o, a, s) -> {
            files.setAll(s == null ? List.of() : s.files());
            tables.snapshotProperty().set(s);
            rejections.snapshotProperty().set(s);
        });
        session.workspaceProperty().addListener((o, a, ws) -> {
            listed.set(false);
            snapshots.clear();
            selected.set(null);
            notice.set("");
            refresh(null);
        });
    }

    /** The tables a snapshot's data can be browsed in; the rejections have their own place. */
    public static List<String> tableNames() {
        return TableBrowser.tableNames().stream().filter(t -> !t.equals(REJECTIONS)).toList();
    }

    public ObservableList<Snapshot> snapshots() {
        return snapshotsView;
    }

    public ObjectProperty<Snapshot> selectedProperty() {
        return selected;
    }

    /** What each file of the selected snapshot contributed. */
    public ObservableList<FileSummary> files() {
        return filesView;
    }

    public LoadViewModel load() {
        return load;
    }

    public BrowserViewModel tables() {
        return tables;
    }

    public BrowserViewModel rejections() {
        return rejections;
    }

    /** True once the snapshots have been read and there are none: time to offer the sample data. */
    public BooleanBinding emptyProperty() {
        return empty;
    }

    /** A load or a disposal is running; neither may start another. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** A snapshot with rejections is selected and no export is running. */
    public BooleanBinding canExportProperty() {
        return canExport;
    }

    /** The outcome of the last thing done, in a sentence. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Text about the selected snapshot, e.g. its rows read as "417"; empty while none is selected. */
    public ObservableStringValue summary(Function<Snapshot, String> part) {
        return Bindings.createStringBinding(() -> selected.get() == null ? "" : part.apply(selected.get()), selected);
    }

    /** Reads the snapshot list again, then selects {@code selectId}, or keeps the selection, or takes the latest. */
    public void refresh(Integer selectId) {
        Workspace ws = session.workspace();
        if (ws == null) {
            return;
        }
        runner.run(BackgroundTask.of("Reading the workspace's snapshots", (p, c) -> {
                    reviewDays = new org.iomworkbench.core.load.Retention(ws).periodDays();
                    return new SnapshotStore(ws).list();
                })
                .onSuccess(list -> {
                    if (ws != session.workspace()) {
                        return;
                    }
                    Integer keep = selectId != null ? selectId : selected.get() == null ? null : selected.get().id();
                    snapshots.setAll(list);
                    listed.set(true);
                    Snapshot pick = list.isEmpty() ? null : list.get(list.size() - 1);
                    for (Snapshot s : list) {
                        if (keep != null && s.id() == keep) {
                            pick = s;
                        }
                    }
                    selected.set(pick);
                }));
    }

    private void loaded(LoadResult r) {
        refresh(r.snapshot().id());
        if (r.created()) {
            session.changed();
        }
    }

    /**
     * Removes a snapshot and all its data for good.
     *
     * @param reason why, as the analyst wrote it; the audit trail keeps only its hash
     */
    public void dispose(Snapshot s, String reason) {
        Workspace ws = session.workspace();
        if (ws == null || s == null || busy.get()) {
            return;
        }
        if (selected.get() != null && selected.get().id() == s.id()) {
            // stop browsing first, so no page is read from tables that are about to go
            selected.set(null);
        }
        disposing.set(true);
        runner.run(BackgroundTask.of("Disposing of snapshot " + s.id(), (p, c) -> {
                    new SnapshotStore(ws).dispose(s.id(), reason);
                    // the database file rewritten with the live data only: nothing disposed stays in free pages
                    return ws.compactAndReopen();
                })
                .onSuccess(reopened -> {
                    disposing.set(false);
                    session.open(reopened);
                    session.changed();
                    notice.set("Snapshot " + s.id() + " was disposed of: its data is gone from this workspace (the "
                            + "database compacted), and the audit trail records it.");
                    refresh(null);
                })
                .onFailure(e -> {
                    disposing.set(false);
                    refresh(s.id());
                }));
    }

    /**
     * Erases a source record from every snapshot (right to erasure): re-links and re-scores what it
     * touched, marks the publications that named the person, audits the act, then compacts the
     * database and opens the workspace again, all in the background.
     */
    public void erase(String source, String sourcePersonId) {
        Workspace ws = session.workspace();
        if (ws == null || busy.get() || source == null || source.isBlank() || sourcePersonId == null
                || sourcePersonId.isBlank()) {
            return;
        }
        selected.set(null);
        disposing.set(true);
        runner.run(BackgroundTask.of("Erasing " + source + " " + sourcePersonId, (p, c) -> {
                    org.iomworkbench.core.privacy.Erasure.Result r = new org.iomworkbench.core.privacy.Erasure(ws)
                            .erase(source, sourcePersonId, p, c);
                    return new Object[]{r, ws.compactAndReopen()};
                })
                .onSuccess(x -> {
                    disposing.set(false);
                    org.iomworkbench.core.privacy.Erasure.Result r = (org.iomworkbench.core.privacy.Erasure.Result) x[0];
                    session.open((Workspace) x[1]);
                    notice.set("Erased " + source.strip().toUpperCase(java.util.Locale.ROOT) + " " + sourcePersonId.strip()
                            + ": " + Format.count(r.rowsRemoved()) + " rows removed from snapshot(s) " + r.snapshots()
                            + ", re-linked and re-scored, the database compacted"
                            + (r.publications().isEmpty() ? "." : "; publications " + r.publications()
                            + " named the person and are no longer reproducible.")
                            + " The erasure is in the audit trail by a hash only.");
                })
                .onFailure(e -> {
                    disposing.set(false);
                    refresh(null);
                }));
    }

    /** Where the rejections export is suggested: the workspace's {@code exports} folder. */
    public Path suggestedExport(Snapshot s) {
        Workspace ws = session.workspace();
        String name = "rejections-snapshot-" + s.id() + ".csv";
        return ws == null ? Path.of(name) : ws.exportsDir().resolve(name);
    }

    /** Writes all of the snapshot's rejections to a CSV file. */
    public void exportRejections(Snapshot s, Path out) {
        Workspace ws = session.workspace();
        if (ws == null || s == null) {
            return;
        }
        exporting.set(true);
        runner.run(BackgroundTask.of("Exporting the rejections", (p, c) -> new SnapshotStore(ws).exportRejections(s, out))
                .onSuccess(n -> {
                    exporting.set(false);
                    notice.set("Exported " + Format.plural(n, "rejected row", "rejected rows") + " of snapshot "
                            + s.id() + " to " + out + ".");
                })
                .onFailure(e -> exporting.set(false)));
    }

    /** A snapshot's heading, e.g. "Snapshot 2 · extract 2025-01-31". */
    public static String title(Snapshot s) {
        return "Snapshot " + s.id() + " · extract " + s.extractDate();
    }

    private volatile int reviewDays = org.iomworkbench.core.load.Retention.DEFAULT_DAYS;

    /** A snapshot in the list, in short lines that fit a narrow pane, with when it is due for review. */
    public List<String> listLines(Snapshot s) {
        return listLines(s, reviewDays, java.time.LocalDate.now());
    }

    static List<String> listLines(Snapshot s, int reviewDays, java.time.LocalDate today) {
        java.time.LocalDate review = java.time.Instant.parse(s.createdAt()).atZone(java.time.ZoneOffset.UTC).toLocalDate()
                .plusDays(reviewDays);
        return List.of("Snapshot " + s.id(), "extract " + s.extractDate(),
                Format.plural(s.rowsRead(), "row", "rows") + ", " + Format.count(s.rowsRejected()) + " rejected",
                review.isAfter(today) ? "review by " + review : "REVIEW DUE since " + review + ": keep or dispose");
    }

    /** Where the harm index came from, in words. */
    public static String harmIndexSource(Snapshot s) {
        return "folder".equals(s.harmIndex()) ? "from the extract folder" : "the workbench's default";
    }
}
