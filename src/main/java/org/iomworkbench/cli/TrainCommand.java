package org.iomworkbench.cli;

import org.iomworkbench.core.model.ModelConfig;
import org.iomworkbench.core.model.ModelService;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "train", description = "Train the escalation and next-crime-type models out of time (fit, validate, test) on a linked snapshot.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--workspace", paramLabel = "DIR", description = "The workspace folder.")
    Path workspace;
    @Option(names = "--snapshot", paramLabel = "ID", description = "The snapshot; default the latest (or the configuration's).")
    Integer snapshot;
    @Option(names = "--config", paramLabel = "FILE.json", description = "Every setting of the run (see --print-default-config).")
    Path config;
    @Option(names = "--out", paramLabel = "DIR", description = "Where metrics.json, predictions.csv, config.json and the model files go.")
    Path out;
    @Option(names = "--print-default-config", description = "Print the default configuration as JSON and stop.")
    boolean printDefault;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        if (printDefault) {
            w.println(new ModelConfig().toJson());
            return Cli.OK;
        }
        if (workspace == null || out == null) {
            throw new WorkbenchException("train needs --workspace and --out.", "For example: train --workspace W --out DIR.",
                    true);
        }
        ModelConfig cfg = config == null ? new ModelConfig() : ModelConfig.read(config);
        if (snapshot != null) {
            cfg.snapshot = snapshot;
        }
        try (Workspace ws = Workspace.open(workspace)) {
            org.iomworkbench.app.LogSetup.attachWorkspace(ws.logsDir());
            ModelService service = new ModelService(ws);
            ModelService.Trained t = service.train(cfg, (message, done, total) -> { }, Cancellation.none());
            service.writeOutputs(t, out);
            print(w, t);
            w.printf("wrote %s (metrics.json, predictions.csv, config.json, model files)%n", out);
            w.println("run: " + t.runId());
            return Cli.OK;
        }
    }

    @SuppressWarnings("unchecked")
    static void print(PrintWriter w, ModelService.Trained t) {
        Map<String, Object> m = t.outcome().metrics;
        Map<String, Object> run = (Map<String, Object>) m.get("run");
        Map<String, Object> sets = (Map<String, Object>) run.get("sets");
        w.printf("Model run %d on snapshot %d (%s, horizon %s days) in %.1f s%n", t.runId(), t.snapshot().id(),
                run.get("outcome"), run.get("horizon_days"), t.seconds());
        w.printf("dates: scoring calibrated %s; fit %s, validation %s, test %s%n", run.get("calibration_date"),
                run.get("train_date"), run.get("valid_date"), run.get("test_date"));
        for (String s : List.of("train", "valid", "test")) {
            Map<String, Object> x = (Map<String, Object>) sets.get(s);
            w.printf("  %-5s at risk %,d; left out for prison in the follow-up %,d; used %,d, with the outcome %,d (%.1f%%)%n",
                    s, x.get("at_risk"), x.get("excluded_prison"), x.get("n"), x.get("positives"),
                    100 * ((Number) x.get("base_rate")).doubleValue());
        }
        Map<String, Object> esc = (Map<String, Object>) m.get("escalation");
        w.printf("escalation on the test year, threshold for specificity >= %s on validation:%n", esc.get("target_specificity"));
        w.printf("  %-22s %-27s %-7s %-9s %-27s %-27s %-7s %s%n", "model", "AUC (95% CI)", "Brier", "threshold",
                "specificity (95% CI)", "sensitivity (95% CI)", "PPV", "P(target met)");
        Map<String, Object> models = (Map<String, Object>) esc.get("models");
        models.forEach((name, v) -> {
            Map<String, Object> x = (Map<String, Object>) v;
            w.printf("  %-22s %-27s %-7s %-9s %-27s %-27s %-7s %s%n", name + (name.equals(esc.get("chosen")) ? " *" : ""),
                    ci(x.get("auc"), x.get("auc_ci")), f(x.get("brier")), f(x.get("threshold")),
                    ci(x.get("specificity"), x.get("specificity_ci")), ci(x.get("sensitivity"), x.get("sensitivity_ci")),
                    f(x.get("ppv")), f(x.get("p_target_met")));
        });
        Map<String, Object> base = (Map<String, Object>) esc.get("baselines");
        base.forEach((name, v) -> {
            Map<String, Object> x = (Map<String, Object>) v;
            w.printf("  %-22s %-27s (baseline; the chosen model's AUC gain over it %s, higher in %s of the paired "
                    + "resamples)%n", name, ci(x.get("auc"), x.get("auc_ci")),
                    ci(x.get("chosen_auc_gain"), x.get("chosen_auc_gain_ci")), f(x.get("p_chosen_higher")));
        });
        w.printf("  * chosen (%s); its expected calibration error on the test year %s%n", esc.get("chosen_by"),
                f(esc.get("ece")));
        Map<String, Object> nc = (Map<String, Object>) m.get("next_crime_type");
        if (nc != null) {
            w.printf("next crime type on the test year (%s people who offended): top-1 / top-3 / macro-F1%n", nc.get("n_test"));
            for (String part : List.of("models", "baselines")) {
                ((Map<String, Object>) nc.get(part)).forEach((name, v) -> {
                    Map<String, Object> x = (Map<String, Object>) v;
                    w.printf("  %-34s %s / %s / %s%s%n", name + (name.equals(nc.get("chosen")) ? " *" : ""), f(x.get("top1")),
                            f(x.get("top3")), f(x.get("macro_f1")), part.equals("baselines") ? "  (baseline)" : "");
                });
            }
        }
        List<String> warnings = (List<String>) m.get("warnings");
        for (String warning : warnings) {
            w.println("WARNING: " + warning);
        }
    }

    static String f(Object o) {
        return o instanceof Number n ? String.format(Locale.UK, "%.4f", n.doubleValue()) : "-";
    }

    @SuppressWarnings("unchecked")
    static String ci(Object v, Object ci) {
        if (!(v instanceof Number)) {
            return "-";
        }
        if (ci instanceof List<?> l && l.size() == 2) {
            return f(v) + " (" + f(l.get(0)) + " to " + f(l.get(1)) + ")";
        }
        return f(v);
    }
}
