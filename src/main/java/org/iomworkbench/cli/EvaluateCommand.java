package org.iomworkbench.cli;

import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.model.eval.Evaluation;
import org.iomworkbench.core.model.eval.ScoreFile;
import org.iomworkbench.core.util.Hashing;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evaluate", description = "Evaluate any score in a CSV (an existing risk score, a model's predictions) against a label, overall and by group.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--predictions", required = true, paramLabel = "FILE.csv", description = "A CSV with a header row.")
    Path predictions;
    @Option(names = "--score-column", required = true, paramLabel = "NAME", description = "The score: higher means more likely.")
    String scoreColumn;
    @Option(names = "--label-column", required = true, paramLabel = "NAME", description = "The outcome: 1/0, true/false, yes/no or Y/N.")
    String labelColumn;
    @Option(names = "--group-column", paramLabel = "NAME", description = "A column to break the error rates down by (repeatable).")
    List<String> groupColumns = new ArrayList<>();
    @Option(names = "--threshold", paramLabel = "X", description = "Flag when score >= X (default 0.5 when every score lies in [0, 1]; required otherwise unless --target-specificity).")
    Double threshold;
    @Option(names = "--target-specificity", paramLabel = "S", description = "Report the probability the target holds; without --threshold, use the lowest threshold meeting it.")
    Double target;
    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000", description = "Bootstrap resamples for the intervals (default 1000).")
    int reps;
    @Option(names = "--seed", paramLabel = "S", defaultValue = "20240601", description = "Seed of the bootstrap.")
    long seed;
    @Option(names = "--workspace", paramLabel = "DIR", description = "Optional: record the evaluation (file hashes only) in this workspace's audit trail.")
    Path workspace;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where metrics.json goes.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        if (target != null && !(target > 0 && target < 1)) {
            throw new WorkbenchException("--target-specificity must lie between 0 and 1.", "For example 0.95.", true);
        }
        ScoreFile file = ScoreFile.read(predictions, scoreColumn, labelColumn, groupColumns);
        if (file.score().length == 0) {
            throw new WorkbenchException("No row of " + predictions + " has both a score and a label.",
                    "Check --score-column and --label-column.", true);
        }
        double[] s = file.score();
        boolean[] y = file.label();
        long skipped = file.skipped();
        List<Long> skippedLines = file.skippedLines();
        List<String[]> g = file.groups();
        Map<String, Object> m;
        try {
            m = Evaluation.evaluate(s, y, threshold, target, groupColumns, g, reps, seed);
        } catch (IllegalArgumentException e) {
            throw new WorkbenchException(e.getMessage(), "Give --threshold X (or --target-specificity S).", true);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", predictions.getFileName().toString());
        doc.put("file_sha256", Hashing.sha256(predictions));
        doc.put("score_column", scoreColumn);
        doc.put("label_column", labelColumn);
        doc.put("n_skipped", skipped);
        doc.putAll(m);
        Files.createDirectories(out);
        Path metrics = out.resolve("metrics.json");
        Files.writeString(metrics, new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("file", predictions.toAbsolutePath().toString());
        facts.put("file SHA-256", doc.get("file_sha256"));
        facts.put("rows evaluated", s.length);
        facts.put("rows skipped (no score or label)", skipped);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("score column", scoreColumn);
        settings.put("label column", labelColumn);
        settings.put("group columns", String.join(", ", groupColumns));
        settings.put("threshold", m.get("threshold") + " (" + m.get("threshold_source") + ")");
        settings.put("target specificity", target == null ? "none" : target.toString());
        Object t = m.get("threshold");
        Map<String, String[]> groupsByName = new LinkedHashMap<>();
        for (int k = 0; k < groupColumns.size(); k++) {
            groupsByName.put(groupColumns.get(k), g.get(k));
        }
        Files.writeString(out.resolve("report.html"), org.iomworkbench.core.model.eval.ValidationReport.html(
                "Evaluation of " + scoreColumn + " in " + predictions.getFileName(), facts, settings, s, y, groupsByName,
                t == null ? Double.POSITIVE_INFINITY : ((Number) t).doubleValue(), target, reps, seed));
        if (workspace != null) {
            try (Workspace ws = Workspace.open(workspace)) {
                new AuditTrail(ws.connection()).append("evaluate", "evaluation", AuditTrail.details("file_sha256",
                        doc.get("file_sha256"), "score_column", scoreColumn, "label_column", labelColumn, "n", s.length,
                        "metrics_sha256", Hashing.sha256(metrics)));
                ws.connection().commit();
            } catch (SQLException e) {
                throw WorkbenchException.database(e);
            }
        }
        w.printf(Locale.UK, "%,d rows evaluated (%,d skipped without a score or label%s); base rate %s%n", s.length, skipped,
                skippedLines.isEmpty() ? "" : ", e.g. line " + skippedLines.get(0), TrainCommand.f(m.get("base_rate")));
        w.printf(Locale.UK, "AUC %s; Brier %s; threshold %s (%s)%n", TrainCommand.ci(m.get("auc"), m.get("auc_ci")),
                TrainCommand.f(m.get("brier")), TrainCommand.f(m.get("threshold")), m.get("threshold_source"));
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) m.get("confusion");
        w.printf(Locale.UK, "confusion: tp %s, fp %s, tn %s, fn %s; specificity %s, sensitivity %s, PPV %s, NPV %s%n", c.get("tp"),
                c.get("fp"), c.get("tn"), c.get("fn"), TrainCommand.ci(m.get("specificity"), m.get("specificity_ci")),
                TrainCommand.ci(m.get("sensitivity"), m.get("sensitivity_ci")), TrainCommand.f(m.get("ppv")),
                TrainCommand.f(m.get("npv")));
        w.printf("wrote %s and %s%n", metrics, out.resolve("report.html"));
        return Cli.OK;
    }

}
