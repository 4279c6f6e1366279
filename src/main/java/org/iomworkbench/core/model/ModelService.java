package org.iomworkbench.core.model;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.model.data.Dataset;
import org.iomworkbench.core.model.data.Features;
import org.iomworkbench.core.model.data.ModelData;
import org.iomworkbench.core.model.eval.MultiClassMetrics;
import org.iomworkbench.core.score.Band;
import org.iomworkbench.core.score.ScoreStore;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Elapsed;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.TableScan;
import org.iomworkbench.core.workspace.Workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Training, storing and applying model runs: what the train and predict commands and the Models view call. */
public final class ModelService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelService.class);

    private final Workspace workspace;

    public ModelService(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A stored run and what it computed. */
    public record Trained(int runId, Snapshot snapshot, ModelRun.Outcome outcome, double seconds,
                          org.iomworkbench.core.score.ScoreData scoreData) {
    }

    /** Trains on the configured snapshot (the latest by default) and stores the run. */
    public Trained train(ModelConfig cfg, Progress progress, Cancellation cancel) {
        cfg.validate();
        long t0 = System.nanoTime();
        Snapshot s = new SnapshotStore(workspace).resolve(cfg.snapshot);
        progress.update("Reading the linked snapshot", 0, ModelRun.STAGES);
        ModelData md = ModelData.load(workspace, s);
        long t1 = System.nanoTime();
        cancel.check();
        ModelRun.Outcome o = ModelRun.run(md, s, cfg, progress, cancel);
        long t2 = System.nanoTime();
        cancel.check();
        progress.update("Storing the run", ModelRun.STAGES, ModelRun.STAGES);
        int runId = new ModelStore(workspace).save(s, md.score(), o);
        LOG.info("Model run {}: read in {} s, fitted and judged in {} s, stored in {} s", runId,
                Elapsed.seconds(t1 - t0), Elapsed.seconds(t2 - t1),
                Elapsed.since(t2));
        return new Trained(runId, s, o, (System.nanoTime() - t0) / 1e9, md.score());
    }

    /** metrics.json, predictions.csv, config.json (the run's settings and frozen scoring configuration) and the model files. */
    public void writeOutputs(Trained t, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("metrics.json"), ModelConfig.JSON.writeValueAsString(t.outcome().metrics));
            Map<String, Object> config = new java.util.LinkedHashMap<>();
            config.put("run", t.runId());
            config.put("snapshot", t.snapshot().id());
            config.put("snapshot_fingerprint", t.snapshot().fingerprint());
            config.put("model", ModelStore.read(t.outcome().config.toJson()));
            config.put("scoring", t.outcome().scoring.toJson());
            config.put("features", t.outcome().featureNames);
            config.put("crime_groups", t.outcome().groups);
            Files.writeString(dir.resolve("config.json"), ModelConfig.JSON.writeValueAsString(config));
            List<Prediction> rows = new ArrayList<>();
            ModelRun.Outcome o = t.outcome();
            ModelRun.Fitted chosen = o.chosenModel();
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < o.sets[k].size(); i++) {
                    rows.add(Prediction.of(o, k, i, chosen.p[k][i], chosen.threshold, t.scoreData()));
                }
            }
            writeCsv(rows, dir.resolve("predictions.csv"), true);
            Path models = new ModelStore(workspace).runDir(t.runId());
            try (var files = Files.list(models)) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new WorkbenchException("The run's files could not be written to " + dir + ": " + e.getMessage(),
                    "Choose a folder you can write to.", true);
        }
    }

    /** Writes predictions as CSV; {@code outcomes} false leaves out split, escalates and next_group_actual (a list's predictions). */
    public static void writeCsv(List<Prediction> rows, Path file, boolean outcomes) {
        List<String> header = new ArrayList<>(List.of(Prediction.HEADER));
        if (!outcomes) {
            header.removeAll(List.of("split", "escalates", "next_group_actual"));
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                     .setRecordSeparator("\n").get())) {
            for (Prediction p : rows) {
                List<Object> r = new ArrayList<>();
                r.add(p.personId());
                if (outcomes) {
                    r.add(p.split());
                }
                r.add(p.band());
                r.add(String.format(Locale.ROOT, "%.6f", p.pEscalate()));
                r.add(p.flagged() ? 1 : 0);
                if (outcomes) {
                    r.add(p.escalates() == null ? "" : p.escalates() ? 1 : 0);
                }
                r.add(p.nextGroupPred() == null ? "" : p.nextGroupPred());
                r.add(p.nextGroupP() == null ? "" : String.format(Locale.ROOT, "%.6f", p.nextGroupP()));
                if (outcomes) {
                    r.add(p.nextGroupActual() == null ? "" : p.nextGroupActual());
                }
                r.add(p.ethnicity() == null ? "" : p.ethnicity());
                r.add(p.gender() == null ? "" : p.gender());
                r.add(p.ageBand() == null ? "" : p.ageBand());
                out.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The model run's chosen models applied to everyone at risk at the scoring run's as-at date:
     * the scoring run's people in the LOW, LOW_MEDIUM and HIGH_MEDIUM bands with an offence on or
     * before it, their bands as that run gave them; inputs computed at that date with the model
     * run's own frozen scoring configuration. Both runs must be on the same snapshot. The list
     * cannot be changed.
     */
    public List<Prediction> predict(int modelRunId, int scoresRunId) {
        // kept by the workspace until anything in it changes (any audited change), so that
        // previewing a list again and publishing it do not apply the models again
        @SuppressWarnings("unchecked")
        List<Prediction> kept = workspace.remember("predictions", modelRunId + "/" + scoresRunId + "@" + workspace.auditHead(),
                List.class, () -> List.copyOf(applyModels(modelRunId, scoresRunId)));
        return kept;
    }

    private List<Prediction> applyModels(int modelRunId, int scoresRunId) {
        ModelStore store = new ModelStore(workspace);
        ModelStore.Loaded m = store.load(modelRunId);
        ScoreStore.Run sr = new ScoreStore(workspace).run(scoresRunId).orElseThrow(() -> new WorkbenchException(
                "There is no scoring run " + scoresRunId + " in this workspace.", "Save a scoring run first (the score command or the Scores view).", true));
        if (sr.snapshotId() != m.info().snapshotId()) {
            throw new WorkbenchException("Scoring run " + scoresRunId + " is on snapshot " + sr.snapshotId()
                    + " but model run " + modelRunId + " is on snapshot " + m.info().snapshotId() + ".",
                    "Use a scoring run and a model run of the same snapshot (train or score again on it).", true);
        }
        Snapshot s = new SnapshotStore(workspace).resolve(sr.snapshotId());
        ModelData md = ModelData.load(workspace, s);
        Map<String, Object> scoreCfg = ModelStore.read(sr.config());
        LocalDate asAt = LocalDate.parse((String) scoreCfg.get("as_at"));
        int t = (int) asAt.toEpochDay();
        // the scoring run's bands
        String[] band = new String[md.persons()];
        Connection c = workspace.connection();
        try {
            TableScan.byKey(c, "person_id, band", s.schema() + ".SCORE_RESULT", "run_id = ?", "run_id", "person_id",
                    new Object[] {scoresRunId}, rs -> {
                        int p = md.score().indexOf(rs.getString(1));
                        if (p >= 0) {
                            band[p] = rs.getString(2);
                        }
                    });
            c.commit();
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
        boolean[] atRisk = new boolean[md.persons()];
        for (int p = 0; p < atRisk.length; p++) {
            int from = md.score().offenceFrom(p);
            boolean offended = from < md.score().offenceFrom(p + 1) && md.score().offenceDay(from) <= t;
            atRisk[p] = offended && band[p] != null && Band.valueOf(band[p]).ordinal() < Band.HIGH.ordinal();
        }
        ScoringConfig frozen = ScoringConfig.fromJson(m.info().scoringMap());
        ModelConfig mc = m.info().modelConfig();
        Features f = new Features(m.info().groups(), mc.useGender, frozen.lookbackDays());
        Object run = m.info().metricsMap().get("run");
        if (run instanceof Map<?, ?> r && r.get("age_imputed") instanceof List<?> a && a.size() == 2) {
            // the training year's medians for unknown ages, as the model was fitted with
            f = f.withImputation(((Number) a.get(0)).doubleValue(), ((Number) a.get(1)).doubleValue());
        }
        if (!f.names().equals(m.info().features())) {
            throw new WorkbenchException("The model run's inputs do not match this version's.", "Train the models again.", false);
        }
        Dataset set = Dataset.forPersons(md, frozen, asAt, f, atRisk);
        double[] raw = m.escalation().positive(set.x);
        double[][] next = m.next() == null ? null : m.next().groupProbabilities(set.x, m.info().groups().size());
        List<Prediction> out = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) {
            double p = m.calibrator().apply(raw[i]);
            String pred = null;
            Double predP = null;
            if (next != null && p >= mc.nextCrimeFrom) {
                int top = MultiClassMetrics.topK(next[i], 1)[0];
                pred = m.info().groups().get(top);
                predP = next[i][top];
            }
            int person = set.person[i];
            out.add(new Prediction(md.score().personId(person), "list", band[person], p, p >= m.threshold(), null, pred,
                    predP, null, set.ethnicity[i], set.gender[i], set.ageBand[i]));
        }
        return out;
    }

    /** One input's part in a person's prediction. */
    public record Contribution(String feature, double value, double contribution) {
    }

    /** A person's prediction on the test year, explained input by input. */
    /** @param under18 under 18 at the test date (null when the date of birth is not known) */
    public record Explanation(String personId, String model, String scale, double probability,
                              List<Contribution> contributions, Boolean under18) {
    }

    /**
     * Explains the model a run publishes with for one person of its test year (at risk at T_test):
     * each input's value and its part in the prediction, largest first.
     */
    @SuppressWarnings("unchecked")
    public Explanation explain(int modelRunId, String personId) {
        ModelStore store = new ModelStore(workspace);
        ModelStore.Loaded m = store.load(modelRunId);
        Snapshot s = new SnapshotStore(workspace).resolve(m.info().snapshotId());
        ModelData md = ModelData.load(workspace, s);
        int p = md.score().indexOf(personId == null ? "" : personId.strip());
        if (p < 0) {
            throw new WorkbenchException("There is no person " + personId + " in snapshot " + s.id() + ".",
                    "Give a person id as the lists and tables show it (P followed by 16 characters).", true);
        }
        Map<String, Object> run = (Map<String, Object>) m.info().metricsMap().get("run");
        LocalDate t = LocalDate.parse((String) run.get("test_date"));
        ScoringConfig frozen = ScoringConfig.fromJson(m.info().scoringMap());
        ModelConfig mc = m.info().modelConfig();
        Features f = new Features(m.info().groups(), mc.useGender, frozen.lookbackDays());
        if (run.get("age_imputed") instanceof List<?> a && a.size() == 2) {
            f = f.withImputation(((Number) a.get(0)).doubleValue(), ((Number) a.get(1)).doubleValue());
        }
        boolean[] one = new boolean[md.persons()];
        one[p] = true;
        Dataset set = Dataset.forPersons(md, frozen, t, f, one);
        double[] row = set.x[0];
        double[] c = m.escalation().contributions(row);
        List<Contribution> out = new ArrayList<>();
        List<String> names = f.names();
        for (int j = 0; j < names.size(); j++) {
            out.add(new Contribution(names.get(j), row[j], c == null ? Double.NaN : c[j]));
        }
        out.sort((a, b) -> Double.compare(Math.abs(b.contribution()), Math.abs(a.contribution())));
        double prob = m.calibrator().apply(m.escalation().positive(new double[][]{row})[0]);
        int age = md.ageAt(p, (int) t.toEpochDay());
        return new Explanation(personId.strip(), m.info().chosen(), m.escalation().contributionScale(), prob, out,
                age < 0 ? null : age < 18);
    }
}
