package org.iomworkbench.ui.score;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iomworkbench.core.browse.TableBrowser;
import org.iomworkbench.core.link.LinkStore;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.score.Band;
import org.iomworkbench.core.score.Cutoffs;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.ScoreRun;
import org.iomworkbench.core.score.ScoreStore;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.Scores;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.score.WeightEstimator;
import org.iomworkbench.core.score.Weights;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.BackgroundTask;
import org.iomworkbench.ui.common.Debouncer;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.TaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Scores step: the latest linked snapshot's data read once into memory, scored at the
 * parameters the analyst sets (as-at date, half-life, lookback, window), re-scored live off the
 * UI thread whenever one changes (debounced, the latest request wins: each result carries the
 * number of the request that asked for it and an older one is dropped). The weights and cut-offs
 * stay frozen through those changes until the analyst estimates them again at the calibration
 * date, pins the weights or sets the cut-offs by value.
 */
public final class ScoresViewModel {
    /** How long the parameters must rest before a re-score starts. */
    static final Duration RESCORE_DELAY = Duration.ofMillis(120);

    /** One band's tile: how many persons and what share of everyone. */
    public record BandRow(Band band, long count, double share) {
        public String name() {
            return band.name();
        }
    }

    /** One weight of section 4 as the table shows it; the fit's numbers are NaN when pinned or dropped. */
    public record WeightRow(String name, double weight, double se, double lower, double upper, int nonZero,
                            boolean dropped) {
    }

    /**
     * The positive RFSDi values binned on a log10 scale; persons with RFSDi 0 are counted apart.
     *
     * @param firstLog10 log10 of the lower edge of the first bin
     * @param binWidth   width of each bin in log10 units
     */
    public record Histogram(double firstLog10, double binWidth, long[] counts, long zeros) {
        static final double BIN_WIDTH = 0.1;

        static Histogram of(Scores s) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            long zeros = 0;
            for (int p = 0; p < s.size(); p++) {
                double r = s.rfsdi(p);
                if (r > 0) {
                    double l = Math.log10(r);
                    lo = Math.min(lo, l);
                    hi = Math.max(hi, l);
                } else {
                    zeros++;
                }
            }
            if (lo > hi) {
                return new Histogram(0, BIN_WIDTH, new long[0], zeros);
            }
            double first = Math.floor(lo / BIN_WIDTH) * BIN_WIDTH;
            int n = (int) Math.floor((hi - first) / BIN_WIDTH) + 1;
            long[] counts = new long[n];
            for (int p = 0; p < s.size(); p++) {
                double r = s.rfsdi(p);
                if (r > 0) {
                    counts[Math.min(n - 1, (int) Math.floor((Math.log10(r) - first) / BIN_WIDTH))]++;
                }
            }
            return new Histogram(first, BIN_WIDTH, counts, zeros);
        }

        public double lastLog10() {
            return firstLog10 + binWidth * counts.length;
        }
    }

    /** The scores at the as-at date and, with the same configuration, at the earlier date of the transition matrix. */
    private record Scored(Scores now, Scores earlier) {
        static Scored of(ScoreData d, ScoringConfig cfg, LocalDate earlier) {
            return new Scored(Scorer.score(d, cfg), earlier == null ? null : Scorer.score(d, cfg.withAsAt(earlier)));
        }
    }

    private record Loaded(Snapshot snapshot, ScoreData data, ScoringConfig config, WeightEstimator.Estimate estimate,
                          Scored scored, String fitMessage, List<HarmCode> harmCodes) {
    }

    /** One multiplier of section 4 for one person: its x, its weight, what it multiplies by and RFSDi before and after. */
    public record Factor(String name, int x, double weight, double multiplier, double before, double after) {
    }

    /**
     * One offence's part in S (section 2): {@code h} decayed over its age measured back from the clock date;
     * an offence after the clock (committed in prison) counts with age 0.
     */
    public record OffenceRow(LocalDate date, String code, String crimeGroup, double h, long ageDays,
                             double contribution, boolean alcoholRelated, boolean inPrison) {
    }

    /** Why one person has their RFSDi: their offences summing to S, each flag and trend with its weight, and the band. */
    public record Explanation(String personId, String records, boolean inPrison, LocalDate clock, List<OffenceRow> offences,
                              double s, List<Factor> factors, double rfsdi, Band band, ScoringConfig config) {
        static Explanation of(ScoreData d, Scores sc, int p) {
            LocalDate asAt = sc.config().asAt();
            LocalDate clock = asAt;
            LocalDate latestEntry = null;
            for (ScoreData.PrisonStay stay : d.prisonStays(p)) {
                boolean inside = !stay.entry().isAfter(asAt) && (stay.release() == null || stay.release().isAfter(asAt));
                if (inside && (latestEntry == null || stay.entry().isAfter(latestEntry))) {
                    latestEntry = stay.entry();
                }
            }
            if (latestEntry != null) {
                clock = latestEntry;
            }
            List<OffenceRow> offences = new ArrayList<>();
            for (ScoreData.Offence o : d.offences(p)) {
                if (o.date().isAfter(asAt)) {
                    continue;
                }
                long age = Math.max(0, clock.toEpochDay() - o.date().toEpochDay());
                double contribution = o.h() * Math.pow(2, -age / sc.config().halfLifeDays());
                offences.add(new OffenceRow(o.date(), o.code(), o.crimeGroup(), o.h(), age, contribution,
                        o.alcoholRelated(), o.date().isAfter(clock)));
            }
            double[] w = sc.config().weights().toArray();
            List<Factor> out = new ArrayList<>();
            double at = sc.s(p);
            for (int k = 0; k < 6; k++) {
                int x = sc.x(p, k);
                // flags multiply by w when set; trends by w when rising and by 1/w when falling (section 4)
                double m = x > 0 ? w[k] : x < 0 ? 1 / w[k] : 1;
                double next = at * m;
                out.add(new Factor(Weights.KEYS.get(k), x, w[k], m, at, next));
                at = next;
            }
            return new Explanation(d.personId(p), d.sourceIds(p), sc.inPrison(p), clock, List.copyOf(offences), sc.s(p),
                    List.copyOf(out), sc.rfsdi(p), sc.band(p), sc.config());
        }
    }

    /** One row of the snapshot's harm index. */
    public record HarmCode(String code, String description, String crimeGroup, double harmDays) {
        @Override
        public String toString() {
            return code + " (" + ScoresViewModel.days(harmDays) + " harm days)";
        }
    }

    private record Estimated(WeightEstimator.Estimate estimate, Cutoffs cutoffs, String failure) {
    }

    private final WorkspaceSession session;
    private final TaskRunner runner;
    private final Debouncer debouncer;
    private final ObjectProperty<LocalDate> asAt = new SimpleObjectProperty<>(this, "asAt");
    private final DoubleProperty halfLife = new SimpleDoubleProperty(this, "halfLife", ScoringConfig.DEFAULT_HALF_LIFE);
    private final DoubleProperty lookback = new SimpleDoubleProperty(this, "lookback", ScoringConfig.DEFAULT_LOOKBACK);
    private final DoubleProperty window = new SimpleDoubleProperty(this, "window", ScoringConfig.DEFAULT_WINDOW);
    private final ObjectProperty<LocalDate> calibrationDate = new SimpleObjectProperty<>(this, "calibrationDate");
    private final ObjectProperty<LocalDate> earlierDate = new SimpleObjectProperty<>(this, "earlierDate");
    private final ReadOnlyObjectWrapper<Histogram> histogram = new ReadOnlyObjectWrapper<>(this, "histogram");
    private final ReadOnlyObjectWrapper<long[][]> transitions = new ReadOnlyObjectWrapper<>(this, "transitions");
    private final ReadOnlyObjectWrapper<Scores> scores = new ReadOnlyObjectWrapper<>(this, "scores");
    private final ReadOnlyObjectWrapper<ScoringConfig> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "No workspace is open.");
    private final ReadOnlyStringWrapper fitMessage = new ReadOnlyStringWrapper(this, "fitMessage", "");
    /**
     * The fit produced no weights (spec §6): the scores shown use weights of 1 for a first look,
     * which nobody chose, so they cannot be saved until the analyst pins weights or an estimate
     * succeeds.
     */
    private final ReadOnlyBooleanWrapper weightsMissing = new ReadOnlyBooleanWrapper(this, "weightsMissing");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ObservableList<BandRow> bands = FXCollections.observableArrayList();
    private final ObservableList<WeightRow> weights = FXCollections.observableArrayList();
    private final ObservableList<HarmCode> harmCodes = FXCollections.observableArrayList();
    private final ObjectProperty<HarmCode> decayCode = new SimpleObjectProperty<>(this, "decayCode");
    private final DoubleProperty prisonFrom = new SimpleDoubleProperty(this, "prisonFrom", 365);
    private final DoubleProperty prisonTo = new SimpleDoubleProperty(this, "prisonTo", 730);
    private final ReadOnlyObjectWrapper<DecayCurve> decayCurve = new ReadOnlyObjectWrapper<>(this, "decayCurve");
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>(this, "explanation");
    private final ReadOnlyStringWrapper personMessage = new ReadOnlyStringWrapper(this, "personMessage", "");
    private final ReadOnlyStringWrapper personAge = new ReadOnlyStringWrapper(this, "personAge", "");
    private String explainedId;
    /** The workspace's connection is shared: one piece of database work at a time. */
    private final Object db = new Object();
    private Snapshot snapshot;
    private ScoreData data;
    private WeightEstimator.Estimate estimate;
    private long request;
    /** While the view model itself sets the parameters, they do not ask for a re-score. */
    private boolean settling;
    /** While this view tells the others of its own saved run, which leaves the persons as they were. */
    private boolean announcing;
    /** Whether the view is on screen: reading and estimating for a million persons waits until it is. */
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    /** What changed while the view was not shown: the workspace, or only its persons. */
    private boolean workspaceChangedUnseen;
    private boolean personsChangedUnseen;

    public ScoresViewModel(WorkspaceSession session, TaskRunner runner) {
        this.session = session;
        this.runner = runner;
        this.debouncer = new Debouncer(runner, RESCORE_DELAY);
        session.workspaceProperty().addListener((o, a, ws) -> {
            if (shown.get()) {
                reload();
            } else {
                workspaceChangedUnseen = true;
            }
        });
        // the persons changed (a load, a link, a review decision): read them again, keeping the analyst's parameters
        session.revision().addListener((o, a, b) -> {
            if (announcing) {
                return;
            }
            if (shown.get()) {
                read(keptParameters());
            } else {
                personsChangedUnseen = true;
            }
        });
        shown.addListener((o, was, now) -> {
            if (now && workspaceChangedUnseen) {
                reload();
            } else if (now && personsChangedUnseen) {
                read(keptParameters());
            }
            if (now) {
                workspaceChangedUnseen = false;
                personsChangedUnseen = false;
            }
        });
        asAt.addListener((o, a, b) -> parametersChanged());
        halfLife.addListener((o, a, b) -> parametersChanged());
        lookback.addListener((o, a, b) -> parametersChanged());
        window.addListener((o, a, b) -> parametersChanged());
        earlierDate.addListener((o, a, b) -> parametersChanged());
        for (javafx.beans.Observable o : new javafx.beans.Observable[]{decayCode, prisonFrom, prisonTo, halfLife}) {
            o.addListener(x -> decayCurve.set(curve()));
        }
    }

    /** The harm index of the snapshot, by code. */
    public ObservableList<HarmCode> harmCodes() {
        return harmCodes;
    }

    /** The offence type whose decay is drawn. */
    public ObjectProperty<HarmCode> decayCodeProperty() {
        return decayCode;
    }

    /** The illustrated prison stay: days from the offence to the entry. */
    public DoubleProperty prisonFromProperty() {
        return prisonFrom;
    }

    /** The illustrated prison stay: days from the offence to the release. */
    public DoubleProperty prisonToProperty() {
        return prisonTo;
    }

    /** The decay of the chosen offence type at the current half-life, or null. */
    public ReadOnlyObjectProperty<DecayCurve> decayCurveProperty() {
        return decayCurve.getReadOnlyProperty();
    }

    /** The explained person under the scores shown, or null. */
    public ReadOnlyObjectProperty<Explanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** Why no person is explained (not found), or empty. */
    /** The explained person's age at the as-at date in words, with "UNDER 18" when they are a child; empty when unknown. */
    public ReadOnlyStringProperty personAgeProperty() {
        return personAge.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty personMessageProperty() {
        return personMessage.getReadOnlyProperty();
    }

    /** Explains the person with this id (exact) under the scores shown, and again whenever they change. */
    public void explain(String personId) {
        explainedId = personId == null ? "" : personId.strip();
        showExplanation();
    }

    private void showExplanation() {
        Scores sc = scores.get();
        if (explainedId == null || explainedId.isEmpty() || sc == null || data == null) {
            explanation.set(null);
            personMessage.set("");
            return;
        }
        int p = data.indexOf(explainedId);
        if (p < 0) {
            explanation.set(null);
            personMessage.set("No person " + explainedId + " in snapshot " + snapshot.id()
                    + ". Person ids are those of step 2, Match & merge.");
            return;
        }
        personMessage.set("");
        explanation.set(Explanation.of(data, sc, p));
        Workspace ws = session.workspace();
        Snapshot s = snapshot;
        String id = explainedId;
        LocalDate asAt = sc.config().asAt();
        personAge.set("");
        if (ws != null && s != null) {
            runner.run(BackgroundTask.of("Reading the person's date of birth", (pr, c) -> {
                try (java.sql.Connection conn = ws.newConnection();
                     java.sql.PreparedStatement ps = conn.prepareStatement("SELECT date_of_birth FROM " + s.schema()
                             + ".PERSON WHERE person_id = ?")) {
                    ps.setString(1, id);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        return java.util.Optional.ofNullable(rs.next() ? rs.getObject(1, LocalDate.class) : null);
                    }
                }
            }).onSuccess(dob -> {
                if (id.equals(explainedId)) {
                    personAge.set(dob.map(b -> {
                        int age = java.time.Period.between(b, asAt).getYears();
                        return age < 18 ? "UNDER 18 (aged " + age + " at " + asAt + ")" : "aged " + age + " at " + asAt;
                    }).orElse(""));
                }
            }));
        }
    }

    private DecayCurve curve() {
        HarmCode c = decayCode.get();
        if (c == null || !(halfLife.get() > 0)) {
            return null;
        }
        int from = (int) Math.max(0, Math.round(prisonFrom.get()));
        int to = (int) Math.max(from, Math.round(prisonTo.get()));
        return new DecayCurve(c.code(), c.harmDays(), halfLife.get(), from, to);
    }

    /** The earlier as-at date the band transitions are counted from; the as-at date − 365 days at first. */
    public ObjectProperty<LocalDate> earlierDateProperty() {
        return earlierDate;
    }

    /** The shown scores' positive RFSDi values on a log10 scale. */
    public ReadOnlyObjectProperty<Histogram> histogramProperty() {
        return histogram.getReadOnlyProperty();
    }

    /**
     * Persons by band at the earlier date (rows) and at the as-at date (columns), both scored
     * with the same parameters, weights and cut-offs; null while there is no earlier date.
     */
    public ReadOnlyObjectProperty<long[][]> transitionsProperty() {
        return transitions.getReadOnlyProperty();
    }

    /** The as-at date T; the end of data until the analyst picks another. */
    public ObjectProperty<LocalDate> asAtProperty() {
        return asAt;
    }

    /** The half-life of the decay, in days. */
    public DoubleProperty halfLifeProperty() {
        return halfLife;
    }

    /** The lookback of the alcohol and drug flags, in whole days. */
    public DoubleProperty lookbackProperty() {
        return lookback;
    }

    /** The window of the trends, in whole days. */
    public DoubleProperty windowProperty() {
        return window;
    }

    /** Where the next "Estimate weights and cut-offs" fits; the end of data − 365 days by default. */
    public ObjectProperty<LocalDate> calibrationDateProperty() {
        return calibrationDate;
    }

    /** The scores shown: always those of the latest request that has finished, with their configuration. */
    public ReadOnlyObjectProperty<Scores> scoresProperty() {
        return scores.getReadOnlyProperty();
    }

    /** The frozen model: calibration date, weights and cut-offs (its as-at and decay parameters are not used). */
    public ReadOnlyObjectProperty<ScoringConfig> modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** The data are in memory and scored: the parameters can be moved. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** Reading, estimating, scoring or saving is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Where the step stands in a sentence: what to do first, or what is shown. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why there are no estimated weights (the fit failed), or empty. */
    /** True while no weights were estimated nor pinned (the scores shown use weights of 1): saving waits for either. */
    public ReadOnlyBooleanProperty weightsMissingProperty() {
        return weightsMissing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fitMessageProperty() {
        return fitMessage.getReadOnlyProperty();
    }

    /** The outcome of the last thing done, in a sentence. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The five bands, lowest first, with their counts and shares. */
    public ObservableList<BandRow> bands() {
        return bands;
    }

    /** The six weights in the spec's order. */
    public ObservableList<WeightRow> weights() {
        return weights;
    }

    /** The in-memory data, or null before they are read. */
    public ScoreData data() {
        return data;
    }

    /** The latest request number handed out; a result is shown only when it answers this one. */
    long latestRequest() {
        return request;
    }

    /** Whether the view is on screen; while it is not, changes to the data are read when it is shown next. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** Reads the latest snapshot's data again and scores them with fresh estimates at the default parameters. */
    public void reload() {
        read(ScoreRun.Request.defaults());
    }

    /** The parameters the analyst has set, as a request that estimates afresh; the defaults before the first scoring. */
    private ScoreRun.Request keptParameters() {
        if (!ready.get()) {
            return ScoreRun.Request.defaults();
        }
        LocalDate end = data.requireEndOfData();
        return new ScoreRun.Request(end.equals(asAt.get()) ? null : asAt.get(), calibrationDate.get(), halfLife.get(),
                (int) Math.round(lookback.get()), (int) Math.round(window.get()), null, null, false);
    }

    private void read(ScoreRun.Request asked) {
        Workspace ws = session.workspace();
        long id = ++request;
        debouncer.cancel();
        ready.set(false);
        snapshot = null;
        data = null;
        estimate = null;
        scores.set(null);
        explanation.set(null);
        histogram.set(null);
        transitions.set(null);
        model.set(null);
        bands.clear();
        weights.clear();
        harmCodes.clear();
        decayCode.set(null);
        fitMessage.set("");
        if (ws == null) {
            status.set("No workspace is open.");
            return;
        }
        status.set("Reading the latest snapshot's persons and offences…");
        busy.set(true);
        runner.run(BackgroundTask.<Loaded>of("Reading the data to score", (p, c) -> {
                    synchronized (db) {
                        return load(ws, asked);
                    }
                })
                .onSuccess(l -> {
                    if (id != request || ws != session.workspace()) {
                        return;
                    }
                    busy.set(false);
                    show(l);
                })
                .onFailure(e -> {
                    if (id == request) {
                        busy.set(false);
                        status.set("The data could not be read for scoring.");
                    }
                }));
    }

    private static Loaded load(Workspace ws, ScoreRun.Request request) {
        List<Snapshot> list = new SnapshotStore(ws).list();
        if (list.isEmpty()) {
            return new Loaded(null, null, null, null, null, null, List.of());
        }
        Snapshot s = list.get(list.size() - 1);
        if (new LinkStore(ws).latestRun(s).isEmpty()) {
            return new Loaded(s, null, null, null, null, null, List.of());
        }
        ScoreData d = ScoreData.loadShared(ws, s);
        LocalDate end = d.requireEndOfData();
        WeightEstimator.Estimate[] est = new WeightEstimator.Estimate[1];
        ScoringConfig cfg;
        String failure = "";
        try {
            cfg = ScoreRun.configure(d, s, request, est);
        } catch (WorkbenchException e) {
            // no weights produced: score with every weight 1 until the analyst pins or re-estimates
            failure = e.getMessage();
            est[0] = null;
            LocalDate t0 = request.calibrationDate() != null ? request.calibrationDate() : end.minusDays(365);
            double hl = request.halfLifeDays() != null ? request.halfLifeDays() : ScoringConfig.DEFAULT_HALF_LIFE;
            int lb = request.lookbackDays() != null ? request.lookbackDays() : ScoringConfig.DEFAULT_LOOKBACK;
            int win = request.windowDays() != null ? request.windowDays() : ScoringConfig.DEFAULT_WINDOW;
            Cutoffs c = ScoreRun.percentileCutoffs(d, t0, hl, lb, win, Weights.ONE);
            cfg = new ScoringConfig(s.id(), s.fingerprint(), d.harmIndexVersion(),
                    request.asAt() != null ? request.asAt() : end, hl, lb, win, t0, Weights.ONE,
                    ScoringConfig.WeightsSource.PINNED, c, ScoringConfig.CutoffsSource.PERCENTILES);
        }
        return new Loaded(s, d, cfg, est[0], Scored.of(d, cfg, cfg.asAt().minusDays(365)), failure, harmIndex(ws, s));
    }

    /** The snapshot's harm index rows, in code order. */
    private static List<HarmCode> harmIndex(Workspace ws, Snapshot s) {
        TableBrowser b = new TableBrowser(ws);
        String table = "HARM_INDEX";
        List<String> cols = b.columns(s, table);
        int code = cols.indexOf("offence_code");
        int description = cols.indexOf("description");
        int group = cols.indexOf("crime_group");
        int days = cols.indexOf("harm_days");
        List<HarmCode> out = new ArrayList<>();
        for (String[] r : b.page(s, table, null, 0, (int) b.count(s, table, null))) {
            out.add(new HarmCode(r[code], description < 0 ? "" : r[description], r[group], Double.parseDouble(r[days])));
        }
        out.sort(java.util.Comparator.comparing(HarmCode::code));
        return out;
    }

    private void show(Loaded l) {
        if (l.snapshot() == null) {
            status.set("There is nothing to score yet: load an extract folder first in step 1, Data.");
            return;
        }
        if (l.data() == null) {
            status.set("Snapshot " + l.snapshot().id() + " has not been linked yet. Run Match & merge first (step 2): "
                    + "scores are per person, and persons come from linking.");
            return;
        }
        snapshot = l.snapshot();
        data = l.data();
        estimate = l.estimate();
        fitMessage.set(l.fitMessage());
        weightsMissing.set(!l.fitMessage().isEmpty());
        ScoringConfig cfg = l.config();
        settling = true;
        try {
            asAt.set(cfg.asAt());
            halfLife.set(cfg.halfLifeDays());
            lookback.set(cfg.lookbackDays());
            window.set(cfg.windowDays());
            calibrationDate.set(cfg.calibrationDate());
            earlierDate.set(cfg.asAt().minusDays(365));
        } finally {
            settling = false;
        }
        model.set(cfg);
        harmCodes.setAll(l.harmCodes());
        decayCode.set(harmCodes.stream().filter(c -> c.code().startsWith("VIOLENCE_WITH_INJURY")).findFirst()
                .orElse(harmCodes.isEmpty() ? null : harmCodes.get(0)));
        showWeights();
        ready.set(true);
        showScores(l.scored());
    }

    /** The configuration the parameters ask for, with the frozen weights and cut-offs. */
    public ScoringConfig requestedConfig() {
        ScoringConfig m = model.get();
        if (m == null) {
            return null;
        }
        return m.withAsAt(asAt.get() == null ? data.requireEndOfData() : asAt.get())
                .withHalfLife(halfLife.get())
                .withLookback((int) Math.round(lookback.get()))
                .withWindow((int) Math.round(window.get()));
    }

    private void parametersChanged() {
        if (settling || !ready.get()) {
            return;
        }
        if (!(halfLife.get() > 0)) {
            notice.set("The half-life must be above 0 days.");
            return;
        }
        debouncer.submit(this::rescore);
    }

    /** Scores everyone again at the current parameters and frozen model, off the UI thread. */
    public void rescore() {
        ScoringConfig cfg = requestedConfig();
        if (cfg == null) {
            return;
        }
        ScoreData d = data;
        LocalDate earlier = earlierDate.get();
        long id = ++request;
        busy.set(true);
        runner.run(BackgroundTask.of("Scoring everyone again", (p, c) -> Scored.of(d, cfg, earlier))
                .onSuccess(s -> {
                    if (id != request || d != data) {
                        return; // superseded: a later request's result is or will be shown
                    }
                    busy.set(false);
                    showScores(s);
                })
                .onFailure(e -> {
                    if (id == request) {
                        busy.set(false);
                    }
                }));
    }

    private void showScores(Scored scored) {
        Scores s = scored.now();
        scores.set(s);
        histogram.set(Histogram.of(s));
        transitions.set(scored.earlier() == null ? null : transitions(scored.earlier(), s));
        long[] counts = s.bandCounts();
        long total = s.size();
        List<BandRow> rows = new ArrayList<>();
        for (Band b : Band.values()) {
            long n = counts[b.ordinal()];
            rows.add(new BandRow(b, n, total == 0 ? 0 : (double) n / total));
        }
        bands.setAll(rows);
        showExplanation();
        ScoringConfig c = s.config();
        status.set(String.format(Locale.ROOT, "Snapshot %d: %s scored at %s, half-life %s days, lookback %d days, window %d days.",
                c.snapshotId(), Format.plural(total, "person", "persons"), c.asAt(), days(c.halfLifeDays()),
                c.lookbackDays(), c.windowDays()));
    }

    static long[][] transitions(Scores from, Scores to) {
        int n = Band.values().length;
        long[][] m = new long[n][n];
        for (int p = 0; p < to.size(); p++) {
            m[from.band(p).ordinal()][to.band(p).ordinal()]++;
        }
        return m;
    }

    /** Fits the weights at the calibration date with the current half-life, lookback and window, and re-cuts the bands there. */
    public void estimate() {
        ScoringConfig cfg = requestedConfig();
        LocalDate t0 = calibrationDate.get();
        if (cfg == null || t0 == null) {
            return;
        }
        ScoreData d = data;
        long id = ++request;
        busy.set(true);
        notice.set("");
        runner.run(BackgroundTask.of("Estimating the weights and cut-offs", (p, c) -> {
                    WeightEstimator.Estimate e;
                    try {
                        e = WeightEstimator.estimate(d, t0, cfg.halfLifeDays(), cfg.lookbackDays(), cfg.windowDays());
                    } catch (WorkbenchException ex) {
                        return new Estimated(null, null, ex.getMessage());
                    }
                    try {
                        Cutoffs cut = ScoreRun.percentileCutoffs(d, t0, cfg.halfLifeDays(), cfg.lookbackDays(),
                                cfg.windowDays(), e.weights());
                        return new Estimated(e, cut, null);
                    } catch (WorkbenchException ex) {
                        return new Estimated(null, null, ex.getMessage());
                    }
                })
                .onSuccess(r -> {
                    if (d != data) {
                        return;
                    }
                    if (id == request) {
                        busy.set(false);
                    }
                    if (r.failure() != null) {
                        fitMessage.set(r.failure());
                        notice.set("No weights were produced: the weights and cut-offs are as they were.");
                        return;
                    }
                    estimate = r.estimate();
                    fitMessage.set("");
                    weightsMissing.set(false);
                    model.set(model.get().withWeights(r.estimate().weights(), ScoringConfig.WeightsSource.ESTIMATED, t0)
                            .withCutoffs(r.cutoffs(), ScoringConfig.CutoffsSource.PERCENTILES));
                    showWeights();
                    notice.set("Weights and cut-offs estimated at " + t0 + " from "
                            + Format.plural(r.estimate().persons(), "person", "persons") + " with S above 0.");
                    rescore();
                })
                .onFailure(e -> {
                    if (id == request) {
                        busy.set(false);
                    }
                }));
    }

    /** Pins the six weights by value (in the spec's order); the cut-offs stay as they are. */
    public void pinWeights(double[] values) {
        if (model.get() == null) {
            return;
        }
        Weights w;
        try {
            w = Weights.of(values);
        } catch (IllegalArgumentException e) {
            notice.set("The weights cannot be pinned: " + e.getMessage() + ".");
            return;
        }
        // after a failed fit the cut-offs shown are percentiles under weights of 1 that nobody chose:
        // the default cut-offs become the pinned weights' percentiles (as the command line's pinned weights get)
        boolean fallback = weightsMissing.get() && model.get().cutoffsSource() == ScoringConfig.CutoffsSource.PERCENTILES;
        estimate = null;
        weightsMissing.set(false);
        model.set(model.get().withWeights(w, ScoringConfig.WeightsSource.PINNED, model.get().calibrationDate()));
        showWeights();
        if (!fallback) {
            notice.set("Weights pinned by value.");
            rescore();
            return;
        }
        ScoringConfig cfg = requestedConfig();
        ScoreData d = data;
        long id = ++request;
        busy.set(true);
        runner.run(BackgroundTask.of("Setting the cut-offs for the pinned weights", (p, c) -> ScoreRun.percentileCutoffs(d,
                        cfg.calibrationDate(), cfg.halfLifeDays(), cfg.lookbackDays(), cfg.windowDays(), w))
                .onSuccess(cutoffs -> {
                    if (id == request) {
                        busy.set(false);
                    }
                    if (d != data || model.get() == null) {
                        return;
                    }
                    model.set(model.get().withCutoffs(cutoffs, ScoringConfig.CutoffsSource.PERCENTILES));
                    notice.set("Weights pinned by value; the cut-offs are their percentiles at " + cfg.calibrationDate() + ".");
                    rescore();
                })
                .onFailure(e -> {
                    if (id == request) {
                        busy.set(false);
                    }
                }));
    }

    /** Sets the four cut-offs by value (strictly increasing) and re-bands everyone. */
    public void setCutoffs(double[] values) {
        if (model.get() == null) {
            return;
        }
        Cutoffs c;
        try {
            c = Cutoffs.ofValues(values);
        } catch (IllegalArgumentException e) {
            notice.set("The cut-offs cannot be used: " + e.getMessage() + ".");
            return;
        }
        model.set(model.get().withCutoffs(c, ScoringConfig.CutoffsSource.SET));
        debouncer.submit(this::rescore);
    }

    private void showWeights() {
        ScoringConfig m = model.get();
        double[] w = m.weights().toArray();
        boolean fitted = estimate != null && m.weightsSource() == ScoringConfig.WeightsSource.ESTIMATED;
        List<WeightRow> rows = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            boolean dropped = fitted && estimate.dropped()[k + 2];
            boolean interval = fitted && !dropped;
            rows.add(new WeightRow(Weights.KEYS.get(k), w[k], interval ? estimate.weightSe()[k] : Double.NaN,
                    interval ? estimate.lower()[k] : Double.NaN, interval ? estimate.upper()[k] : Double.NaN,
                    fitted ? estimate.nonZero()[k] : -1, dropped));
        }
        weights.setAll(rows);
    }

    /** Stores the scores shown as a run, with their configuration and its audit entry. */
    public void save() {
        Workspace ws = session.workspace();
        Scores s = scores.get();
        if (ws == null || s == null || snapshot == null) {
            return;
        }
        if (weightsMissing.get()) {
            notice.set("Not saved: no weights were estimated (" + fitMessage.get() + "). Pin the six weights by value, "
                    + "or estimate them again, before saving; the scores shown use weights of 1 only for a look.");
            return;
        }
        Snapshot snap = snapshot;
        ScoreData d = data;
        ScoringConfig cfg = s.config();
        WeightEstimator.Estimate est = cfg.weightsSource() == ScoringConfig.WeightsSource.ESTIMATED ? estimate : null;
        busy.set(true);
        runner.run(BackgroundTask.of("Saving the scoring run", (p, c) -> {
                    synchronized (db) {
                        return new ScoreStore(ws).save(snap, d, cfg, est, s, null);
                    }
                })
                .onSuccess(runId -> {
                    busy.set(false);
                    announcing = true;
                    try {
                        session.changed(); // the audit view learns of the run's entry
                    } finally {
                        announcing = false;
                    }
                    notice.set("Saved as score run " + runId + " of snapshot " + snap.id() + " (" + cfg.asAt()
                            + ", half-life " + days(cfg.halfLifeDays()) + " days), with its audit entry.");
                })
                .onFailure(e -> busy.set(false)));
    }

    /** Work that writes one file. */
    @FunctionalInterface
    public interface FileWork {
        void write(Path file) throws Exception;
    }

    /** Writes an exported chart or table off the UI thread and says where it went. */
    public void writeFile(String what, Path file, FileWork work) {
        runner.run(BackgroundTask.of("Writing " + what, (p, c) -> {
                    work.write(file);
                    return file;
                })
                .onSuccess(f -> notice.set("Wrote " + what + " to " + f + ".")));
    }

    /**
     * Writes one person's figures in the background and records the file in the audit trail by
     * its SHA-256: personal data leaving the workspace, as every export of it is.
     */
    public void writePersonFile(String what, Path file, FileWork work) {
        Workspace ws = session.workspace();
        Snapshot snap = snapshot;
        runner.run(BackgroundTask.of("Writing " + what, (p, c) -> {
                    work.write(file);
                    if (ws != null && snap != null) {
                        synchronized (db) {
                            org.iomworkbench.core.audit.AuditTrail.recordExport(ws.connection(), "export.person", snap.id(), 1, file);
                        }
                    }
                    return file;
                })
                .onSuccess(f -> notice.set("Wrote " + what + " to " + f + "; the audit trail records the file by its hash.")));
    }

    /** The settings of the scores shown, in one line: what a CSV is headed with. */
    public String settingsLine() {
        Scores s = scores.get();
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        s.config().toJson().forEach((k, v) -> {
            if (!b.isEmpty()) {
                b.append("; ");
            }
            b.append(k).append('=').append(v);
        });
        return b.toString();
    }

    /** The band counts and shares as table rows, heading first. */
    public List<List<String>> bandRows() {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("band", "persons", "share"));
        for (BandRow r : bands) {
            out.add(List.of(r.band().name(), Long.toString(r.count()), Double.toString(r.share())));
        }
        return out;
    }

    /** The transition matrix as table rows: one row per band at the earlier date, one column per band at the as-at date. */
    public List<List<String>> transitionRows() {
        long[][] m = transitions.get();
        List<List<String>> out = new ArrayList<>();
        if (m == null) {
            return out;
        }
        List<String> head = new ArrayList<>();
        head.add("band at " + earlierDate.get() + " \\ band at " + scores.get().config().asAt());
        for (Band b : Band.values()) {
            head.add(b.name());
        }
        out.add(head);
        for (Band from : Band.values()) {
            List<String> row = new ArrayList<>();
            row.add(from.name());
            for (Band to : Band.values()) {
                row.add(Long.toString(m[from.ordinal()][to.ordinal()]));
            }
            out.add(row);
        }
        return out;
    }

    static String days(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
