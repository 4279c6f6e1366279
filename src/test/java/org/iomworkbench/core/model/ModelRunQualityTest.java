package org.iomworkbench.core.model;

import org.iomworkbench.Fixtures;
import org.iomworkbench.cli.Cli;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.model.data.ModelData;
import org.iomworkbench.core.model.eval.Confusion;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A model run on a generated snapshot (8,000 persons): the quality bounds of the issue, the
 * threshold met on validation by construction, determinism for a seed, storage, and the train
 * and predict commands.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelRunQualityTest {
    @TempDir
    static Path tmp;
    Workspace ws;
    Snapshot snapshot;
    ModelService.Trained trained;

    @BeforeAll
    void generateLoadLinkTrain() {
        Path extract = tmp.resolve("extract");
        Fixtures.generatedExtract(extract, 8000, 5);
        ws = Workspace.open(tmp.resolve("ws"));
        snapshot = Fixtures.loadAndLink(ws, extract, LocalDate.of(2024, 12, 31));
        trained = new ModelService(ws).train(new ModelConfig(), Progress.NONE, Cancellation.none());
    }

    @AfterAll
    void close() {
        ws.close();
    }

    /** A part of a metrics document (also for the other model-run tests of this package). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void qualityOnTheTestYear() {
        Map<String, Object> m = trained.outcome().metrics;
        Map<String, Object> esc = map(m.get("escalation"));
        Map<String, Object> chosen = map(map(esc.get("models")).get(esc.get("chosen")));
        Map<String, Object> base = map(esc.get("baselines"));
        double auc = num(chosen.get("auc"));
        double rfsdi = num(map(base.get("rfsdi_only")).get("auc"));
        double band = num(map(base.get("current_band")).get("auc"));
        double ece = num(esc.get("ece"));
        double spec = num(chosen.get("specificity"));
        System.out.printf("model run on 8,000 generated persons: chosen %s AUC %.4f %s; rfsdi_only %.4f %s; current_band "
                        + "%.4f %s; ECE %.4f; test specificity %.4f %s (target 0.95), P(target met) %.3f; warnings %s%n",
                esc.get("chosen"), auc, chosen.get("auc_ci"), rfsdi, map(base.get("rfsdi_only")).get("auc_ci"), band,
                map(base.get("current_band")).get("auc_ci"), ece, spec, chosen.get("specificity_ci"),
                num(chosen.get("p_target_met")), m.get("warnings"));
        Map<String, Object> nc = map(m.get("next_crime_type"));
        double top1 = num(map(map(nc.get("models")).get(nc.get("chosen"))).get("top1"));
        double common = num(map(map(nc.get("baselines")).get("most_common")).get("top1"));
        double last = num(map(map(nc.get("baselines")).get("last_offence_group")).get("top1"));
        System.out.printf("next crime type: chosen %s top-1 %.4f; most common %.4f; last offence's group %.4f%n",
                nc.get("chosen"), top1, common, last);

        assertThat(auc).as("chosen model's AUC against the current band").isGreaterThan(band);
        assertThat(ece).as("expected calibration error, 10 bins").isLessThanOrEqualTo(0.03);
        assertThat(spec).as("test specificity").isCloseTo(0.95, within(0.01));
        assertThat(top1).as("next crime top-1 against the most common group").isGreaterThan(common);
        assertThat(top1).as("next crime top-1 against the last offence's group").isGreaterThan(last);
        // the issue also asks the chosen model to beat logistic regression on the RFSDi alone; the gain is small on
        // this generator (escalation follows the current score closely), so it is reported with its paired interval
        Map<String, Object> rOnly = map(base.get("rfsdi_only"));
        System.out.printf("chosen against rfsdi_only: AUC gain %.4f %s, higher in %.3f of paired resamples%n",
                num(rOnly.get("chosen_auc_gain")), rOnly.get("chosen_auc_gain_ci"), num(rOnly.get("p_chosen_higher")));
        assertThat(num(rOnly.get("chosen_auc_gain"))).isCloseTo(auc - rfsdi, within(1e-9));
        assertThat(auc).as("chosen model's AUC against the RFSDi alone").isGreaterThan(rfsdi);
        assertThat(num(map(base.get("current_band")).get("p_chosen_higher"))).as("paired: chosen above the current band")
                .isGreaterThan(0.975);
    }

    @Test
    void theThresholdMeetsTheTargetOnTheValidationYearByConstruction() {
        ModelRun.Fitted f = trained.outcome().chosenModel();
        double[] p = f.p[1];
        Confusion c = Confusion.at(p, trained.outcome().sets[1].y, f.threshold);
        assertThat(c.specificity()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theRunIsStoredAuditedAndReproducibleForItsSeed() throws Exception {
        ModelStore store = new ModelStore(ws);
        ModelStore.RunInfo info = store.requireRun(trained.runId());
        assertThat(info.snapshotId()).isEqualTo(snapshot.id());
        assertThat(info.features()).doesNotContain("ethnicity").noneMatch(n -> n.contains("ethnic") || n.contains("postcode"));
        List<Prediction> test = store.predictions(snapshot, trained.runId(), "test");
        assertThat(test).hasSize(trained.outcome().sets[2].size());
        assertThat(test).extracting(Prediction::personId).isSorted().doesNotHaveDuplicates();
        // every escalation model's probabilities on the test year, for each person of it (read in pages of its key)
        Map<String, Map<String, Double>> scores = store.testScores(snapshot, trained.runId());
        assertThat(scores.keySet()).containsExactlyInAnyOrderElementsOf(new ModelConfig().models);
        scores.values().forEach(byPerson -> assertThat(byPerson.keySet())
                .containsExactlyInAnyOrderElementsOf(test.stream().map(Prediction::personId).toList()));
        assertThat(new org.iomworkbench.core.audit.AuditTrail(ws.connection()).verify().intact()).isTrue();
        // the same data and seed give the same numbers, whatever the threads (the window runs its tasks
        // on one processor fewer than the command line; a smaller configuration, to keep the test quick)
        ModelConfig small = new ModelConfig();
        small.forestTrees = 40;
        small.boostingTrees = 40;
        small.bootstrapReps = 200;
        ModelData md = ModelData.load(ws, snapshot);
        String a = ModelStore.json(ModelRun.run(md, snapshot, small, Progress.NONE, Cancellation.none()).metrics);
        String b = ModelStore.json(org.iomworkbench.core.util.Parallelism.call(1,
                () -> ModelRun.run(md, snapshot, small, Progress.NONE, Cancellation.none())).metrics);
        assertThat(a).isEqualTo(b);
        // a stored run's models read back and predict the same probabilities
        ModelStore.Loaded loaded = store.load(trained.runId());
        double[] raw = loaded.escalation().positive(trained.outcome().sets[2].x);
        assertThat(loaded.calibrator().apply(raw[0])).isEqualTo(trained.outcome().chosenModel().p[2][0]);
    }

    @Test
    void aPredictionIsExplainedInputByInput() {
        ModelService service = new ModelService(ws);
        ModelStore.RunInfo info = new ModelStore(ws).requireRun(trained.runId());
        org.iomworkbench.core.score.ScoreData d = trained.scoreData();
        var test = trained.outcome().sets[2];
        int row = 0;
        String person = d.personId(test.person[row]);
        ModelService.Explanation e = service.explain(trained.runId(), person);
        assertThat(e.model()).isEqualTo(info.chosen());
        assertThat(e.contributions()).hasSize(trained.outcome().featureNames.size());
        assertThat(e.contributions()).noneMatch(c -> c.feature().contains("ethnic"));
        // the same probability as the stored prediction of that person
        assertThat(e.probability()).isCloseTo(trained.outcome().chosenModel().p[2][row], within(1e-12));
        for (int k = 1; k < e.contributions().size(); k++) {
            assertThat(Math.abs(e.contributions().get(k - 1).contribution()))
                    .isGreaterThanOrEqualTo(Math.abs(e.contributions().get(k).contribution()));
        }
    }

    @Test
    void trainAndPredictCommands() throws Exception {
        Path out = tmp.resolve("train-out");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        Path config = tmp.resolve("small.json");
        ModelConfig small = new ModelConfig();
        small.models = List.of("logistic_regression");
        Files.writeString(config, small.toJson());
        int code = Cli.run(new String[]{"train", "--workspace", ws.dir().toString(), "--config", config.toString(), "--out",
                out.toString()}, new PrintWriter(o), new PrintWriter(e));
        assertThat(code).as(e.toString()).isZero();
        assertThat(o.toString()).containsPattern("(?m)^run: \\d+$").contains("logistic_regression", "rfsdi_only");
        int runId = Integer.parseInt(o.toString().replaceAll("(?s).*\\nrun: (\\d+).*", "$1").strip());
        assertThat(out.resolve("metrics.json")).exists();
        assertThat(Files.readAllLines(out.resolve("predictions.csv")).get(0)).isEqualTo("person_id,split,band_at_t,"
                + "p_escalate,flagged,escalates,next_group_pred,next_group_p,next_group_actual,ethnicity,gender,age_band");
        Map<String, Object> metrics = ModelStore.read(Files.readString(out.resolve("metrics.json")));
        assertThat(map(map(metrics.get("escalation")).get("models")).get("logistic_regression")).isNotNull();

        o = new StringWriter();
        code = Cli.run(new String[]{"score", "--workspace", ws.dir().toString(), "--out", tmp.resolve("s.csv").toString()},
                new PrintWriter(o), new PrintWriter(e));
        assertThat(code).as(e.toString()).isZero();
        int scoresRun = Integer.parseInt(o.toString().replaceAll("(?s).*\\nrun: (\\d+).*", "$1").strip());
        Path pred = tmp.resolve("pred.csv");
        o = new StringWriter();
        code = Cli.run(new String[]{"predict", "--workspace", ws.dir().toString(), "--model-run", Integer.toString(runId),
                "--scores-run", Integer.toString(scoresRun), "--out", pred.toString()}, new PrintWriter(o), new PrintWriter(e));
        assertThat(code).as(e.toString()).isZero();
        List<String> lines = Files.readAllLines(pred);
        assertThat(lines.get(0)).isEqualTo("person_id,band_at_t,p_escalate,flagged,next_group_pred,next_group_p,ethnicity,gender,age_band");
        assertThat(lines.subList(1, lines.size())).isNotEmpty()
                .allMatch(l -> l.split(",", -1)[1].matches("LOW|LOW_MEDIUM|HIGH_MEDIUM"));
        // a model run and a scoring run of different snapshots are refused with the reason
        e = new StringWriter();
        code = Cli.run(new String[]{"predict", "--workspace", ws.dir().toString(), "--model-run", Integer.toString(runId),
                "--scores-run", "999", "--out", pred.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(e));
        assertThat(code).isNotZero();
        assertThat(e.toString()).contains("no scoring run 999");
    }
}
