package org.iomworkbench.ui.match;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iomworkbench.core.link.ReviewDecision;
import org.iomworkbench.core.link.ReviewDecisions;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.BackgroundTask;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.TaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The analyst's stored decisions (accepted and rejected pairs, splits), newest first, and
 * withdrawing one: the pair waits in the review queue again (a withdrawal never links by itself;
 * the next link run settles the pair by the model), the persons it touched are clustered again,
 * and the withdrawal is audited.
 */
public final class DecisionsViewModel {
    private final WorkspaceSession session;
    private final TaskRunner runner;
    private final Object db;
    private final Consumer<MatchViewModel.ReviewDecisionMade> decided;
    private final ObservableList<ReviewDecision> decisions = FXCollections.observableArrayList();
    private final ObservableList<ReviewDecision> decisionsView = FXCollections.unmodifiableObservableList(decisions);
    private final ObjectProperty<ReviewDecision> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper withdrawing = new ReadOnlyBooleanWrapper(this, "withdrawing");
    private final BooleanBinding canWithdraw;
    private final StringBinding summary;
    private Snapshot snapshot;
    private long request;

    DecisionsViewModel(WorkspaceSession session, TaskRunner runner, Object db,
                       Consumer<MatchViewModel.ReviewDecisionMade> decided) {
        this.session = session;
        this.runner = runner;
        this.db = db;
        this.decided = decided;
        canWithdraw = selected.isNotNull().and(withdrawing.not());
        summary = Bindings.createStringBinding(() -> {
            if (decisions.isEmpty()) {
                return "No decisions are stored. Accepting or rejecting a pair, or splitting a person, stores one; "
                        + "every later run keeps it.";
            }
            long accepted = decisions.stream().filter(d -> d.kind() == ReviewDecision.Kind.ACCEPT).count();
            return Format.plural(decisions.size(), "decision is", "decisions are") + " stored (" + Format.count(accepted)
                    + " accepted, " + Format.count(decisions.size() - accepted) + " rejected), newest first. "
                    + "Withdrawing one puts the pair back in the review queue and re-clusters the persons it touched.";
        }, decisions);
    }

    /** Every stored decision, newest first. */
    public ObservableList<ReviewDecision> decisions() {
        return decisionsView;
    }

    public ObjectProperty<ReviewDecision> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty withdrawingProperty() {
        return withdrawing.getReadOnlyProperty();
    }

    public BooleanBinding canWithdrawProperty() {
        return canWithdraw;
    }

    /** The decisions in a sentence. */
    public StringBinding summaryProperty() {
        return summary;
    }

    void show(Snapshot s) {
        snapshot = s;
        reload();
    }

    /** Reads the stored decisions again. */
    void reload() {
        Workspace ws = session.workspace();
        if (ws == null || snapshot == null) {
            decisions.clear();
            return;
        }
        long id = ++request;
        runner.run(BackgroundTask.of("Reading the review decisions", (p, c) -> {
            synchronized (db) {
                return new ReviewDecisions(ws).list();
            }
        }).onSuccess(list -> {
            if (id == request) {
                ReviewDecision keep = selected.get();
                decisions.setAll(newestFirst(list));
                selected.set(keep != null && decisions.contains(keep) ? keep : null);
            }
        }));
    }

    /** Withdraws the selected decision (on the chosen snapshot's persons). */
    public void withdraw() {
        Workspace ws = session.workspace();
        Snapshot s = snapshot;
        ReviewDecision d = selected.get();
        if (ws == null || s == null || d == null || withdrawing.get()) {
            return;
        }
        withdrawing.set(true);
        long id = ++request;
        runner.run(BackgroundTask.of("Withdrawing the decision on " + d.a() + " and " + d.b(), (p, c) -> {
                    synchronized (db) {
                        ReviewDecisions review = new ReviewDecisions(ws);
                        Set<String> after = review.withdraw(s, d.a(), d.b());
                        return new Withdrawn(after, review.list());
                    }
                })
                .onSuccess(w -> {
                    withdrawing.set(false);
                    if (id == request) {
                        decisions.setAll(newestFirst(w.decisions()));
                        selected.set(null);
                    }
                    decided.accept(new MatchViewModel.ReviewDecisionMade(describe(d, w.persons()), MatchViewModel.Origin.DECISIONS));
                })
                .onFailure(e -> withdrawing.set(false)));
    }

    static String describe(ReviewDecision d, Set<String> persons) {
        return "Withdrawn: the decision that " + d.a() + " and " + d.b() + (d.kind() == ReviewDecision.Kind.ACCEPT
                ? " are the same person" : " are different people") + ". The pair waits for review again; "
                + "the records are now in " + String.join(", ", persons) + ". The withdrawal is audited.";
    }

    private static List<ReviewDecision> newestFirst(List<ReviewDecision> oldestFirst) {
        List<ReviewDecision> out = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    private record Withdrawn(Set<String> persons, List<ReviewDecision> decisions) {
    }
}
