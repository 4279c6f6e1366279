package org.iomworkbench.ui.score;

import org.iomworkbench.Fixtures;
import org.iomworkbench.core.generate.GeneratorParameters;
import org.iomworkbench.core.load.ExtractLoader;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.score.Band;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.ScoreRun;
import org.iomworkbench.core.score.ScoreStore;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.Scores;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.score.WeightEstimator;
import org.iomworkbench.core.score.Weights;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.BackgroundTask;
import org.iomworkbench.ui.common.Cancellable;
import org.iomworkbench.ui.common.RecordingErrors;
import org.iomworkbench.ui.common.SameThreadTaskRunner;
import org.iomworkbench.ui.common.TaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Scores step against a real workspace holding a small generated extract, loaded and
 * linked, with every background task run on the test's thread; each number shown is checked
 * against a fresh call of the engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoresViewModelTest {
    @TempDir
    static Path dir;
    private final RecordingErrors errors = new RecordingErrors();
    private Path extract;
    private Workspace ws;
    private Snapshot snapshot;
    private ScoreData data;
    private ScoringConfig defaults;

    @BeforeAll
    void prepare() {
        extract = dir.resolve("extract");
        GeneratorParameters g = Fixtures.generatedExtract(extract, 800, 11);
        ws = Workspace.open(dir.resolve("ws"));
        snapshot = Fixtures.loadAndLink(ws, extract, g.end);
        data = ScoreData.load(ws, snapshot);
        defaults = ScoreRun.configure(data, snapshot, ScoreRun.Request.defaults(), null);
    }

    @AfterAll
    void close() {
        ws.close();
    }

    @AfterEach
    void noErrors() {
        assertThat(errors.reports).isEmpty();
    }

    private ScoresViewModel open(TaskRunner runner) {
        WorkspaceSession session = new WorkspaceSession();
        ScoresViewModel vm = new ScoresViewModel(session, runner);
        session.open(ws);
        return vm;
    }

    private static long[] shown(ScoresViewModel vm) {
        return vm.bands().stream().mapToLong(ScoresViewModel.BandRow::count).toArray();
    }

    @Test
    void theLinkedSnapshotIsScoredAtTheDefaultsWithEstimatedWeightsAndPercentileCutoffs() {
        ScoresViewModel vm = open(SameThreadTaskRunner.immediate(errors));

        assertThat(vm.readyProperty().get()).isTrue();
        ScoringConfig m = vm.modelProperty().get();
        assertThat(m).isEqualTo(defaults);
        assertThat(vm.asAtProperty().get()).isEqualTo(data.requireEndOfData());
        assertThat(vm.calibrationDateProperty().get()).isEqualTo(data.requireEndOfData().minusDays(365));
        assertThat(vm.halfLifeProperty().get()).isEqualTo(365);
        assertThat(vm.lookbackProperty().get()).isEqualTo(730);
        assertThat(vm.windowProperty().get()).isEqualTo(365);
        long[] expected = Scorer.score(data, defaults).bandCounts();
        assertThat(shown(vm)).containsExactly(expected);
        assertThat(LongStream.of(expected).sum()).isEqualTo(data.persons());
        assertThat(vm.bands().get(0).share()).isEqualTo((double) expected[0] / data.persons());
        assertThat(vm.bands().stream().map(ScoresViewModel.BandRow::band)).containsExactly(Band.values());
        assertThat(vm.statusProperty().get()).startsWith("Snapshot 1: " + String.format("%,d", data.persons())
                + " persons scored at " + data.requireEndOfData() + ", half-life 365 days, lookback 730 days, window 365 days.");

        WeightEstimator.Estimate est = WeightEstimator.estimate(data, defaults.calibrationDate(), 365, 730, 365);
        assertThat(vm.weights()).hasSize(6);
        for (int k = 0; k < 6; k++) {
            ScoresViewModel.WeightRow r = vm.weights().get(k);
            assertThat(r.name()).isEqualTo(Weights.KEYS.get(k));
            assertThat(r.weight()).isEqualTo(est.weights().toArray()[k]);
            assertThat(r.nonZero()).isEqualTo(est.nonZero()[k]);
            assertThat(r.dropped()).isEqualTo(est.dropped()[k + 2]);
            if (!r.dropped()) {
                assertThat(r.se()).isEqualTo(est.weightSe()[k]);
                assertThat(r.lower()).isEqualTo(est.lower()[k]);
                assertThat(r.upper()).isEqualTo(est.upper()[k]);
            }
        }
        assertThat(vm.fitMessageProperty().get()).isEmpty();
    }

    @Test
    void movingTheHalfLifeRescoresEveryoneAsAFreshScoreWouldWithTheWeightsAndCutoffsFrozen() {
        ScoresViewModel vm = open(SameThreadTaskRunner.immediate(errors));
        ScoringConfig before = vm.modelProperty().get();

        vm.halfLifeProperty().set(120);

        Scores fresh = Scorer.score(data, defaults.withHalfLife(120));
        assertThat(shown(vm)).containsExactly(fresh.bandCounts());
        assertThat(shown(vm)).isNotEqualTo(Scorer.score(data, defaults).bandCounts());
        assertThat(vm.scoresProperty().get().config().halfLifeDays()).isEqualTo(120);
        assertThat(vm.scoresProperty().get().rfsdiValues()).containsExactly(fresh.rfsdiValues());
        assertThat(vm.modelProperty().get().weights()).isEqualTo(before.weights());
        assertThat(vm.modelProperty().get().cutoffs()).isEqualTo(before.cutoffs());
        assertThat(vm.weights().get(0).weight()).isEqualTo(before.weights().alcoholCrime());

        vm.lookbackProperty().set(365);
        vm.windowProperty().set(180);
        LocalDate asAt = data.requireEndOfData().minusDays(200);
        vm.asAtProperty().set(asAt);
        ScoringConfig all = defaults.withHalfLife(120).withLookback(365).withWindow(180).withAsAt(asAt);
        assertThat(shown(vm)).containsExactly(Scorer.score(data, all).bandCounts());
        assertThat(vm.scoresProperty().get().config()).isEqualTo(all);
    }

    @Test
    void aResultArrivingAfterALaterRequestsIsDropped() {
        ReleasingRunner runner = new ReleasingRunner(SameThreadTaskRunner.immediate(errors));
        ScoresViewModel vm = open(runner);
        runner.releaseAll();
        assertThat(vm.readyProperty().get()).isTrue();

        vm.halfLifeProperty().set(100);
        vm.halfLifeProperty().set(900);
        assertThat(runner.held).hasSize(2);

        runner.release(1); // the later request (900 days) finishes first
        long[] at900 = Scorer.score(data, defaults.withHalfLife(900)).bandCounts();
        assertThat(shown(vm)).containsExactly(at900);
        runner.release(0); // then the earlier one: it is stale and must not show
        assertThat(shown(vm)).containsExactly(at900);
        assertThat(vm.scoresProperty().get().config().halfLifeDays()).isEqualTo(900);
        assertThat(at900).isNotEqualTo(Scorer.score(data, defaults.withHalfLife(100)).bandCounts());
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aBurstOfChangesIsScoredOnceForTheLast() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred(errors);
        ScoresViewModel vm = open(runner);
        runner.runPending();
        long first = vm.latestRequest();

        for (int h = 200; h <= 300; h += 10) {
            vm.halfLifeProperty().set(h);
        }
        runner.runPending();

        assertThat(vm.latestRequest()).isEqualTo(first + 1);
        assertThat(shown(vm)).containsExactly(Scorer.score(data, defaults.withHalfLife(300)).bandCounts());
    }

    @Test
    void estimatingAgainChangesTheWeightsAndCutoffsAtTheCalibrationDate() {
        ScoresViewModel vm = open(SameThreadTaskRunner.immediate(errors));
        ScoringConfig before = vm.modelProperty().get();
        vm.halfLifeProperty().set(150);
        assertThat(vm.modelProperty().get().weights()).isEqualTo(before.weights());
        LocalDate t0 = data.requireEndOfData().minusDays(500);
        vm.calibrationDateProperty().set(t0);
        assertThat(vm.modelProperty().get().weights()).as("the calibration date alone changes nothing").isEqualTo(before.weights());

        vm.estimate();

        WeightEstimator.Estimate est = WeightEstimator.estimate(data, t0, 150, 730, 365);
        ScoringConfig m = vm.modelProperty().get();
        assertThat(m.weights()).isEqualTo(est.weights()).isNotEqualTo(before.weights());
        assertThat(m.weightsSource()).isEqualTo(ScoringConfig.WeightsSource.ESTIMATED);
        assertThat(m.calibrationDate()).isEqualTo(t0);
        assertThat(m.cutoffs()).isEqualTo(ScoreRun.percentileCutoffs(data, t0, 150, 730, 365, est.weights()))
                .isNotEqualTo(before.cutoffs());
        assertThat(vm.weights().get(2).weight()).isEqualTo(est.weights().opiatesPositive());
        ScoringConfig expected = ScoreRun.configure(data, snapshot, new ScoreRun.Request(null, t0, 150.0, null, null,
                null, null, false), null);
        assertThat(vm.scoresProperty().get().config()).isEqualTo(expected);
        assertThat(shown(vm)).containsExactly(Scorer.score(data, expected).bandCounts());
        assertThat(vm.noticeProperty().get()).startsWith("Weights and cut-offs estimated at " + t0);
    }

    @Test
    void aFitThatFailsProducesNoWeightsAndSaysSoAndPinningByValueScoresWithThem() {
        ScoresViewModel vm = open(SameThreadTaskRunner.immediate(errors));
        ScoringConfig before = vm.modelProperty().get();
        vm.calibrationDateProperty().set(LocalDate.of(1950, 1, 1));

        vm.estimate();

        assertThat(vm.fitMessageProperty().get()).startsWith("Weights could not be estimated: no person has a harm score above 0");
        assertThat(vm.noticeProperty().get()).isEqualTo("No weights were produced: the weights and cut-offs are as they were.");
        assertThat(vm.modelProperty().get()).isEqualTo(before);

        vm.pinWeights(new double[]{1.5, 1.2, 1.8, 1.6, 1.3, 1.1});

        ScoringConfig pinned = defaults.withWeights(new Weights(1.5, 1.2, 1.8, 1.6, 1.3, 1.1),
                ScoringConfig.WeightsSource.PINNED, defaults.calibrationDate());
        assertThat(vm.scoresProperty().get().config()).isEqualTo(pinned);
        assertThat(shown(vm)).containsExactly(Scorer.score(data, pinned).bandCounts());
        assertThat(vm.weights()).allSatisfy(r -> assertThat(r.se()).isNaN());

        vm.pinWeights(new double[]{1, 2});
        assertThat(vm.noticeProperty().get()).isEqualTo("The weights cannot be pinned: six weights expected.");
        assertThat(vm.modelProperty().get().weights()).isEqualTo(pinned.weights());
    }

    @Test
    void cutoffsSetByValueRebandEveryone() {
        ScoresViewModel vm = open(SameThreadTaskRunner.immediate(errors));
        vm.setCutoffs(new double[]{1, 2, 4, 8});
        ScoringConfig set = defaults.withCutoffs(org.iomworkbench.core.score.Cutoffs.ofValues(new double[]{1, 2, 4, 8}),
                ScoringConfig.CutoffsSource.SET);
        assertThat(shown(vm)).containsExactly(Scorer.score(data, set).bandCounts());

        vm.setCutoffs(new double[]{3, 2, 4, 8});
        assertThat(vm.noticeProperty().get()).startsWith("The cut-offs cannot be used: cut-offs must be strictly increasing");
    }

    @Test
    void theHistogramCountsEveryPositiveRfsdiOnALog10ScaleAndTheZerosApart() {
        ScoresViewModel vm = open(SameThreadTaskRunner.immediate(errors));
        Scores s = vm.scoresProperty().get();
        ScoresViewModel.Histogram h = vm.histogramProperty().get();
        double[] r = s.rfsdiValues();
        long positive = java.util.Arrays.stream(r).filter(v -> v > 0).count();
        assertThat(LongStream.of(h.counts()).sum()).isEqualTo(positive);
        assertThat(h.zeros()).isEqualTo(r.length - positive);
        double max = java.util.Arrays.stream(r).max().orElseThrow();
        double min = java.util.Arrays.stream(r).filter(v -> v > 0).min().orElseThrow();
        assertThat(h.firstLog10()).isLessThanOrEqualTo(Math.log10(min));
        assertThat(h.lastLog10()).isGreaterThan(Math.log10(max));
        // one bin checked by hand: the one holding the largest value
        int last = h.counts().length - 1;
        double lo = Math.pow(10, h.firstLog10() + last * h.binWidth());
        assertThat(h.counts()[last]).isEqualTo(java.util.Arrays.stream(r).filter(v -> v >= lo * (1 - 1e-12)).count());
    }

    @Test
    void theTransitionMatrixCountsBandsAtTheEarlierDateAgainstTheAsAtDate() {
        ScoresViewModel vm = open(SameThreadTaskRunner.immediate(errors));
        LocalDate end = data.requireEndOfData();
        assertThat(vm.earlierDateProperty().get()).isEqualTo(end.minusDays(365));
        assertMatrix(vm, defaults, end.minusDays(365));

        vm.earlierDateProperty().set(end.minusDays(90));
        assertMatrix(vm, defaults, end.minusDays(90));
        vm.halfLifeProperty().set(200);
        assertMatrix(vm, defaults.withHalfLife(200), end.minusDays(90));
    }

    private void assertMatrix(ScoresViewModel vm, ScoringConfig cfg, LocalDate earlier) {
        Scores now = Scorer.score(data, cfg);
        Scores then = Scorer.score(data, cfg.withAsAt(earlier));
        long[][] m = vm.transitionsProperty().get();
        long total = 0;
        for (Band from : Band.values()) {
            for (Band to : Band.values()) {
                long n = 0;
                for (int p = 0; p < data.persons(); p++) {
                    if (then.band(p) == from && now.band(p) == to) {
                        n++;
                    }
                }
                assertThat(m[from.ordinal()][to.ordinal()]).as(from + " to " + to).isEqualTo(n);
                total += n;
            }
        }
        assertThat(total).isEqualTo(data.persons());
        for (Band to : Band.values()) {
            long column = 0;
            for (Band from : Band.values()) {
                column += m[from.ordinal()][to.ordinal()];
            }
            assertThat(column).isEqualTo(now.bandCounts()[to.ordinal()]);
        }
    }

    @Test
    void theDecayCurveFollowsTheChosenCodeAndTheHalfLife() {
        ScoresViewModel vm = open(SameThreadTaskRunner.immediate(errors));
        assertThat(vm.harmCodes()).isNotEmpty();
        ScoresViewModel.HarmCode code = vm.decayCodeProperty().get();
        assertThat(code.code()).isEqualTo("VIOLENCE_WITH_INJURY");
        assertThat(code.harmDays()).isEqualTo(365);
        DecayCurve c = vm.decayCurveProperty().get();
        assertThat(c.halfLifeDays()).isEqualTo(365);
        assertThat(c.contribution(0)).isEqualTo(Math.log10(366));
        assertThat(List.of(c.prisonFrom(), c.prisonTo())).containsExactly(365, 730);

        vm.halfLifeProperty().set(100);
        vm.prisonFromProperty().set(50);
        vm.prisonToProperty().set(20); // before the entry: no stay
        c = vm.decayCurveProperty().get();
        assertThat(c.halfLifeDays()).isEqualTo(100);
        assertThat(c.contribution(100)).isCloseTo(Math.log10(366) / 2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(c.prisonTo()).isEqualTo(50);
    }

    @Test
    void aPersonIsExplainedFromSThroughEachWeightToTheRfsdiAndFollowsTheScores() throws Exception {
        ScoresViewModel vm = open(SameThreadTaskRunner.immediate(errors));
        Scores s = vm.scoresProperty().get();
        int p = 0;
        while (s.harmTrend(p) == 0 || s.s(p) == 0) {
            p++;
        }
        String id = data.personId(p);
        vm.explain(" " + id + " ");

        ScoresViewModel.Explanation e = vm.explanationProperty().get();
        assertThat(e.personId()).isEqualTo(id);
        // the person's age at the as-at date, and UNDER 18 for a child
        assertThat(vm.personAgeProperty().get()).matches("(UNDER 18 \\()?aged \\d+ at \\d{4}-\\d{2}-\\d{2}\\)?|");
        assertThat(e.s()).isEqualTo(s.s(p));
        assertThat(e.factors()).hasSize(6);
        // the offence rows add up to S, each decayed from the clock date
        assertThat(e.offences()).isNotEmpty();
        assertThat(e.offences().stream().mapToDouble(ScoresViewModel.OffenceRow::contribution).sum())
                .isCloseTo(s.s(p), org.assertj.core.api.Assertions.within(1e-9 * s.s(p)));
        assertThat(e.offences()).allSatisfy(o -> assertThat(o.contribution())
                .isEqualTo(o.h() * Math.pow(2, -o.ageDays() / 365.0)));
        assertThat(e.clock().isAfter(e.config().asAt())).isFalse();
        assertThat(e.factors().get(0).before()).isEqualTo(s.s(p));
        assertThat(e.factors().get(5).after()).isCloseTo(s.rfsdi(p), org.assertj.core.api.Assertions.within(1e-12 * s.rfsdi(p)));
        assertThat(e.rfsdi()).isEqualTo(s.rfsdi(p));
        assertThat(e.band()).isEqualTo(s.band(p));
        ScoresViewModel.Factor trend = e.factors().get(4);
        assertThat(trend.x()).isEqualTo(s.harmTrend(p));
        assertThat(trend.multiplier()).isEqualTo(s.harmTrend(p) > 0 ? trend.weight() : 1 / trend.weight());

        // one person's figures written out: personal data leaving the workspace, in the audit trail by its hash
        Path factors = dir.resolve(id + "-factors.csv");
        String text = ViewExport.csv(vm.settingsLine(), List.of(List.of("factor", "x"), List.of("alcohol_crime", "1")));
        vm.writePersonFile("the person's flags and trends", factors, f -> ViewExport.writeCsv(text, f));
        assertThat(vm.noticeProperty().get()).endsWith("the audit trail records the file by its hash.");
        try (java.sql.Connection c = ws.newConnection()) {
            List<org.iomworkbench.core.audit.AuditEntry> all = new org.iomworkbench.core.audit.AuditTrail(c).entries();
            org.iomworkbench.core.audit.AuditEntry last = all.get(all.size() - 1);
            assertThat(last.action()).isEqualTo("export.person");
            assertThat(last.details()).contains(org.iomworkbench.core.util.Hashing.sha256(factors)).doesNotContain(id);
        }

        vm.halfLifeProperty().set(90);
        assertThat(vm.explanationProperty().get().s()).isEqualTo(Scorer.score(data, defaults.withHalfLife(90)).s(p));

        vm.explain("NO-SUCH-PERSON");
        assertThat(vm.explanationProperty().get()).isNull();
        assertThat(vm.personMessageProperty().get()).startsWith("No person NO-SUCH-PERSON in snapshot 1.");
    }

    @Test
    void tablesAreExportedAsCsvHeadedByTheSettingsThatMadeThem() throws Exception {
        ScoresViewModel vm = open(SameThreadTaskRunner.immediate(errors));
        vm.halfLifeProperty().set(200);
        long[] counts = Scorer.score(data, defaults.withHalfLife(200)).bandCounts();
        assertThat(vm.bandRows()).hasSize(6);
        assertThat(vm.bandRows().get(0)).containsExactly("band", "persons", "share");
        assertThat(vm.bandRows().get(5)).startsWith("SUPER_HIGH", Long.toString(counts[4]));
        List<List<String>> t = vm.transitionRows();
        assertThat(t).hasSize(6);
        assertThat(t.get(1).get(0)).isEqualTo("LOW");
        assertThat(t.get(1).get(1)).isEqualTo(Long.toString(vm.transitionsProperty().get()[0][0]));

        Path file = dir.resolve("bands.csv");
        String text = ViewExport.csv(vm.settingsLine(), vm.bandRows());
        vm.writeFile("the band counts", file, f -> ViewExport.writeCsv(text, f));

        List<String> lines = java.nio.file.Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("# spec=rfsdi.md version 1; snapshot=1; ").contains("half_life_days=200.0")
                .contains("as_at=" + data.requireEndOfData());
        assertThat(lines.get(1)).isEqualTo("band,persons,share");
        assertThat(lines.get(2)).startsWith("LOW," + counts[0] + ",");
        assertThat(vm.noticeProperty().get()).isEqualTo("Wrote the band counts to " + file + ".");
        assertThat(ViewExport.quote("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
    }

    @Test
    void savingStoresTheShownScoresAsARunAndSaysItsId() throws Exception {
        ScoresViewModel vm = open(SameThreadTaskRunner.immediate(errors));
        vm.halfLifeProperty().set(200);

        vm.save();

        String notice = vm.noticeProperty().get();
        assertThat(notice).matches("Saved as score run \\d+ of snapshot 1 \\(.*, half-life 200 days\\), with its audit entry\\.");
        int runId = Integer.parseInt(notice.replaceAll("^Saved as score run (\\d+) .*$", "$1"));
        assertThat(vm.scoresProperty().get().config().halfLifeDays()).as("saving leaves the view as it was").isEqualTo(200);
        ScoreStore store = new ScoreStore(ws);
        assertThat(store.run(runId)).hasValueSatisfying(r -> assertThat(r.config()).contains("\"half_life_days\":200"));
        assertThat(store.resultCount(snapshot, runId)).isEqualTo(data.persons());
        try (java.sql.Connection c = ws.newConnection()) {
            List<org.iomworkbench.core.audit.AuditEntry> all = new org.iomworkbench.core.audit.AuditTrail(c).entries();
            org.iomworkbench.core.audit.AuditEntry last = all.get(all.size() - 1);
            assertThat(last.action()).isEqualTo("score.run");
            assertThat(last.details()).contains("\"run\":" + runId);
        }
    }

    @Test
    void whenThePersonsChangeTheyAreReadAgainWithTheAnalystsParameters() {
        WorkspaceSession session = new WorkspaceSession();
        ScoresViewModel vm = new ScoresViewModel(session, SameThreadTaskRunner.immediate(errors));
        session.open(ws);
        vm.halfLifeProperty().set(150);
        vm.windowProperty().set(200);

        session.changed();

        ScoringConfig expected = ScoreRun.configure(data, snapshot, new ScoreRun.Request(null, null, 150.0, 730, 200,
                null, null, false), null);
        assertThat(vm.scoresProperty().get().config()).isEqualTo(expected);
        assertThat(vm.halfLifeProperty().get()).isEqualTo(150);
        assertThat(shown(vm)).containsExactly(Scorer.score(data, expected).bandCounts());
    }

    @Test
    void nothingIsReadWhileTheViewIsHiddenAndTheLatestChangeIsReadWhenItIsShown() {
        WorkspaceSession session = new WorkspaceSession();
        ScoresViewModel vm = new ScoresViewModel(session, SameThreadTaskRunner.immediate(errors));
        vm.shownProperty().set(false);
        session.open(ws);
        session.changed();
        assertThat(vm.readyProperty().get()).isFalse();
        assertThat(vm.scoresProperty().get()).isNull();

        vm.shownProperty().set(true);
        assertThat(vm.readyProperty().get()).isTrue();
        assertThat(vm.modelProperty().get()).isEqualTo(defaults);

        // hidden again: a change of persons waits, then is read with the analyst's parameters
        vm.halfLifeProperty().set(150);
        Scores before = vm.scoresProperty().get();
        vm.shownProperty().set(false);
        session.changed();
        assertThat(vm.scoresProperty().get()).isSameAs(before);
        vm.shownProperty().set(true);
        assertThat(vm.scoresProperty().get()).isNotSameAs(before);
        assertThat(vm.scoresProperty().get().config().halfLifeDays()).isEqualTo(150);
    }

    @Test
    void aSnapshotNotLinkedSaysToRunMatchAndMergeFirst() {
        try (Workspace other = Workspace.open(dir.resolve("unlinked"))) {
            new ExtractLoader(other).load(extract, new GeneratorParameters().end, Progress.NONE, Cancellation.none());
            WorkspaceSession session = new WorkspaceSession();
            ScoresViewModel vm = new ScoresViewModel(session, SameThreadTaskRunner.immediate(errors));
            session.open(other);
            assertThat(vm.readyProperty().get()).isFalse();
            assertThat(vm.statusProperty().get()).startsWith("Snapshot 1 has not been linked yet. Run Match & merge first (step 2)");
            assertThat(vm.bands()).isEmpty();
        }
    }

    /** Holds each task until the test releases it, so results can arrive in any order. */
    private static final class ReleasingRunner implements TaskRunner {
        final List<Runnable> held = new ArrayList<>();
        private final TaskRunner inner;

        ReleasingRunner(TaskRunner inner) {
            this.inner = inner;
        }

        @Override
        public <T> void run(BackgroundTask<T> task) {
            held.add(() -> inner.run(task));
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable action) {
            return inner.schedule(delay, action);
        }

        void release(int i) {
            held.get(i).run();
        }

        void releaseAll() {
            while (!held.isEmpty()) {
                held.remove(0).run();
            }
        }
    }
}
