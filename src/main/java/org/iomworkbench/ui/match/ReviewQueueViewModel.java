package org.iomworkbench.ui.match;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iomworkbench.core.link.LinkRunSummary;
import org.iomworkbench.core.link.LinkStore;
import org.iomworkbench.core.link.MatchModel;
import org.iomworkbench.core.link.NominalRecord;
import org.iomworkbench.core.link.PairStatus;
import org.iomworkbench.core.link.PairView;
import org.iomworkbench.core.link.ReviewDecisions;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.BackgroundTask;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.TaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The review queue: the pairs between the two thresholds, highest weight first. For the
 * selected pair, its two records side by side and how each field moved the match weight from the
 * prior to the pair's weight. Accept and reject are stored, applied and audited; skip moves on.
 */
public final class ReviewQueueViewModel {
    /** The queue is read this many pairs at a time; decisions read it again. */
    static final int PAGE = 500;

    private final WorkspaceSession session;
    private final TaskRunner runner;
    private final Object db;
    private final Consumer<MatchViewModel.ReviewDecisionMade> decided;
    private final ObservableList<PairView> pairs = FXCollections.observableArrayList();
    private final ObservableList<PairView> pairsView = FXCollections.unmodifiableObservableList(pairs);
    private final ObjectProperty<PairView> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyLongWrapper queued = new ReadOnlyLongWrapper(this, "queued");
    private final ReadOnlyBooleanWrapper deciding = new ReadOnlyBooleanWrapper(this, "deciding");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ObservableList<FieldComparison> comparison = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Waterfall> waterfall = new ReadOnlyObjectWrapper<>(this, "waterfall");
    private final BooleanBinding canDecide;
    private final StringBinding queueText;
    private Snapshot snapshot;
    private LinkRunSummary run;
    private long request;

    ReviewQueueViewModel(WorkspaceSession session, TaskRunner runner, Object db,
                         Consumer<MatchViewModel.ReviewDecisionMade> decided) {
        this.session = session;
        this.runner = runner;
        this.db = db;
        this.decided = decided;
        canDecide = selected.isNotNull().and(deciding.not());
        queueText = Bindings.createStringBinding(() -> {
            if (!ready.get()) {
                return "";
            }
            long n = queued.get();
            if (n == 0) {
                return "No pairs wait for review.";
            }
            return Format.plural(n, "pair waits", "pairs wait") + " for review"
                    + (n > pairs.size() ? " (the first " + Format.count(pairs.size()) + " shown)" : "")
                    + ", highest match weight first.";
        }, queued, ready, pairs);
        selected.addListener((o, a, p) -> {
            comparison.setAll(p == null ? List.of() : compare(p.recordA(), p.recordB()));
            waterfall.set(p == null || run == null ? null : Waterfall.of(p, run));
        });
    }

    /** The queued pairs read so far, highest weight first. */
    public ObservableList<PairView> pairs() {
        return pairsView;
    }

    public ObjectProperty<PairView> selectedProperty() {
        return selected;
    }

    /** All queued pairs of the snapshot, including those not read yet. */
    public ReadOnlyLongProperty queuedProperty() {
        return queued.getReadOnlyProperty();
    }

    /** A decision is being stored; no other may start. */
    public ReadOnlyBooleanProperty decidingProperty() {
        return deciding.getReadOnlyProperty();
    }

    public BooleanBinding canDecideProperty() {
        return canDecide;
    }

    /** The queue in a sentence, e.g. "59 pairs wait for review, highest match weight first." */
    public StringBinding queueTextProperty() {
        return queueText;
    }

    /** The selected pair's two records, field by field. */
    public ObservableList<FieldComparison> comparison() {
        return comparison;
    }

    /** How the selected pair's weight builds up from the prior, field by field; null when none is selected. */
    public ReadOnlyObjectProperty<Waterfall> waterfallProperty() {
        return waterfall.getReadOnlyProperty();
    }

    void show(Snapshot s, LinkRunSummary r) {
        snapshot = s;
        run = r;
        request++;
        ready.set(false);
        pairs.clear();
        queued.set(0);
        selected.set(null);
        if (s != null) {
            reload();
        }
    }

    /** Reads the queue again, keeping the selected pair if it is still queued. */
    void reload() {
        Workspace ws = session.workspace();
        Snapshot s = snapshot;
        if (ws == null || s == null) {
            return;
        }
        PairView keep = selected.get();
        long id = ++request;
        runner.run(BackgroundTask.of("Reading the review queue", (p, c) -> {
                    synchronized (db) {
                        return Page.read(ws, s);
                    }
                })
                .onSuccess(page -> {
                    if (id == request) {
                        int at = keep == null ? 0 : indexOf(page.pairs(), keep);
                        showPage(page, Math.max(0, at));
                    }
                }));
    }

    public void accept() {
        decide(true);
    }

    public void reject() {
        decide(false);
    }

    /** Leaves the selected pair in the queue and moves to the next one (after the last, back to the first). */
    public void skip() {
        PairView p = selected.get();
        if (p == null || deciding.get() || pairs.isEmpty()) {
            return;
        }
        int i = pairs.indexOf(p);
        selected.set(pairs.get((i + 1) % pairs.size()));
    }

    private void decide(boolean accept) {
        Workspace ws = session.workspace();
        Snapshot s = snapshot;
        PairView p = selected.get();
        if (ws == null || s == null || p == null || deciding.get()) {
            return;
        }
        int at = pairs.indexOf(p);
        deciding.set(true);
        long id = ++request;
        String what = (accept ? "Accepting" : "Rejecting") + " the pair " + p.a() + " and " + p.b();
        runner.run(BackgroundTask.of(what, (pr, c) -> {
                    synchronized (db) {
                        ReviewDecisions review = new ReviewDecisions(ws);
                        Set<String> after = accept ? review.accept(s, p.a(), p.b()) : review.reject(s, p.a(), p.b());
                        return new Decided(after, Page.read(ws, s));
                    }
                })
                .onSuccess(d -> {
                    deciding.set(false);
                    if (id == request) {
                        // the pair has left the queue: the one that took its place is next
                        showPage(d.page(), at);
                    }
                    decided.accept(new MatchViewModel.ReviewDecisionMade(describe(accept, p, d.persons()), MatchViewModel.Origin.QUEUE));
                })
                .onFailure(e -> deciding.set(false)));
    }

    private void showPage(Page page, int at) {
        pairs.setAll(page.pairs());
        queued.set(page.total());
        ready.set(true);
        selected.set(pairs.isEmpty() ? null : pairs.get(Math.min(at, pairs.size() - 1)));
    }

    private static int indexOf(List<PairView> list, PairView p) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).a().equals(p.a()) && list.get(i).b().equals(p.b())) {
                return i;
            }
        }
        return -1;
    }

    static String describe(boolean accept, PairView p, Set<String> persons) {
        return accept
                ? "Accepted: " + p.a() + " and " + p.b() + " are the same person, now " + String.join(", ", persons)
                + ". The decision is stored and audited, and every later run keeps it."
                : "Rejected: " + p.a() + " and " + p.b() + " are different people (" + String.join(", ", persons)
                + "). The decision is stored and audited, and every later run keeps it.";
    }

    /** The two records side by side; {@code differs} marks the fields that disagree (both present, not equal). */
    static List<FieldComparison> compare(NominalRecord a, NominalRecord b) {
        List<FieldComparison> out = new ArrayList<>();
        // different source systems are the point of linking, not a difference
        out.add(row("Source", a, b, r -> r.key().source(), false));
        out.add(row("Record id", a, b, r -> r.key().sourcePersonId(), false));
        out.add(row("Surname", a, b, NominalRecord::surname, true));
        out.add(row("Forenames", a, b, NominalRecord::forenames, true));
        out.add(row("Date of birth", a, b, r -> r.dateOfBirth() == null ? null : r.dateOfBirth().toString(), true));
        out.add(row("Gender", a, b, NominalRecord::gender, true));
        out.add(row("Postcode", a, b, NominalRecord::postcode, true));
        out.add(row("PNC id", a, b, NominalRecord::pncId, true));
        return out;
    }

    private static FieldComparison row(String field, NominalRecord a, NominalRecord b, Function<NominalRecord, String> value,
                                       boolean compared) {
        String x = a == null ? null : value.apply(a);
        String y = b == null ? null : value.apply(b);
        boolean differs = compared && !blank(x) && !blank(y) && !norm(x).equals(norm(y));
        return new FieldComparison(field, blank(x) ? "" : x, blank(y) ? "" : y, differs);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String norm(String s) {
        return s.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /**
     * One field of the two records.
     *
     * @param differs both have a value and they are not the same
     */
    public record FieldComparison(String field, String valueA, String valueB, boolean differs) {
    }

    /**
     * A pair's match weight built up step by step: the prior, then each field's contribution
     * (term-frequency adjustment included), ending at the pair's weight.
     *
     * @param steps       the prior first, then one step per field, in the model's order
     * @param weight      the pair's match weight (bits)
     * @param probability its match probability
     * @param lower       the lower threshold's weight: below it a pair is not linked
     * @param upper       the upper threshold's weight: at or above it a pair is linked
     */
    public record Waterfall(List<Step> steps, double weight, double probability, double lower, double upper) {

        static Waterfall of(PairView p, LinkRunSummary run) {
            List<Step> steps = new ArrayList<>();
            double at = run.priorWeight();
            steps.add(new Step("Prior", "two records at random", 0, at, true));
            for (PairView.Contribution c : p.contributions()) {
                steps.add(new Step(capitalise(c.field().label()), c.levelName(), at, at + c.weight(), false));
                at += c.weight();
            }
            double w = p.weight() == null ? at : p.weight();
            double prob = p.probability() == null ? MatchModel.probability(w) : p.probability();
            return new Waterfall(List.copyOf(steps), w, prob, run.thresholds().lowerWeight(), run.thresholds().upperWeight());
        }

        /** Why the pair waits for the analyst rather than being linked or left apart, in a sentence. */
        public String reason() {
            return weight >= upper
                    ? "Above the link threshold but held back: linking it would put records that contradict each other "
                    + "into one person. Look at both persons before accepting."
                    : "Between the two thresholds: the model is not sure enough to link it or to leave it apart.";
        }

        /** The pair's weight and probability in words, e.g. "match weight +1.84, probability 0.7814". */
        public String text() {
            return String.format(Locale.UK, "match weight %+.2f, probability %.4f", weight, probability);
        }
    }

    /**
     * One bar of the waterfall: from {@code start} to {@code end} in bits.
     *
     * @param prior the first bar, which starts at 0
     */
    public record Step(String label, String level, double start, double end, boolean prior) {
        public double change() {
            return end - start;
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private record Page(long total, List<PairView> pairs) {
        static Page read(Workspace ws, Snapshot s) {
            LinkStore store = new LinkStore(ws);
            return new Page(store.countPairs(s, PairStatus.QUEUED), store.pairs(s, PairStatus.QUEUED, 0, PAGE));
        }
    }

    private record Decided(Set<String> persons, Page page) {
    }
}
