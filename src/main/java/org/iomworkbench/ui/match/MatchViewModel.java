package org.iomworkbench.ui.match;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iomworkbench.core.link.LinkParameters;
import org.iomworkbench.core.link.LinkRun;
import org.iomworkbench.core.link.LinkRunSummary;
import org.iomworkbench.core.link.LinkStore;
import org.iomworkbench.core.link.Thresholds;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.BackgroundTask;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.Shortcut;
import org.iomworkbench.ui.common.TaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;

import java.util.List;
import java.util.Locale;

/**
 * The Match & merge step: which snapshot, its latest link run, running a new one in the
 * background (progress, Cancel), and the three places the analyst works in: the review queue,
 * the persons and the model. The latest snapshot is followed unless the analyst picks another.
 */
public final class MatchViewModel {
    private final WorkspaceSession session;
    private final TaskRunner runner;
    /** The review reads and decisions share the workspace's connection: one piece of work at a time. */
    private final Object db = new Object();
    private final ObservableList<Snapshot> snapshots = FXCollections.observableArrayList();
    private final ObservableList<Snapshot> snapshotsView = FXCollections.unmodifiableObservableList(snapshots);
    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<LinkRunSummary> run = new ReadOnlyObjectWrapper<>(this, "run");
    private final ReadOnlyBooleanWrapper listed = new ReadOnlyBooleanWrapper(this, "listed");
    private final ReadOnlyBooleanWrapper runRead = new ReadOnlyBooleanWrapper(this, "runRead");
    private final ReadOnlyBooleanWrapper linking = new ReadOnlyBooleanWrapper(this, "linking");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper(this, "progressMessage", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final StringBinding status;
    private final ReviewQueueViewModel queue;
    private final PersonsViewModel persons;
    private final ModelViewModel model;
    private final DecisionsViewModel decisions;
    private BackgroundTask<LinkRunSummary> linkTask;
    private long request;

    public MatchViewModel(WorkspaceSession session, TaskRunner runner) {
        this.session = session;
        this.runner = runner;
        this.queue = new ReviewQueueViewModel(session, runner, db, this::decided);
        this.persons = new PersonsViewModel(session, runner, db, this::decided);
        this.model = new ModelViewModel();
        this.decisions = new DecisionsViewModel(session, runner, db, this::decided);
        status = Bindings.createStringBinding(this::describeStatus, session.workspaceProperty(), listed, snapshot, run,
                runRead, linking);
        session.workspaceProperty().addListener((o, a, ws) -> {
            listed.set(false);
            snapshots.clear();
            snapshot.set(null);
            notice.set("");
            refresh();
        });
        session.revision().addListener((o, a, b) -> refresh());
        snapshot.addListener((o, a, s) -> readRun());
    }

    public ReviewQueueViewModel queue() {
        return queue;
    }

    public PersonsViewModel persons() {
        return persons;
    }

    public ModelViewModel model() {
        return model;
    }

    /** The analyst's stored decisions, and withdrawing one. */
    public DecisionsViewModel decisions() {
        return decisions;
    }

    public ObservableList<Snapshot> snapshots() {
        return snapshotsView;
    }

    /** The snapshot linked and reviewed; the latest unless the analyst chose another. */
    public ObjectProperty<Snapshot> snapshotProperty() {
        return snapshot;
    }

    /** The chosen snapshot's latest link run, or null before its first. */
    public ReadOnlyObjectProperty<LinkRunSummary> runProperty() {
        return run.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty linkingProperty() {
        return linking.getReadOnlyProperty();
    }

    /** Fraction done of the link run, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    /** The outcome of the last thing done, in a sentence. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Where the step stands in a sentence: what to do first, or which run is shown. */
    public StringBinding statusProperty() {
        return status;
    }

    /** Reads the workspace's snapshots again; keeps the chosen one unless it was the latest, then takes the new latest. */
    public void refresh() {
        Workspace ws = session.workspace();
        if (ws == null) {
            return;
        }
        runner.run(BackgroundTask.of("Reading the workspace's snapshots", (p, c) -> new SnapshotStore(ws).list())
                .onSuccess(list -> {
                    if (ws != session.workspace()) {
                        return;
                    }
                    Snapshot before = snapshot.get();
                    boolean followLatest = before == null || snapshots.isEmpty()
                            || snapshots.get(snapshots.size() - 1).id() == before.id();
                    if (!snapshots.equals(list)) {
                        snapshots.setAll(list);
                    }
                    listed.set(true);
                    Snapshot pick = list.isEmpty() ? null : list.get(list.size() - 1);
                    if (!followLatest) {
                        pick = list.stream().filter(s -> s.id() == before.id()).findFirst().orElse(pick);
                    }
                    // a chooser bound to the snapshot may have let go of it while the list changed
                    Snapshot now = snapshot.get();
                    if (pick == null ? now != null : now == null || now.id() != pick.id()) {
                        snapshot.set(pick);
                    }
                }));
    }

    private void readRun() {
        Workspace ws = session.workspace();
        Snapshot s = snapshot.get();
        long id = ++request;
        runRead.set(false);
        if (ws == null || s == null) {
            showRun(null, null);
            return;
        }
        runner.run(BackgroundTask.of("Reading the latest link run of snapshot " + s.id(), (p, c) -> {
                    synchronized (db) {
                        return new LinkStore(ws).latestRun(s);
                    }
                })
                .onSuccess(r -> {
                    if (id == request) {
                        runRead.set(true);
                        showRun(s, r.orElse(null));
                    }
                }));
    }

    private void showRun(Snapshot s, LinkRunSummary r) {
        run.set(r);
        model.show(r);
        queue.show(r == null ? null : s, r);
        persons.show(r == null ? null : s, r);
        decisions.show(r == null ? null : s);
    }

    /** Links the chosen snapshot in the background, replacing its earlier results; review decisions are kept and applied. */
    public void link() {
        Workspace ws = session.workspace();
        Snapshot s = snapshot.get();
        if (ws == null || s == null || linking.get()) {
            if (s == null && listed.get()) {
                notice.set("There is nothing to link yet: load an extract folder first in step 1, Data.");
            }
            return;
        }
        linking.set(true);
        progress.set(-1);
        progressMessage.set("Starting to link snapshot " + s.id() + "…");
        notice.set("");
        linkTask = BackgroundTask.of("Linking snapshot " + s.id(),
                        (p, c) -> new LinkRun(ws, new LinkParameters()).run(s, p, c))
                .onProgress(u -> {
                    progress.set(u.fraction());
                    progressMessage.set(u.message());
                })
                .onSuccess(r -> {
                    linking.set(false);
                    linkTask = null;
                    if (ws != session.workspace()) {
                        return;
                    }
                    notice.set("Snapshot " + s.id() + " linked in " + seconds(r.seconds()) + ": "
                            + Format.plural(r.records(), "record", "records") + " into "
                            + Format.plural(r.persons(), "person", "persons") + ", "
                            + Format.plural(r.pairsQueued(), "pair", "pairs") + " queued for your review.");
                    if (snapshot.get() != null && snapshot.get().id() == s.id()) {
                        request++;
                        runRead.set(true);
                        showRun(s, r);
                    }
                    session.changed();
                })
                .onCancelled(() -> {
                    linking.set(false);
                    linkTask = null;
                    notice.set("Linking was cancelled. The snapshot's earlier results, if any, are unchanged.");
                })
                .onFailure(e -> {
                    linking.set(false);
                    linkTask = null;
                });
        runner.run(linkTask);
    }

    public void cancel() {
        if (linkTask != null) {
            linkTask.cancel();
            progressMessage.set("Cancelling…");
        }
    }

    /** A decision changed the persons: the other places read them again, and the audit view learns of it. */
    private void decided(ReviewDecisionMade made) {
        notice.set(made.description());
        switch (made.origin()) {
            case QUEUE -> persons.search();
            case PERSONS -> queue.reload();
            case DECISIONS -> {
                queue.reload();
                persons.search();
            }
        }
        if (made.origin() != Origin.DECISIONS) {
            decisions.reload();
        }
        session.changed();
    }

    private String describeStatus() {
        if (session.workspace() == null) {
            return "No workspace is open.";
        }
        if (!listed.get()) {
            return "Reading the workspace…";
        }
        Snapshot s = snapshot.get();
        if (s == null) {
            return "There is no data to link yet. Load an extract folder first in step 1, Data ("
                    + Shortcut.GO_DATA.keysText() + ").";
        }
        if (linking.get()) {
            return "Linking snapshot " + s.id() + "…";
        }
        if (!runRead.get()) {
            return "Reading the latest link run of snapshot " + s.id() + "…";
        }
        LinkRunSummary r = run.get();
        if (r == null) {
            return "Snapshot " + s.id() + " has not been linked yet. Press Link (" + Shortcut.LINK.keysText()
                    + ") to resolve its person records into persons.";
        }
        return "Link run " + r.runId() + " of snapshot " + s.id() + ", started " + Format.localTime(r.startedAt())
                + ", took " + seconds(r.seconds()) + ".";
    }

    /** The run's thresholds, prior and links in a sentence for the header. */
    public static String factsText(LinkRunSummary r) {
        return "Linked at " + upperText(r.thresholds()) + "; queued for review from " + lowerText(r.thresholds())
                + ". Prior " + priorText(r) + ". Links made by " + linkedText(r) + ".";
    }

    /** A snapshot in the chooser, e.g. "Snapshot 2 · extract 2025-01-31". */
    public static String title(Snapshot s) {
        return "Snapshot " + s.id() + " · extract " + s.extractDate();
    }

    /** "link at P ≥ 0.8648 (weight 2.68), chosen from the data" */
    public static String upperText(Thresholds t) {
        return String.format(Locale.UK, "P ≥ %.4f (weight %.2f)%s", t.upperProbability(), t.upperWeight(),
                t.upperFromData() ? ", chosen from the data" : ", as set");
    }

    public static String lowerText(Thresholds t) {
        return String.format(Locale.UK, "P ≥ %.4f (weight %.2f)", t.lowerProbability(), t.lowerWeight());
    }

    public static String priorText(LinkRunSummary r) {
        return String.format(Locale.UK, "%.6f (weight %.2f)", r.model().prior(), r.priorWeight());
    }

    /** How the pairs were linked, e.g. "3,165: model 2,935, PNC 230, analyst 0". */
    public static String linkedText(LinkRunSummary r) {
        return "model " + Format.count(r.linkedByModel()) + ", PNC " + Format.count(r.linkedByPnc()) + ", analyst "
                + Format.count(r.linkedByAnalyst());
    }

    static String seconds(double s) {
        return String.format(Locale.UK, "%.1f s", s);
    }

    /** Blocking rules whose blocks were too large to compare, in words; empty when none. */
    public static String cappedText(LinkRunSummary r) {
        List<String> capped = r.blocking().stream().filter(b -> b.cappedBlocks() > 0)
                .map(b -> b.rule() + " (" + Format.plural(b.cappedBlocks(), "block", "blocks") + ", "
                        + Format.plural(b.pairsNotCompared(), "pair", "pairs") + " not compared)").toList();
        return capped.isEmpty() ? "" : "Blocks over the size cap were not compared: " + String.join("; ", capped) + ".";
    }

    /**
     * A review decision was stored.
     *
     * @param description what was decided and what it did, for the analyst
     * @param origin      where it was made: the review queue, the persons view or the decisions list
     */
    record ReviewDecisionMade(String description, Origin origin) {
    }

    /** Where the analyst made a review decision. */
    enum Origin { QUEUE, PERSONS, DECISIONS }
}
