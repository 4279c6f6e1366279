package org.iomworkbench.ui.model;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iomworkbench.core.model.ModelConfig;
import org.iomworkbench.core.model.ModelService;
import org.iomworkbench.core.model.ModelStore;
import org.iomworkbench.core.model.data.Outcome;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.BackgroundTask;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.TaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Models step: settings of a new run, training it in the background (progress per stage,
 * Cancel), the workspace's runs, and for the selected run its models on the test year, the
 * next-crime-type models, the logistic regression's coefficients, and choosing the model lists
 * are published with.
 */
public final class ModelsViewModel {
    private final WorkspaceSession session;
    private final TaskRunner runner;
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(this, "outcome", Outcome.ESCALATION);
    private final StringProperty target = new SimpleStringProperty(this, "target");
    private final StringProperty horizon = new SimpleStringProperty(this, "horizon");
    private final StringProperty seed = new SimpleStringProperty(this, "seed");
    private final BooleanProperty useGender = new SimpleBooleanProperty(this, "useGender");
    private final StringBinding inputError;
    private final ObservableList<ModelStore.RunInfo> runs = FXCollections.observableArrayList();
    private final ObjectProperty<ModelStore.RunInfo> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<ModelSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ObservableList<Coefficient> coefficients = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper training = new ReadOnlyBooleanWrapper(this, "training");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper(this, "progressMessage", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final StringBinding status;
    private Runnable openValidation = () -> { };
    private BackgroundTask<ModelService.Trained> task;
    private long request;

    /**
     * One input's effect: the logistic regression's coefficient per standard deviation and its odds
     * ratio, and the tree models' importance (Smile's impurity-based importance, as shares of their
     * total); null where the run has no such model.
     */
    public record Coefficient(String feature, Double coefficient, Double oddsRatio, Double forest, Double boosting) {
    }

    public ModelsViewModel(WorkspaceSession session, TaskRunner runner) {
        this.session = session;
        this.runner = runner;
        ModelConfig d = new ModelConfig();
        target.set(Double.toString(d.targetSpecificity));
        horizon.set(Integer.toString(d.horizonDays));
        seed.set(Long.toString(d.seed));
        inputError = Bindings.createStringBinding(() -> {
            try {
                config();
                return "";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }, target, horizon, seed);
        status = Bindings.createStringBinding(() -> {
            if (session.workspace() == null) {
                return "No workspace is open.";
            }
            if (runs.isEmpty()) {
                return "No model run yet. Train one on the latest linked snapshot: it needs about five years of data "
                        + "(a calibration year, then a year each to fit, validate and test).";
            }
            return Format.plural(runs.size(), "model run", "model runs") + " in this workspace; the newest is shown first.";
        }, session.workspaceProperty(), runs);
        selected.addListener((o, a, r) -> show(r));
        session.workspaceProperty().addListener((o, a, ws) -> refresh(null));
        session.revision().addListener((o, a, b) -> {
            if (!training.get()) {
                refresh(selected.get() == null ? null : selected.get().runId());
            }
        });
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty horizonProperty() {
        return horizon;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public BooleanProperty useGenderProperty() {
        return useGender;
    }

    /** Why the settings cannot be used, or empty. */
    public StringBinding inputErrorProperty() {
        return inputError;
    }

    public ObservableList<ModelStore.RunInfo> runs() {
        return runs;
    }

    public ObjectProperty<ModelStore.RunInfo> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<ModelSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<Coefficient> coefficients() {
        return coefficients;
    }

    public ReadOnlyBooleanProperty trainingProperty() {
        return training.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public StringBinding statusProperty() {
        return status;
    }

    /** What "Open in Validation" does (the shell goes to the Validation step). */
    public void setOpenValidation(Runnable action) {
        this.openValidation = action;
    }

    public void openValidation() {
        openValidation.run();
    }

    /** The settings of a new run; IllegalArgumentException saying what is wrong. */
    ModelConfig config() {
        ModelConfig c = new ModelConfig();
        try {
            c.targetSpecificity = Double.parseDouble(target.get().strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("The target specificity must be a number such as 0.95.");
        }
        if (!(c.targetSpecificity > 0.5 && c.targetSpecificity < 1)) {
            throw new IllegalArgumentException("The target specificity must lie between 0.5 and 1.");
        }
        try {
            c.horizonDays = Integer.parseInt(horizon.get().strip());
            c.seed = Long.parseLong(seed.get().strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("The horizon (days) and the seed must be whole numbers.");
        }
        if (c.horizonDays < 30 || c.horizonDays > 365) {
            throw new IllegalArgumentException("The horizon must lie between 30 and 365 days.");
        }
        c.outcome = outcome.get();
        c.useGender = useGender.get();
        return c;
    }

    /** Reads the runs again and selects the given one (or the newest). */
    public void refresh(Integer select) {
        Workspace ws = session.workspace();
        long id = ++request;
        if (ws == null) {
            runs.clear();
            selected.set(null);
            return;
        }
        runner.run(BackgroundTask.of("Reading the model runs", (p, c) -> new ModelStore(ws).runs()).onSuccess(list -> {
            if (id != request) {
                return;
            }
            runs.setAll(list);
            ModelStore.RunInfo pick = list.stream().filter(r -> select != null && r.runId() == select).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0));
            selected.set(null);
            selected.set(pick);
        }));
    }

    /** Trains a run with the settings, in the background. */
    public void train() {
        Workspace ws = session.workspace();
        if (ws == null || training.get()) {
            return;
        }
        ModelConfig cfg;
        try {
            cfg = config();
        } catch (IllegalArgumentException e) {
            notice.set(e.getMessage());
            return;
        }
        training.set(true);
        progress.set(-1);
        progressMessage.set("Starting");
        notice.set("");
        task = BackgroundTask.of("Training the models", (p, c) -> new ModelService(ws).train(cfg, p, c))
                .onProgress(u -> {
                    progress.set(u.fraction());
                    progressMessage.set(u.message());
                })
                .onSuccess(t -> {
                    training.set(false);
                    notice.set(String.format(Locale.UK, "Model run %d trained and stored in %.1f s; chosen: %s.", t.runId(),
                            t.seconds(), t.outcome().chosen.replace('_', ' ')));
                    session.changed();
                    refresh(t.runId());
                })
                .onFailure(e -> training.set(false))
                .onCancelled(() -> {
                    training.set(false);
                    notice.set("Training cancelled; nothing was stored.");
                });
        runner.run(task);
    }

    public void cancel() {
        if (task != null) {
            task.cancel();
        }
    }

    /** Makes the named model the one lists are published with (audited). */
    public void choose(String model) {
        Workspace ws = session.workspace();
        ModelStore.RunInfo r = selected.get();
        if (ws == null || r == null || model == null || model.equals(r.chosen())) {
            return;
        }
        int runId = r.runId();
        runner.run(BackgroundTask.of("Choosing the model", (p, c) -> {
            new ModelStore(ws).choose(runId, model);
            return runId;
        }).onSuccess(id -> {
            notice.set("Model run " + id + " now publishes with its " + model.replace('_', ' ')
                    + " model. The choice is in the audit trail.");
            session.changed();
            refresh(id);
        }));
    }

    @SuppressWarnings("unchecked")
    private void show(ModelStore.RunInfo r) {
        if (r == null) {
            summary.set(null);
            coefficients.clear();
            return;
        }
        Map<String, Object> metrics = r.metricsMap();
        Map<String, Object> esc = (Map<String, Object>) metrics.get("escalation");
        if (esc != null) {
            esc.put("chosen", r.chosen());
        }
        summary.set(ModelSummary.of(metrics));
        List<Coefficient> rows = new ArrayList<>();
        Object effects = esc == null ? null : esc.get("feature_effects");
        if (effects instanceof Map<?, ?> m) {
            Map<String, Double[]> byFeature = new java.util.LinkedHashMap<>();
            String[] models = {"logistic_regression", "random_forest", "gradient_boosting"};
            for (int k = 0; k < models.length; k++) {
                if (!(m.get(models[k]) instanceof List<?> list)) {
                    continue;
                }
                double total = 0;
                for (Object o : list) {
                    if (((Map<String, Object>) o).get("importance") instanceof Number n) {
                        total += n.doubleValue();
                    }
                }
                for (Object o : list) {
                    Map<String, Object> x = (Map<String, Object>) o;
                    Double[] v = byFeature.computeIfAbsent((String) x.get("feature"), f -> new Double[4]);
                    if (k == 0 && x.get("coefficient") instanceof Number c) {
                        v[0] = c.doubleValue();
                        v[1] = ((Number) x.get("odds_ratio")).doubleValue();
                    } else if (x.get("importance") instanceof Number imp && total > 0) {
                        v[k + 1] = imp.doubleValue() / total;
                    }
                }
            }
            byFeature.forEach((f, v) -> rows.add(new Coefficient(f, v[0], v[1], v[2], v[3])));
        }
        rows.sort((a, b) -> Double.compare(weightOf(b), weightOf(a)));
        coefficients.setAll(rows);
    }

    private static double weightOf(Coefficient c) {
        return c.coefficient() != null ? Math.abs(c.coefficient())
                : Math.max(c.forest() == null ? 0 : c.forest(), c.boosting() == null ? 0 : c.boosting());
    }

    /** The selected run in a sentence: snapshot, dates, sizes. */
    @SuppressWarnings("unchecked")
    public static String facts(ModelStore.RunInfo r) {
        Map<String, Object> run = (Map<String, Object>) r.metricsMap().get("run");
        if (run == null) {
            return "";
        }
        Map<String, Object> sets = (Map<String, Object>) run.get("sets");
        StringBuilder sb = new StringBuilder();
        sb.append("Snapshot ").append(r.snapshotId()).append(", trained ").append(Format.localTime(r.createdAt()))
                .append(" by ").append(r.createdBy()).append(". Outcome: ").append(run.get("outcome")).append(" within ")
                .append(run.get("horizon_days")).append(" days. Scoring calibrated at ").append(run.get("calibration_date"))
                .append("; fitted at ").append(run.get("train_date")).append(", validated at ").append(run.get("valid_date"))
                .append(", tested at ").append(run.get("test_date")).append(". ");
        for (String s : List.of("train", "valid", "test")) {
            Map<String, Object> x = (Map<String, Object>) sets.get(s);
            sb.append(s).append(": ").append(Format.count(((Number) x.get("n")).longValue())).append(" people, ")
                    .append(Format.count(((Number) x.get("positives")).longValue())).append(" with the outcome")
                    .append(s.equals("test") ? ". " : "; ");
        }
        sb.append("Gender ").append(Boolean.TRUE.equals(run.get("use_gender")) ? "was" : "was not")
                .append(" an input; ethnicity never is. Seed ").append(run.get("seed")).append('.');
        return sb.toString();
    }
}
