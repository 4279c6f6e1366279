package org.iomworkbench.ui.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iomworkbench.core.audit.AuditEntry;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.audit.AuditVerification;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.BackgroundTask;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.TaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The Audit step: the workspace's hash-chained audit trail, entry by entry, and whether every
 * link still holds. Read and verified again whenever the workspace changes, and on demand.
 */
public final class AuditViewModel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Where the chain stands, for the status line's colour. */
    public enum State { UNKNOWN, CHECKING, INTACT, BROKEN }

    private final WorkspaceSession session;
    private final TaskRunner runner;
    private final Clock clock;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final ObjectProperty<AuditEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper selectedDetails = new ReadOnlyStringWrapper(this, "selectedDetails", "");
    private final ReadOnlyObjectWrapper<AuditVerification> verification = new ReadOnlyObjectWrapper<>(this, "verification");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.UNKNOWN);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "No workspace is open.");
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
    private long request;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    /** The workspace changed while the view was not shown. */
    private boolean changedUnseen;

    public AuditViewModel(WorkspaceSession session, TaskRunner runner, Clock clock) {
        this.session = session;
        this.runner = runner;
        this.clock = clock;
        session.workspaceProperty().addListener((o, a, b) -> verifyWhenShown());
        session.revision().addListener((o, a, b) -> verifyWhenShown());
        shown.addListener((o, was, now) -> {
            if (now && changedUnseen) {
                verify();
            }
        });
        selected.addListener((o, a, e) -> selectedDetails.set(e == null ? "" : describe(e)));
    }

    /**
     * Whether the view is on screen. While it is not, a change to the workspace is only noted, and
     * the trail is read and checked when the view is next shown: reading and checking every entry,
     * and filling the table, after each load, link or training would be work for nobody.
     */
    public BooleanProperty shownProperty() {
        return shown;
    }

    private void verifyWhenShown() {
        if (shown.get()) {
            verify();
        } else {
            changedUnseen = true;
        }
    }

    /** Entries whose action, command, user or details contain the text (any letter case); all when it is blank. */
    public static java.util.function.Predicate<AuditEntry> matching(String text) {
        if (text == null || text.isBlank()) {
            return e -> true;
        }
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        return e -> (e.action() + " " + e.command() + " " + e.osUser() + " " + e.details()).toLowerCase(java.util.Locale.ROOT)
                .contains(t);
    }

    public ObservableList<AuditEntry> entries() {
        return entriesView;
    }

    public ObjectProperty<AuditEntry> selectedProperty() {
        return selected;
    }

    /** The selected entry in full: its details laid out, and the hashes that chain it. */
    public ReadOnlyStringProperty selectedDetailsProperty() {
        return selectedDetails.getReadOnlyProperty();
    }

    /** The last verification, or null before the first. */
    public ReadOnlyObjectProperty<AuditVerification> verificationProperty() {
        return verification.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The verification in words: intact, or broken at which entry and why. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** Reads the entries as they now are and checks every link of the chain. */
    public void verify() {
        changedUnseen = false;
        Workspace ws = session.workspace();
        long id = ++request;
        if (ws == null) {
            entries.clear();
            verification.set(null);
            state.set(State.UNKNOWN);
            status.set("No workspace is open.");
            return;
        }
        reading.set(true);
        state.set(State.CHECKING);
        status.set("Checking every link of the audit trail…");
        // its own connection: the audit is read while a load may be using the workspace's
        runner.run(BackgroundTask.of("Reading the audit trail", (p, c) -> {
                    try (Connection conn = ws.newConnection()) {
                        AuditTrail trail = new AuditTrail(conn);
                        return new Reading(trail.entries(), trail.verify());
                    }
                })
                .onSuccess(r -> {
                    if (id != request) {
                        return;
                    }
                    reading.set(false);
                    // keep the analyst's choice; otherwise show the latest entry, the one most often wanted
                    long keep = selected.get() != null ? selected.get().seq() : Long.MAX_VALUE;
                    entries.setAll(r.entries());
                    selected.set(r.entries().stream().filter(e -> e.seq() == keep).findFirst()
                            .orElse(r.entries().isEmpty() ? null : r.entries().get(r.entries().size() - 1)));
                    verification.set(r.verification());
                    state.set(r.verification().intact() ? State.INTACT : State.BROKEN);
                    status.set(describe(r.verification()) + " (checked at " + LocalTime.now(clock).format(CLOCK_TIME) + ")");
                })
                .onFailure(e -> {
                    if (id == request) {
                        reading.set(false);
                        state.set(State.UNKNOWN);
                        status.set("The audit trail could not be read.");
                    }
                }));
    }

    static String describe(AuditVerification v) {
        if (v.intact()) {
            return v.entries() == 0 ? "Intact: the audit trail has no entries yet."
                    : "Intact: " + Format.plural(v.entries(), "entry", "entries") + ", every link verified.";
        }
        return "Broken at entry " + v.brokenSeq() + ": " + v.problem() + ". Entries from there on cannot be trusted.";
    }

    static String describe(AuditEntry e) {
        StringBuilder sb = new StringBuilder();
        sb.append("Entry ").append(e.seq()).append(": ").append(e.action()).append(" by ").append(e.osUser())
                .append(" (").append(e.command()).append(") at ").append(Format.localTime(e.at())).append("\n\n");
        try {
            JsonNode details = JSON.readTree(e.details());
            sb.append(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(details));
        } catch (Exception notJson) {
            sb.append(e.details());
        }
        sb.append("\n\nhash:          ").append(e.hash())
                .append("\nprevious hash: ").append(e.prevHash());
        return sb.toString();
    }

    private record Reading(List<AuditEntry> entries, AuditVerification verification) {
    }
}
