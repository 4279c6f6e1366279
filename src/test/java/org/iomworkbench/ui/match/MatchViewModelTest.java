package org.iomworkbench.ui.match;

import org.iomworkbench.Fixtures;
import org.iomworkbench.core.audit.AuditEntry;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.generate.GeneratorParameters;
import org.iomworkbench.core.link.ClusterView;
import org.iomworkbench.core.link.Field;
import org.iomworkbench.core.link.LinkBasis;
import org.iomworkbench.core.link.LinkRunSummary;
import org.iomworkbench.core.link.LinkStore;
import org.iomworkbench.core.link.PairStatus;
import org.iomworkbench.core.link.PairView;
import org.iomworkbench.core.link.PersonRow;
import org.iomworkbench.core.link.RecordKey;
import org.iomworkbench.core.link.ReviewDecision;
import org.iomworkbench.core.link.ReviewDecisions;
import org.iomworkbench.core.load.ExtractLoader;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.RecordingErrors;
import org.iomworkbench.ui.common.SameThreadTaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Match & merge step against a real workspace holding a small generated extract (600
 * persons, about 1,300 records), every background task run on the test's thread.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchViewModelTest {
    @TempDir
    static Path dir;
    private Path extract;
    private final RecordingErrors errors = new RecordingErrors();
    private final WorkspaceSession session = new WorkspaceSession();
    private Workspace ws;
    private Snapshot snapshot;
    private MatchViewModel vm;
    private long revisions;

    @BeforeAll
    void generate() {
        extract = dir.resolve("extract");
        Fixtures.generatedExtract(extract, 600, 11);
    }

    @BeforeEach
    void open(org.junit.jupiter.api.TestInfo test) {
        ws = Workspace.open(dir.resolve("ws-" + test.getTestMethod().orElseThrow().getName()));
        snapshot = new ExtractLoader(ws).load(extract, new GeneratorParameters().end, Progress.NONE, Cancellation.none())
                .snapshot();
        vm = new MatchViewModel(session, SameThreadTaskRunner.immediate(errors));
        session.revision().addListener((o, a, b) -> revisions++);
        session.open(ws);
    }

    @AfterEach
    void close() {
        ws.close();
        assertThat(errors.reports).isEmpty();
    }

    @Test
    void aSnapshotNotYetLinkedSaysSoAndLinkingFillsTheQueueTheModelAndTheCounts() {
        assertThat(vm.snapshotProperty().get().id()).isEqualTo(snapshot.id());
        assertThat(vm.runProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).isEqualTo("Snapshot 1 has not been linked yet. Press Link (Ctrl+K) to "
                + "resolve its person records into persons.");

        vm.link();

        LinkRunSummary run = vm.runProperty().get();
        LinkStore store = new LinkStore(ws);
        assertThat(run).isNotNull();
        assertThat(run.runId()).isEqualTo(store.requireRun(snapshot).runId());
        long nominals = snapshot.files().stream().filter(f -> f.fileName().equals("nominals.csv")).findFirst().orElseThrow()
                .rowsAccepted();
        assertThat(run.records()).isEqualTo(nominals);
        assertThat(vm.linkingProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Link run " + run.runId() + " of snapshot 1, started ");
        assertThat(vm.noticeProperty().get()).startsWith("Snapshot 1 linked in ")
                .contains(String.format("%,d records into %,d persons", nominals, run.persons()))
                .contains(run.pairsQueued() + " pair");
        assertThat(revisions).as("the audit view learns of the run").isPositive();

        // the queue: every queued pair, highest weight first, the first one selected
        ReviewQueueViewModel q = vm.queue();
        assertThat(run.pairsQueued()).isPositive();
        assertThat(q.queuedProperty().get()).isEqualTo(run.pairsQueued()).isEqualTo(store.countPairs(snapshot, PairStatus.QUEUED));
        assertThat(q.pairs()).hasSize((int) run.pairsQueued());
        assertThat(q.pairs()).allSatisfy(p -> assertThat(p.weight()).isGreaterThanOrEqualTo(run.thresholds().lowerWeight()));
        assertThat(q.pairs().stream().map(PairView::weight).toList())
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        PairView first = q.pairs().get(0);
        assertThat(q.selectedProperty().get()).isEqualTo(first);
        assertThat(q.queueTextProperty().get()).isEqualTo(run.pairsQueued() + " pairs wait for review, highest match weight first.");

        // side by side: the eight fields, a difference marked only where both have a value that differs
        assertThat(q.comparison()).extracting(ReviewQueueViewModel.FieldComparison::field).containsExactly(
                "Source", "Record id", "Surname", "Forenames", "Date of birth", "Gender", "Postcode", "PNC id");
        assertThat(q.comparison().get(2).valueA()).isEqualTo(first.recordA().surname() == null ? "" : first.recordA().surname());
        assertThat(q.comparison()).allSatisfy(f -> {
            if (f.differs()) {
                assertThat(f.valueA()).isNotEmpty().isNotEqualToIgnoringCase(f.valueB());
            }
        });

        // the waterfall: the prior, then one step per field, ending at the pair's weight
        ReviewQueueViewModel.Waterfall w = q.waterfallProperty().get();
        assertThat(w.steps()).hasSize(1 + Field.COUNT);
        assertThat(w.steps().get(0).end()).isCloseTo(run.priorWeight(), within(1e-9));
        for (int i = 1; i < w.steps().size(); i++) {
            assertThat(w.steps().get(i).start()).isCloseTo(w.steps().get(i - 1).end(), within(1e-9));
        }
        assertThat(w.steps().get(w.steps().size() - 1).end()).isCloseTo(first.weight(), within(1e-6));
        assertThat(w.weight()).isEqualTo(first.weight());
        assertThat(w.probability()).isEqualTo(first.probability());
        assertThat(w.upper()).isEqualTo(run.thresholds().upperWeight());

        // the model: every level of every field, and a histogram of every compared pair
        ModelViewModel m = vm.model();
        assertThat(m.levels()).hasSize(Field.ALL.stream().mapToInt(Field::levelCount).sum());
        assertThat(m.bins().stream().mapToLong(b -> b.count()).sum()).isEqualTo(run.pairsCompared());
        for (int i = 1; i < m.bins().size(); i++) {
            assertThat(m.bins().get(i).lower()).isEqualTo(m.bins().get(i - 1).lower() + 1);
        }
        assertThat(m.thresholdsProperty().get()).isEqualTo(run.thresholds());
    }

    @Test
    void acceptingStoresAuditsAndMovesOnToTheNextPair() throws Exception {
        vm.link();
        ReviewQueueViewModel q = vm.queue();
        long before = q.queuedProperty().get();
        PairView first = q.pairs().get(0);
        PairView second = q.pairs().get(1);
        long revisionsBefore = revisions;

        q.accept();

        assertThat(q.queuedProperty().get()).isEqualTo(before - 1);
        assertThat(q.pairs()).hasSize((int) before - 1).noneMatch(p -> p.a().equals(first.a()) && p.b().equals(first.b()));
        assertThat(q.selectedProperty().get().a()).isEqualTo(second.a());
        assertThat(q.selectedProperty().get().b()).isEqualTo(second.b());
        LinkStore store = new LinkStore(ws);
        PairView stored = store.pair(snapshot, first.a(), first.b()).orElseThrow();
        assertThat(stored.status()).isEqualTo(PairStatus.LINKED);
        assertThat(stored.basis()).isEqualTo(LinkBasis.ANALYST);
        assertThat(store.personOf(snapshot, first.a())).isEqualTo(store.personOf(snapshot, first.b()));
        assertThat(new ReviewDecisions(ws).list()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(ReviewDecision.Kind.ACCEPT);
            assertThat(d.a()).isEqualTo(first.a());
            assertThat(d.b()).isEqualTo(first.b());
        });
        assertThat(auditActions()).contains("review.accepted");
        assertThat(lastAudit().details()).contains(first.a().sourcePersonId()).contains(first.b().sourcePersonId());
        assertThat(vm.noticeProperty().get()).startsWith("Accepted: " + first.a() + " and " + first.b() + " are the same person");
        assertThat(revisions).isGreaterThan(revisionsBefore);

        // a later run respects the decision: the pair stays linked by the analyst and out of the queue
        vm.link();
        PairView again = store.pair(snapshot, first.a(), first.b()).orElseThrow();
        assertThat(again.status()).isEqualTo(PairStatus.LINKED);
        assertThat(again.basis()).isEqualTo(LinkBasis.ANALYST);
        assertThat(vm.runProperty().get().linkedByAnalyst()).isEqualTo(1);
        assertThat(q.queuedProperty().get()).isEqualTo(before - 1);
    }

    @Test
    void skipMovesOnWithoutDecidingAndRejectUnlinks() throws Exception {
        vm.link();
        ReviewQueueViewModel q = vm.queue();
        long before = q.queuedProperty().get();
        PairView first = q.pairs().get(0);

        q.skip();
        assertThat(q.selectedProperty().get()).isEqualTo(q.pairs().get(1));
        assertThat(q.queuedProperty().get()).isEqualTo(before);
        assertThat(new ReviewDecisions(ws).list()).isEmpty();

        q.selectedProperty().set(first);
        q.reject();
        assertThat(q.queuedProperty().get()).isEqualTo(before - 1);
        PairView stored = new LinkStore(ws).pair(snapshot, first.a(), first.b()).orElseThrow();
        assertThat(stored.status()).isEqualTo(PairStatus.REJECTED);
        assertThat(auditActions()).contains("review.rejected");
    }

    @Test
    void withdrawingADecisionPutsThePairBackInTheQueueAndAuditsIt() throws Exception {
        vm.link();
        ReviewQueueViewModel q = vm.queue();
        DecisionsViewModel d = vm.decisions();
        long before = q.queuedProperty().get();
        PairView first = q.pairs().get(0);
        assertThat(d.decisions()).isEmpty();
        assertThat(d.summaryProperty().get()).startsWith("No decisions are stored");

        q.accept();
        assertThat(d.decisions()).singleElement().satisfies(r -> assertThat(r.a()).isEqualTo(first.a()));
        assertThat(d.canWithdrawProperty().get()).isFalse();

        d.selectedProperty().set(d.decisions().get(0));
        assertThat(d.canWithdrawProperty().get()).isTrue();
        d.withdraw();

        assertThat(d.decisions()).isEmpty();
        assertThat(new ReviewDecisions(ws).list()).isEmpty();
        // the pair waits for review again (withdrawing never links by itself), and the audit trail says what was withdrawn
        assertThat(q.queuedProperty().get()).isEqualTo(before);
        PairView stored = new LinkStore(ws).pair(snapshot, first.a(), first.b()).orElseThrow();
        assertThat(stored.status()).isEqualTo(PairStatus.QUEUED);
        assertThat(auditActions()).contains("review.withdrawn");
        assertThat(lastAudit().details()).contains(first.a().sourcePersonId());
        assertThat(vm.noticeProperty().get()).startsWith("Withdrawn: the decision that " + first.a());
    }

    @Test
    void personsListTheFlaggedFirstFindByRecordIdAndSplitIntoANewPerson() throws Exception {
        vm.link();
        PersonsViewModel p = vm.persons();
        LinkStore store = new LinkStore(ws);
        long flagged = store.countFlagged(snapshot);
        assertThat(flagged).isPositive();
        assertThat(p.results()).hasSize((int) Math.min(flagged, PersonsViewModel.LIMIT))
                .allSatisfy(r -> assertThat(r.flags()).isNotEmpty());
        assertThat(p.resultsTextProperty().get()).startsWith(flagged + " persons are flagged for review, largest first");
        assertThat(p.flagsTextProperty().get()).isNotEmpty();

        // a person of several records, found by one record's id
        RecordKey key = store.personMap(snapshot).entrySet().stream()
                .filter(e -> store.person(snapshot, e.getValue()).orElseThrow().records() >= 3)
                .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
        String personId = store.personOf(snapshot, key).orElseThrow();
        p.queryProperty().set(key.sourcePersonId());
        assertThat(p.results()).extracting(PersonRow::personId).contains(personId);
        p.selectedProperty().set(p.results().stream().filter(r -> r.personId().equals(personId)).findFirst().orElseThrow());
        ClusterView c = p.clusterProperty().get();
        assertThat(c.person().personId()).isEqualTo(personId);
        assertThat(p.records()).extracting(r -> r.key()).contains(key);
        assertThat(p.links()).anySatisfy(v -> assertThat(v.status()).isEqualTo(PairStatus.LINKED));

        // the same person by its id
        p.queryProperty().set(personId.toLowerCase());
        assertThat(p.results()).extracting(PersonRow::personId).containsExactly(personId);

        // split one record off
        assertThat(p.canSplitProperty().get()).isFalse();
        p.splitOff().add(key);
        assertThat(p.canSplitProperty().get()).isTrue();
        p.split();
        String moved = store.personOf(snapshot, key).orElseThrow();
        List<String> rest = c.records().stream().map(r -> r.key()).filter(k -> !k.equals(key))
                .map(k -> store.personOf(snapshot, k).orElseThrow()).distinct().toList();
        assertThat(rest).doesNotContain(moved);
        assertThat(p.results()).extracting(PersonRow::personId).contains(moved).containsAll(rest);
        assertThat(store.person(snapshot, moved).orElseThrow().records()).isEqualTo(1);
        assertThat(auditActions()).contains("review.split");
        assertThat(vm.noticeProperty().get()).startsWith("Split: " + key + " split off " + personId);
    }

    @Test
    void anEmptyWorkspaceSaysToLoadFirst() {
        Workspace empty = Workspace.open(dir.resolve("empty"));
        try {
            session.open(empty);
            assertThat(vm.snapshotProperty().get()).isNull();
            assertThat(vm.statusProperty().get()).isEqualTo(
                    "There is no data to link yet. Load an extract folder first in step 1, Data (Ctrl+1).");
            vm.link();
            assertThat(vm.noticeProperty().get()).isEqualTo(
                    "There is nothing to link yet: load an extract folder first in step 1, Data.");
            assertThat(vm.runProperty().get()).isNull();
        } finally {
            session.open(ws);
            empty.close();
        }
    }

    private List<String> auditActions() throws Exception {
        try (Connection c = ws.newConnection()) {
            return new AuditTrail(c).entries().stream().map(AuditEntry::action).toList();
        }
    }

    private AuditEntry lastAudit() throws Exception {
        try (Connection c = ws.newConnection()) {
            List<AuditEntry> all = new AuditTrail(c).entries();
            return all.get(all.size() - 1);
        }
    }
}
