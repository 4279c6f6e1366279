package org.iomworkbench.ui.validation;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.model.ModelStore;
import org.iomworkbench.core.model.Prediction;
import org.iomworkbench.core.model.eval.Bootstrap;
import org.iomworkbench.core.model.eval.Confusion;
import org.iomworkbench.core.model.eval.GroupBreakdown;
import org.iomworkbench.core.model.eval.ScoreFile;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.BackgroundTask;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.TaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Validation step: a model run's test year or an imported score, its curves and headline
 * figures, a threshold that moves the confusion matrix and the Offender Managers' workload at
 * once (one binary search per move), a target specificity that snaps the threshold and says how
 * sure it is, the escalation rate per current band, and the fairness breakdown by ethnicity,
 * gender and age band at the threshold.
 */
public final class ValidationViewModel {
    static final int REPS = 1000;
    static final long SEED = 20240601L;

    private final WorkspaceSession session;
    private final TaskRunner runner;
    private final ObservableList<ModelStore.RunInfo> runs = FXCollections.observableArrayList();
    private final ObjectProperty<ModelStore.RunInfo> run = new SimpleObjectProperty<>(this, "run");
    private final ReadOnlyObjectWrapper<ValidationData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.5);
    private final ReadOnlyObjectWrapper<Confusion> confusion = new ReadOnlyObjectWrapper<>(this, "confusion");
    private final StringProperty target = new SimpleStringProperty(this, "target", "0.95");
    private final ReadOnlyStringWrapper targetText = new ReadOnlyStringWrapper(this, "targetText", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ObservableList<FairnessRow> fairness = FXCollections.observableArrayList();
    private final ObservableList<BandRow> bands = FXCollections.observableArrayList();
    private final StringBinding status;
    private long request;

    /** One group's error rates at the threshold. */
    public record FairnessRow(String column, String value, GroupBreakdown.Group group, boolean reference, Double ece,
                              Bootstrap.Result intervals) {
    }

    /** The outcome rate among the people of one current band, with a Wilson 95% interval. */
    public record BandRow(String band, long n, long positives, double rate, double lo, double hi) {
    }

    public ValidationViewModel(WorkspaceSession session, TaskRunner runner) {
        this.session = session;
        this.runner = runner;
        threshold.addListener((o, a, t) -> update());
        data.addListener((o, a, d) -> update());
        status = Bindings.createStringBinding(() -> {
            ValidationData d = data.get();
            if (d == null) {
                return session.workspace() == null ? "No workspace is open. Import a score file to evaluate it on its own."
                        : runs.isEmpty() ? "No model run yet: train one in step 4, Models, or import a score file."
                        : "Choose a model run, or import a score file.";
            }
            return d.title + ": " + Format.count(d.size()) + " people, " + Format.count(d.sweep.positives())
                    + " with the outcome.";
        }, data, runs, session.workspaceProperty());
        session.workspaceProperty().addListener((o, a, ws) -> refresh());
        session.revision().addListener((o, a, b) -> refresh());
        run.addListener((o, a, r) -> {
            if (r != null) {
                openRun(r);
            }
        });
    }

    public ObservableList<ModelStore.RunInfo> runs() {
        return runs;
    }

    public ObjectProperty<ModelStore.RunInfo> runProperty() {
        return run;
    }

    public ReadOnlyObjectProperty<ValidationData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public ReadOnlyObjectProperty<Confusion> confusionProperty() {
        return confusion.getReadOnlyProperty();
    }

    public StringProperty targetProperty() {
        return target;
    }

    /** What the last snap to the target specificity found, in a sentence. */
    public ReadOnlyStringProperty targetTextProperty() {
        return targetText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public StringBinding statusProperty() {
        return status;
    }

    public ObservableList<FairnessRow> fairness() {
        return fairness;
    }

    public ObservableList<BandRow> bands() {
        return bands;
    }

    private final ObservableList<org.iomworkbench.core.model.ModelService.Contribution> explanation =
            FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper explanationText = new ReadOnlyStringWrapper(this, "explanationText", "");

    public ObservableList<org.iomworkbench.core.model.ModelService.Contribution> explanation() {
        return explanation;
    }

    public ReadOnlyStringProperty explanationTextProperty() {
        return explanationText.getReadOnlyProperty();
    }

    /** Adds the intersection of two group columns (e.g. ethnicity × age band) to the fairness breakdown. */
    public void addIntersection(String a, String b) {
        ValidationData d = data.get();
        if (d == null || a == null || b == null || a.equals(b) || !d.groups.containsKey(a) || !d.groups.containsKey(b)) {
            notice.set("Choose two different group columns to intersect.");
            return;
        }
        String name = a + " × " + b;
        if (d.groups.containsKey(name)) {
            return;
        }
        String[] x = d.groups.get(a);
        String[] y = d.groups.get(b);
        String[] both = new String[x.length];
        for (int i = 0; i < x.length; i++) {
            both[i] = x[i] + " · " + y[i];
        }
        d.groups.put(name, both);
        d.addGroupColumn(name, both);
        groupColumns.setAll(d.groups.keySet());
        update();
    }

    private final ObservableList<String> groupColumns = FXCollections.observableArrayList();

    /** The group columns of the fairness breakdown. */
    public ObservableList<String> groupColumns() {
        return groupColumns;
    }

    /** Explains the run's model for one person of its test year (in the background). */
    public void explain(String personId) {
        Workspace ws = session.workspace();
        ModelStore.RunInfo r = run.get();
        if (ws == null || r == null) {
            explanationText.set("Explanations are for a model run's people; choose a run first.");
            return;
        }
        runner.run(BackgroundTask.of("Explaining the prediction of " + personId,
                (p, c) -> new org.iomworkbench.core.model.ModelService(ws).explain(r.runId(), personId)).onSuccess(e -> {
            explanation.setAll(e.contributions());
            explanationText.set(String.format(Locale.UK, "%s%s, %s: probability of escalating %.3f. Each input's part, "
                    + "largest first, as %s. It shows what moved this prediction, not what causes escalation.",
                    e.personId(), Boolean.TRUE.equals(e.under18()) ? " (UNDER 18)" : "", e.model().replace('_', ' '),
                    e.probability(), e.scale()));
        }));
    }

    /**
     * Writes one person's explanation in the background and records the file in the audit trail by
     * its SHA-256: personal data leaving the workspace, as every export of it is.
     */
    public void writeExplanation(java.nio.file.Path file, String text) {
        Workspace ws = session.workspace();
        ModelStore.RunInfo r = run.get();
        runner.run(BackgroundTask.of("Writing the explanation", (p, c) -> {
            org.iomworkbench.ui.score.ViewExport.writeCsv(text, file);
            if (ws != null && r != null) {
                org.iomworkbench.core.audit.AuditTrail.recordExport(ws.connection(), "export.person", r.snapshotId(), 1, file);
            }
            return file;
        }));
    }

    /** Reads the model runs again. */
    public void refresh() {
        Workspace ws = session.workspace();
        if (ws == null) {
            runs.clear();
            return;
        }
        runner.run(BackgroundTask.of("Reading the model runs", (p, c) -> new ModelStore(ws).runs()).onSuccess(list -> {
            ModelStore.RunInfo keep = run.get();
            runs.setAll(list);
            if (keep == null && !list.isEmpty() && data.get() == null) {
                run.set(list.get(0));
            }
        }));
    }

    /** Opens a model run's test-year predictions (of the model it publishes with). */
    void openRun(ModelStore.RunInfo r) {
        Workspace ws = session.workspace();
        if (ws == null) {
            return;
        }
        long id = ++request;
        busy.set(true);
        runner.run(BackgroundTask.of("Reading model run " + r.runId(), (p, c) -> {
            Snapshot s = new SnapshotStore(ws).resolve(r.snapshotId());
            List<Prediction> rows = new ModelStore(ws).predictions(s, r.runId(), "test");
            org.iomworkbench.core.model.PredictionColumns cols = org.iomworkbench.core.model.PredictionColumns.of(rows);
            int n = cols.size();
            double[] score = cols.score();
            boolean[] label = cols.label();
            String[] eth = cols.ethnicity();
            String[] gender = cols.gender();
            String[] age = cols.ageBand();
            String[] band = cols.band();
            String[] genderAge = new String[n];
            for (int i = 0; i < n; i++) {
                genderAge[i] = gender[i] + " · " + age[i];
            }
            Map<String, String[]> groups = new LinkedHashMap<>();
            groups.put("ethnicity", eth);
            groups.put("gender", gender);
            groups.put("age band", age);
            groups.put("gender × age band", genderAge);
            // every model of the run on the same people; the one it publishes with is the main one
            Map<String, Map<String, Double>> scores = new ModelStore(ws).testScores(s, r.runId());
            Map<String, double[]> others = new LinkedHashMap<>();
            Map<String, Double> chosen = scores.get(r.chosen());
            if (chosen != null) {
                for (int i = 0; i < n; i++) {
                    Double v = chosen.get(rows.get(i).personId());
                    if (v != null) {
                        score[i] = v;
                    }
                }
            }
            scores.forEach((name, byPerson) -> {
                if (!name.equals(r.chosen())) {
                    double[] o = new double[n];
                    for (int i = 0; i < n; i++) {
                        o[i] = byPerson.getOrDefault(rows.get(i).personId(), Double.NaN);
                    }
                    others.put(name.replace('_', ' '), o);
                }
            });
            Map<String, Object> models = r.metricsMap();
            Double t = modelThreshold(models, r.chosen());
            ValidationData d = new ValidationData("Model run " + r.runId() + ", " + r.chosen().replace('_', ' ') + ", test year",
                    r.chosen().replace('_', ' '), score, label, groups, band, t, others, REPS, SEED);
            d.facts.put("model run", r.runId());
            d.facts.put("data snapshot", r.snapshotId() + " (" + s.fingerprint() + ")");
            d.facts.put("model", r.chosen());
            d.facts.put("trained", r.createdAt() + " by " + r.createdBy());
            d.facts.put("evaluated on", "the test year: people at risk at its date, outcomes over the following horizon");
            d.facts.put("model files (SHA-256)", r.files());
            d.settings.put("model configuration", r.config().replaceAll("\\s+", " "));
            d.settings.put("frozen scoring configuration", r.scoring());
            d.settings.put("inputs", String.join(", ", r.features()));
            return d;
        }).onSuccess(d -> {
            busy.set(false);
            if (id == request) {
                show(d);
            }
        }).onFailure(e -> busy.set(false)));
    }

    @SuppressWarnings("unchecked")
    private static Double modelThreshold(Map<String, Object> metrics, String chosen) {
        Object esc = metrics.get("escalation");
        if (esc instanceof Map<?, ?> e && e.get("models") instanceof Map<?, ?> m && m.get(chosen) instanceof Map<?, ?> x
                && x.get("threshold") instanceof Number n) {
            return n.doubleValue();
        }
        return null;
    }

    /** Imports a CSV of an existing score and evaluates it exactly as a model. */
    public void importFile(Path file, String scoreColumn, String labelColumn, List<String> groupColumns) {
        long id = ++request;
        busy.set(true);
        runner.run(BackgroundTask.of("Reading " + file.getFileName(), (p, c) -> {
            ScoreFile f = ScoreFile.read(file, scoreColumn, labelColumn, groupColumns);
            Map<String, String[]> groups = new LinkedHashMap<>();
            for (int k = 0; k < groupColumns.size(); k++) {
                groups.put(groupColumns.get(k), f.groups().get(k));
            }
            ValidationData d = new ValidationData(file.getFileName() + " (" + scoreColumn + " against " + labelColumn + ")",
                    scoreColumn, f.score(), f.label(), groups, null, null, Map.of(), REPS, SEED);
            d.facts.put("file", file.toAbsolutePath().toString());
            d.facts.put("file SHA-256", org.iomworkbench.core.util.Hashing.sha256(file));
            d.facts.put("rows evaluated", f.score().length);
            d.facts.put("rows skipped (no score or label)", f.skipped());
            d.settings.put("score column", scoreColumn);
            d.settings.put("label column", labelColumn);
            d.settings.put("group columns", String.join(", ", groupColumns));
            return d;
        }).onSuccess(d -> {
            busy.set(false);
            if (id == request) {
                // today's score beside the model: the model run shown before keeps its curves on the charts
                ValidationData before = data.get();
                if (before != null && before != d) {
                    for (ValidationData.Curve c : before.curves) {
                        d.curves.add(new ValidationData.Curve(c.name() + " (" + before.title + ")", c.roc(), c.pr(), c.auc(), c.ap()));
                    }
                }
                run.set(null);
                show(d);
                notice.set("Imported " + Format.count(d.size()) + " rows of " + file.getFileName() + "."
                        + (before == null ? "" : " The curves of what was shown before stay on the charts beside it."));
            }
        }).onFailure(e -> busy.set(false)));
    }

    private void show(ValidationData d) {
        data.set(d);
        groupColumns.setAll(d.groups.keySet());
        targetText.set("");
        double t = d.modelThreshold != null ? d.modelThreshold : d.probabilities ? 0.5 : median(d.score);
        if (threshold.get() == t) {
            update();
        } else {
            threshold.set(t);
        }
        bands.setAll(bandRows(d));
    }

    private static double median(double[] s) {
        double[] c = s.clone();
        java.util.Arrays.sort(c);
        return c.length == 0 ? 0 : c[c.length / 2];
    }

    /** Writes the whole validation, at the current threshold, as one self-contained HTML page. */
    public void saveReport(Path file) {
        ValidationData d = data.get();
        if (d == null) {
            return;
        }
        double t = threshold.get();
        Double tgt;
        try {
            tgt = Double.parseDouble(target.get().strip());
        } catch (NumberFormatException | NullPointerException e) {
            tgt = null;
        }
        Double targetSpec = tgt;
        runner.run(BackgroundTask.of("Writing the validation report", (p, c) -> {
            java.util.Map<String, Object> settings = new LinkedHashMap<>(d.settings);
            settings.put("threshold", t);
            String html = org.iomworkbench.core.model.eval.ValidationReport.html("Validation: " + d.title, d.facts, settings,
                    d.score, d.label, d.groups, t, targetSpec, REPS, SEED);
            java.nio.file.Files.writeString(file, html);
            return file;
        }).onSuccess(f -> notice.set("Wrote the validation report " + f + ".")));
    }

    /** Moves the threshold to the lowest that meets the target specificity, then says how sure that is. */
    public void snapToTarget() {
        ValidationData d = data.get();
        if (d == null) {
            return;
        }
        double tgt;
        try {
            tgt = Double.parseDouble(target.get().strip());
        } catch (NumberFormatException | NullPointerException e) {
            targetText.set("The target specificity must be a number such as 0.95.");
            return;
        }
        if (!(tgt > 0 && tgt < 1)) {
            targetText.set("The target specificity must lie between 0 and 1.");
            return;
        }
        double t = d.sweep.thresholdForSpecificity(tgt);
        threshold.set(Double.isInfinite(t) ? Math.nextUp(d.sweep.distinctScores()[d.sweep.distinctScores().length - 1]) : t);
        targetText.set("Working out the interval…");
        double th = threshold.get();
        runner.run(BackgroundTask.of("Bootstrapping the specificity", (p, c) -> Bootstrap.run(d.score, d.label, th, tgt, REPS, SEED))
                .onSuccess(b -> targetText.set(String.format(Locale.UK, "Threshold %.4f: specificity %.3f here, 95%% interval "
                                + "%.3f–%.3f; the target %.3f holds in %.0f%% of %d bootstrap samples.", th,
                        d.sweep.at(th).specificity(), b.specificity().lo(), b.specificity().hi(), tgt,
                        100 * b.pSpecificityMet(), REPS))));
    }

    private void update() {
        ValidationData d = data.get();
        if (d == null) {
            confusion.set(null);
            fairness.clear();
            return;
        }
        double t = threshold.get();
        confusion.set(d.sweep.at(t));
        List<FairnessRow> rows = d.fairnessAt(t);
        if (intervalsAt != null && intervalsAt == t && intervalsFor == d) {
            List<FairnessRow> with = new ArrayList<>(rows.size());
            for (FairnessRow r : rows) {
                with.add(new FairnessRow(r.column(), r.value(), r.group(), r.reference(), r.ece(),
                        groupIntervals.get(r.column() + "\u0000" + r.value())));
            }
            rows = with;
        }
        fairness.setAll(rows);
    }

    private final Map<String, Bootstrap.Result> groupIntervals = new java.util.HashMap<>();
    private Double intervalsAt;
    private ValidationData intervalsFor;

    /** Bootstrap 95% intervals of every group's rates at the current threshold (in the background). */
    public void computeGroupIntervals() {
        ValidationData d = data.get();
        if (d == null) {
            return;
        }
        double t = threshold.get();
        busy.set(true);
        runner.run(BackgroundTask.of("Bootstrapping the group rates", (p, c) -> {
            Map<String, Bootstrap.Result> out = new java.util.HashMap<>();
            d.groupSweeps.forEach((column, list) -> {
                for (ValidationData.GroupSweep g : list) {
                    c.check();
                    out.put(column + "\u0000" + g.value(), Bootstrap.run(g.score(), g.label(), t, 0, REPS, SEED));
                }
            });
            return out;
        }).onSuccess(m -> {
            busy.set(false);
            groupIntervals.clear();
            groupIntervals.putAll(m);
            intervalsAt = t;
            intervalsFor = d;
            if (threshold.get() == t && data.get() == d) {
                update();
            }
        }).onFailure(e -> busy.set(false)));
    }

    static List<BandRow> bandRows(ValidationData d) {
        if (d.band == null) {
            return List.of();
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String b : List.of("LOW", "LOW_MEDIUM", "HIGH_MEDIUM")) {
            counts.put(b, new long[2]);
        }
        for (int i = 0; i < d.score.length; i++) {
            long[] c = counts.computeIfAbsent(d.band[i], k -> new long[2]);
            c[0]++;
            if (d.label[i]) {
                c[1]++;
            }
        }
        List<BandRow> out = new ArrayList<>();
        counts.forEach((b, c) -> {
            double[] w = wilson(c[1], c[0]);
            out.add(new BandRow(b, c[0], c[1], c[0] == 0 ? Double.NaN : (double) c[1] / c[0], w[0], w[1]));
        });
        return out;
    }

    /** The Wilson score 95% interval of a proportion. */
    static double[] wilson(long k, long n) {
        if (n == 0) {
            return new double[]{Double.NaN, Double.NaN};
        }
        double z = 1.959963984540054;
        double p = (double) k / n;
        double den = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / den;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / den;
        return new double[]{Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
