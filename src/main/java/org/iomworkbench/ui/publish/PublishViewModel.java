package org.iomworkbench.ui.publish;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.model.ModelStore;
import org.iomworkbench.core.publish.PublicationRequest;
import org.iomworkbench.core.publish.Publisher;
import org.iomworkbench.core.score.Band;
import org.iomworkbench.core.score.ScoreStore;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.BackgroundTask;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.TaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Publish step: a scoring run and a model run of one snapshot, the list they make with the
 * analyst's filters, people left off with a recorded reason, counts per band before and after,
 * the columns (allowed ones only), and the sign-off: the workstation's user and the typed
 * confirmation that the list is advice, not a decision. Publishing writes the CSV and its
 * manifest, stores and audits the publication.
 */
public final class PublishViewModel {
    private final WorkspaceSession session;
    private final TaskRunner runner;
    private final ObservableList<ScoreStore.Run> scoreRuns = FXCollections.observableArrayList();
    private final ObservableList<ModelStore.RunInfo> modelRuns = FXCollections.observableArrayList();
    private final ObjectProperty<ScoreStore.Run> scoreRun = new SimpleObjectProperty<>(this, "scoreRun");
    private final ObjectProperty<ModelStore.RunInfo> modelRun = new SimpleObjectProperty<>(this, "modelRun");
    private final Map<Band, BooleanProperty> bands = new EnumMap<>(Band.class);
    private final StringProperty minProbability = new SimpleStringProperty(this, "minProbability", "");
    private final BooleanProperty under18Only = new SimpleBooleanProperty(this, "under18Only");
    private final Map<String, BooleanProperty> columns = new LinkedHashMap<>();
    private final BooleanProperty bom = new SimpleBooleanProperty(this, "bom", true);
    private final StringProperty signer = new SimpleStringProperty(this, "signer", AuditTrail.currentUser());
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final ObservableList<Publisher.Row> rows = FXCollections.observableArrayList();
    private final ObservableMap<String, String> exclusions = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final BooleanBinding canPublish;
    private final StringBinding status;
    private long request;

    public PublishViewModel(WorkspaceSession session, TaskRunner runner) {
        this.session = session;
        this.runner = runner;
        for (Band b : Band.values()) {
            bands.put(b, new SimpleBooleanProperty(this, "band" + b, true));
        }
        for (String c : Publisher.ALLOWED) {
            columns.put(c, new SimpleBooleanProperty(this, "column" + c, Publisher.DEFAULT_COLUMNS.contains(c)));
        }
        canPublish = Bindings.createBooleanBinding(() -> !busy.get() && scoreRun.get() != null && modelRun.get() != null
                        && !rows.isEmpty() && signer.get() != null && !signer.get().isBlank()
                        && Publisher.CONFIRMATION.equals(confirmation.get() == null ? "" : confirmation.get().strip()),
                busy, scoreRun, modelRun, rows, signer, confirmation);
        status = Bindings.createStringBinding(() -> {
            if (session.workspace() == null) {
                return "No workspace is open.";
            }
            if (scoreRuns.isEmpty() || modelRuns.isEmpty()) {
                return "Publishing needs a saved scoring run (step 3, Save run) and a model run (step 4) of the same snapshot.";
            }
            return "Choose the runs, review the list, leave people off with a reason, then sign it off.";
        }, session.workspaceProperty(), scoreRuns, modelRuns);
        session.workspaceProperty().addListener((o, a, ws) -> refresh());
        session.revision().addListener((o, a, b) -> refresh());
        scoreRun.addListener((o, a, b) -> preview());
        modelRun.addListener((o, a, b) -> preview());
        exclusions.addListener((javafx.collections.MapChangeListener<String, String>) c -> preview());
    }

    public ObservableList<ScoreStore.Run> scoreRuns() {
        return scoreRuns;
    }

    public ObservableList<ModelStore.RunInfo> modelRuns() {
        return modelRuns;
    }

    public ObjectProperty<ScoreStore.Run> scoreRunProperty() {
        return scoreRun;
    }

    public ObjectProperty<ModelStore.RunInfo> modelRunProperty() {
        return modelRun;
    }

    public BooleanProperty bandProperty(Band b) {
        return bands.get(b);
    }

    public StringProperty minProbabilityProperty() {
        return minProbability;
    }

    /** A review filter of the table only (the list published is not narrowed by it). */
    public BooleanProperty under18OnlyProperty() {
        return under18Only;
    }

    public BooleanProperty columnProperty(String column) {
        return columns.get(column);
    }

    public BooleanProperty bomProperty() {
        return bom;
    }

    public StringProperty signerProperty() {
        return signer;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ObservableList<Publisher.Row> rows() {
        return rows;
    }

    public ObservableMap<String, String> exclusions() {
        return exclusions;
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public BooleanBinding canPublishProperty() {
        return canPublish;
    }

    public StringBinding statusProperty() {
        return status;
    }

    public void refresh() {
        Workspace ws = session.workspace();
        if (ws == null) {
            scoreRuns.clear();
            modelRuns.clear();
            return;
        }
        runner.run(BackgroundTask.of("Reading the runs", (p, c) -> new Object[]{new ScoreStore(ws).runs(), new ModelStore(ws).runs()})
                .onSuccess(r -> {
                    @SuppressWarnings("unchecked")
                    List<ScoreStore.Run> s = (List<ScoreStore.Run>) r[0];
                    @SuppressWarnings("unchecked")
                    List<ModelStore.RunInfo> m = (List<ModelStore.RunInfo>) r[1];
                    scoreRuns.setAll(s);
                    modelRuns.setAll(m);
                    if (scoreRun.get() == null && !s.isEmpty()) {
                        scoreRun.set(s.get(0));
                    }
                    if (modelRun.get() == null && !m.isEmpty()) {
                        // the newest model run of the scoring run's snapshot
                        int snap = scoreRun.get() == null ? -1 : scoreRun.get().snapshotId();
                        modelRun.set(m.stream().filter(x -> x.snapshotId() == snap).findFirst().orElse(m.get(0)));
                    }
                }));
    }

    PublicationRequest request() {
        Set<String> chosen = new TreeSet<>();
        bands.forEach((b, on) -> {
            if (on.get()) {
                chosen.add(b.name());
            }
        });
        Double min = null;
        String m = minProbability.get();
        if (m != null && !m.isBlank()) {
            try {
                min = Double.parseDouble(m.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The lowest probability must be a number such as 0.2.");
            }
        }
        List<String> cols = new ArrayList<>();
        columns.forEach((c, on) -> {
            if (on.get()) {
                cols.add(c);
            }
        });
        return new PublicationRequest(scoreRun.get().runId(), modelRun.get().runId(), cols, chosen, min,
                new LinkedHashMap<>(exclusions), bom.get(), signer.get(), confirmation.get() == null ? "" : confirmation.get().strip());
    }

    /** Builds the list the current choices make, in the background. */
    public void preview() {
        Workspace ws = session.workspace();
        if (ws == null || scoreRun.get() == null || modelRun.get() == null) {
            rows.clear();
            return;
        }
        PublicationRequest r;
        PublicationRequest all;
        try {
            r = request();
            all = new PublicationRequest(r.scoresRun(), r.modelRun(), r.columns(), Set.of(), null, Map.of(), r.bom(),
                    r.signedOffBy(), r.confirmation());
        } catch (IllegalArgumentException e) {
            notice.set(e.getMessage());
            return;
        }
        long id = ++request;
        busy.set(true);
        runner.run(BackgroundTask.of("Building the list", (p, c) -> {
            Publisher pub = new Publisher(ws);
            return new List<?>[]{pub.rows(all), pub.rows(r)};
        }).onSuccess(res -> {
            busy.set(false);
            if (id != request) {
                return;
            }
            @SuppressWarnings("unchecked")
            List<Publisher.Row> before = (List<Publisher.Row>) res[0];
            @SuppressWarnings("unchecked")
            List<Publisher.Row> after = (List<Publisher.Row>) res[1];
            rows.setAll(after);
            counts.set(countsText(before, after));
        }).onFailure(e -> busy.set(false)));
    }

    static String countsText(List<Publisher.Row> before, List<Publisher.Row> after) {
        StringBuilder b = new StringBuilder("Per band, all scored people with an offence → on this list: ");
        for (Band band : Band.values()) {
            long x = before.stream().filter(r -> r.band() == band).count();
            long y = after.stream().filter(r -> r.band() == band).count();
            b.append(band.name()).append(' ').append(Format.count(x)).append(" → ").append(Format.count(y)).append("; ");
        }
        b.append("in all ").append(Format.count(before.size())).append(" → ").append(Format.count(after.size())).append('.');
        return b.toString();
    }

    /** Leaves a person off the list, with the reason recorded with the publication. */
    public void exclude(String personId, String reason) {
        if (personId == null || reason == null || reason.isBlank()) {
            notice.set("Leaving someone off needs a reason.");
            return;
        }
        exclusions.put(personId, reason.strip());
        notice.set("Left " + personId + " off the list: " + reason.strip() + ".");
    }

    private final ObservableList<org.iomworkbench.core.publish.Monitor.Followed> ledger = FXCollections.observableArrayList();

    /** Earlier publications followed up in later snapshots (the beta test). */
    public ObservableList<org.iomworkbench.core.publish.Monitor.Followed> ledger() {
        return ledger;
    }

    /** Follows every publication up in the latest later snapshot, in the background. */
    public void followUp() {
        Workspace ws = session.workspace();
        if (ws == null) {
            return;
        }
        busy.set(true);
        runner.run(BackgroundTask.of("Following up the published lists", (p, c) -> new org.iomworkbench.core.publish.Monitor(ws).run())
                .onSuccess(list -> {
                    busy.set(false);
                    ledger.setAll(list);
                    notice.set(list.isEmpty() ? "No list has been published yet."
                            : Format.plural(list.size(), "publication", "publications") + " followed up.");
                })
                .onFailure(e -> busy.set(false)));
    }

    /** Publishes the list to the file, with its manifest beside it. */
    public void publish(Path file) {
        Workspace ws = session.workspace();
        if (ws == null || !canPublish.get()) {
            return;
        }
        PublicationRequest r = request();
        busy.set(true);
        runner.run(BackgroundTask.of("Publishing the list", (p, c) -> new Publisher(ws).publish(r, file))
                .onSuccess(pub -> {
                    busy.set(false);
                    confirmation.set("");
                    notice.set(String.format(Locale.UK, "Publication %d: %s people, signed off by %s, written to %s (SHA-256 %s) "
                            + "with its manifest. The publication is in the audit trail.", pub.id(), Format.count(pub.rows()),
                            pub.signer(), file, pub.csvSha256()));
                    session.changed();
                })
                .onFailure(e -> busy.set(false)));
    }
}
