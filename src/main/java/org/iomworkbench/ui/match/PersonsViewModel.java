package org.iomworkbench.ui.match;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.iomworkbench.core.browse.TableBrowser;
import org.iomworkbench.core.link.ClusterFlag;
import org.iomworkbench.core.link.ClusterView;
import org.iomworkbench.core.link.LinkParameters;
import org.iomworkbench.core.link.LinkRunSummary;
import org.iomworkbench.core.link.LinkStore;
import org.iomworkbench.core.link.NominalRecord;
import org.iomworkbench.core.link.PairView;
import org.iomworkbench.core.link.PersonRow;
import org.iomworkbench.core.link.RecordKey;
import org.iomworkbench.core.link.ReviewDecisions;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.BackgroundTask;
import org.iomworkbench.ui.common.Debouncer;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.TaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Persons and their clusters: with no search, the persons flagged for review, largest first;
 * a search finds persons by person id, record id or name. For the chosen person, the records
 * merged into it and the pairs that joined them, and splitting records off into a person of
 * their own.
 */
public final class PersonsViewModel {
    static final Duration SEARCH_DELAY = Duration.ofMillis(300);
    /** At most this many persons are listed; the analyst narrows the search for more. */
    static final int LIMIT = 200;
    private static final String NOMINALS = "NOMINALS";
    private static final Pattern PERSON_ID = Pattern.compile("P[0-9A-F]{16}");

    private final WorkspaceSession session;
    private final TaskRunner runner;
    private final Object db;
    private final Consumer<MatchViewModel.ReviewDecisionMade> decided;
    private final Debouncer debouncer;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<PersonRow> results = FXCollections.observableArrayList();
    private final ObservableList<PersonRow> resultsView = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyStringWrapper resultsText = new ReadOnlyStringWrapper(this, "resultsText", "");
    private final ObjectProperty<PersonRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<ClusterView> cluster = new ReadOnlyObjectWrapper<>(this, "cluster");
    private final ObservableList<NominalRecord> records = FXCollections.observableArrayList();
    private final ObservableList<PairView> links = FXCollections.observableArrayList();
    private final ObservableSet<RecordKey> splitOff = FXCollections.observableSet();
    private final ReadOnlyStringWrapper flagsText = new ReadOnlyStringWrapper(this, "flagsText", "");
    private final ReadOnlyBooleanWrapper splitting = new ReadOnlyBooleanWrapper(this, "splitting");
    private final BooleanBinding canSplit;
    private Snapshot snapshot;
    private long searchRequest;
    private long clusterRequest;

    PersonsViewModel(WorkspaceSession session, TaskRunner runner, Object db,
                     Consumer<MatchViewModel.ReviewDecisionMade> decided) {
        this.session = session;
        this.runner = runner;
        this.db = db;
        this.decided = decided;
        this.debouncer = new Debouncer(runner, SEARCH_DELAY);
        canSplit = Bindings.createBooleanBinding(() -> !splitting.get() && cluster.get() != null
                && !splitOff.isEmpty() && splitOff.size() < records.size(), splitting, cluster, splitOff, records);
        query.addListener((o, a, b) -> debouncer.submit(this::search));
        selected.addListener((o, a, p) -> readCluster(p == null ? null : p.personId()));
    }

    /** Person id, record id or name; blank lists the persons flagged for review. */
    public StringProperty queryProperty() {
        return query;
    }

    /** The persons found, flagged ones first. */
    public ObservableList<PersonRow> results() {
        return resultsView;
    }

    /** What the list holds, e.g. "29 persons flagged for review, largest first." */
    public ReadOnlyStringProperty resultsTextProperty() {
        return resultsText.getReadOnlyProperty();
    }

    public ObjectProperty<PersonRow> selectedProperty() {
        return selected;
    }

    /** The chosen person's cluster, or null. */
    public ReadOnlyObjectProperty<ClusterView> clusterProperty() {
        return cluster.getReadOnlyProperty();
    }

    /** The chosen person's records. */
    public ObservableList<NominalRecord> records() {
        return records;
    }

    /** The stored pairs that touch the chosen person: the links that joined it first, then queued and rejected ones. */
    public ObservableList<PairView> links() {
        return links;
    }

    /** Why the chosen person is flagged, in plain words; empty when it is not. */
    public ReadOnlyStringProperty flagsTextProperty() {
        return flagsText.getReadOnlyProperty();
    }

    /** The records the analyst chose to split off the chosen person. */
    public ObservableSet<RecordKey> splitOff() {
        return splitOff;
    }

    /** Some, not all, of the person's records are chosen, and no split is running. */
    public BooleanBinding canSplitProperty() {
        return canSplit;
    }

    public ReadOnlyBooleanProperty splittingProperty() {
        return splitting.getReadOnlyProperty();
    }

    void show(Snapshot s, LinkRunSummary r) {
        snapshot = s;
        searchRequest++;
        clusterRequest++;
        results.clear();
        selected.set(null);
        cluster.set(null);
        records.clear();
        links.clear();
        splitOff.clear();
        resultsText.set(s == null ? "" : "Reading the persons…");
        if (s != null) {
            search();
        }
    }

    /** Finds the persons the query names, at once (typing searches by itself after a pause). */
    public void search() {
        debouncer.cancel();
        Workspace ws = session.workspace();
        Snapshot s = snapshot;
        if (ws == null || s == null) {
            return;
        }
        String q = query.get() == null ? "" : query.get().strip();
        String keep = selected.get() == null ? null : selected.get().personId();
        long id = ++searchRequest;
        runner.run(BackgroundTask.of("Searching the persons", (p, c) -> {
                    synchronized (db) {
                        return find(ws, s, q);
                    }
                })
                .onSuccess(found -> {
                    if (id != searchRequest) {
                        return;
                    }
                    results.setAll(found.persons());
                    resultsText.set(found.text());
                    selected.set(found.persons().stream().filter(p -> p.personId().equals(keep)).findFirst()
                            .orElse(found.persons().isEmpty() ? null : found.persons().get(0)));
                }));
    }

    private static Found find(Workspace ws, Snapshot s, String q) {
        LinkStore store = new LinkStore(ws);
        if (q.isEmpty()) {
            long n = store.countFlagged(s);
            List<PersonRow> flagged = store.flaggedPersons(s, 0, LIMIT);
            String text = n == 0 ? "No person is flagged for review. Search by person id, record id or name."
                    : Format.plural(n, "person is", "persons are") + " flagged for review, largest first"
                    + (n > flagged.size() ? " (the first " + Format.count(flagged.size()) + " shown)" : "")
                    + ". Search by person id, record id or name to find any other.";
            return new Found(flagged, text);
        }
        Set<String> ids = new LinkedHashSet<>();
        String upper = q.toUpperCase(Locale.ROOT);
        if (PERSON_ID.matcher(upper).matches()) {
            ids.add(upper);
        } else {
            // the first word narrows the records in the database, the others are matched here
            List<String> words = Arrays.stream(q.toLowerCase(Locale.ROOT).split("\\s+")).toList();
            TableBrowser browser = new TableBrowser(ws);
            List<String> cols = browser.columns(s, NOMINALS);
            int source = cols.indexOf("source");
            int personId = cols.indexOf("source_person_id");
            long offset = 0;
            int page = 1000;
            while (ids.size() < LIMIT) {
                List<String[]> rows = browser.page(s, NOMINALS, words.get(0), offset, page);
                for (String[] row : rows) {
                    String all = String.join(" ", row).toLowerCase(Locale.ROOT);
                    if (words.stream().allMatch(all::contains)) {
                        store.personOf(s, new RecordKey(row[source], row[personId])).ifPresent(ids::add);
                    }
                }
                if (rows.size() < page) {
                    break;
                }
                offset += page;
            }
        }
        List<PersonRow> persons = new ArrayList<>();
        for (String pid : ids) {
            if (persons.size() >= LIMIT) {
                break;
            }
            store.person(s, pid).ifPresent(persons::add);
        }
        persons.sort(Comparator.comparing((PersonRow p) -> p.flags().isEmpty()).thenComparing(p -> -p.records()));
        String text = persons.isEmpty() ? "No person matches “" + q + "”."
                : Format.plural(persons.size(), "person matches", "persons match") + " “" + q + "”"
                + (persons.size() >= LIMIT ? " (the first " + LIMIT + "; narrow the search for others)" : "")
                + ", flagged ones first.";
        return new Found(persons, text);
    }

    private void readCluster(String personId) {
        Workspace ws = session.workspace();
        Snapshot s = snapshot;
        long id = ++clusterRequest;
        splitOff.clear();
        if (ws == null || s == null || personId == null) {
            showCluster(null);
            return;
        }
        runner.run(BackgroundTask.of("Reading person " + personId, (p, c) -> {
                    synchronized (db) {
                        return new LinkStore(ws).cluster(s, personId);
                    }
                })
                .onSuccess(v -> {
                    if (id == clusterRequest) {
                        showCluster(v.orElse(null));
                    }
                }));
    }

    private void showCluster(ClusterView v) {
        records.setAll(v == null ? List.of() : v.records());
        links.setAll(v == null ? List.of() : v.pairs());
        flagsText.set(v == null ? "" : explain(v.person().flags()));
        cluster.set(v);
    }

    /**
     * Splits the chosen records off the chosen person: they become a person of their own, and
     * the decision is stored, audited and kept by every later run.
     */
    public void split() {
        Workspace ws = session.workspace();
        Snapshot s = snapshot;
        ClusterView v = cluster.get();
        if (ws == null || s == null || !canSplit.get()) {
            return;
        }
        List<RecordKey> part = splitOff.stream().sorted().toList();
        String personId = v.person().personId();
        splitting.set(true);
        runner.run(BackgroundTask.of("Splitting person " + personId, (p, c) -> {
                    synchronized (db) {
                        Set<String> after = new ReviewDecisions(ws).split(s, personId, part);
                        LinkStore store = new LinkStore(ws);
                        List<PersonRow> rows = new ArrayList<>();
                        for (String pid : after) {
                            store.person(s, pid).ifPresent(rows::add);
                        }
                        return rows;
                    }
                })
                .onSuccess(rows -> {
                    splitting.set(false);
                    searchRequest++;
                    results.setAll(rows);
                    resultsText.set("Person " + personId + " after the split: " + Format.plural(rows.size(), "person", "persons") + ".");
                    selected.set(rows.isEmpty() ? null : rows.get(0));
                    decided.accept(new MatchViewModel.ReviewDecisionMade("Split: "
                            + part.stream().map(RecordKey::toString).collect(Collectors.joining(", ")) + " split off "
                            + personId + "; now " + rows.stream().map(PersonRow::personId).collect(Collectors.joining(" and "))
                            + ". The decision is stored and audited, and every later run keeps it.", MatchViewModel.Origin.PERSONS));
                })
                .onFailure(e -> splitting.set(false)));
    }

    /** The flags in plain words, one sentence each. */
    public static String explain(Set<ClusterFlag> flags) {
        return flags.stream().sorted().map(PersonsViewModel::explain).collect(Collectors.joining("\n"));
    }

    public static String explain(ClusterFlag f) {
        LinkParameters p = new LinkParameters();
        return switch (f) {
            case LARGE -> "Large: more than " + p.maxClusterSize + " records, more than one person is likely to have.";
            case WEAK_LINK -> String.format(Locale.UK, "Weak link: a single link below probability %.4f holds it together; "
                    + "if that link is wrong, these are two people.", p.strongLinkProbability);
            case CONTRADICTION -> "Contradiction: two of its records, compared directly, look like different people "
                    + "(or you rejected them as a pair).";
            case HELD_BACK -> "Held back: a link from it to another person was queued, not made, because it would join "
                    + "records that contradict each other.";
        };
    }

    /** A person's flags in short, e.g. "LARGE, WEAK_LINK"; empty when none. */
    public static String flagNames(PersonRow p) {
        return p.flags().stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The other person a pair leads to, when it leaves the chosen person; else empty. */
    public static Optional<String> otherPerson(PairView v, String personId) {
        if (personId.equals(v.personA()) && personId.equals(v.personB())) {
            return Optional.empty();
        }
        return Optional.ofNullable(personId.equals(v.personA()) ? v.personB() : v.personA());
    }

    private record Found(List<PersonRow> persons, String text) {
    }
}
