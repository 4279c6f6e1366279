package org.iomworkbench.cli;

import org.iomworkbench.core.model.ModelService;
import org.iomworkbench.core.model.Prediction;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "predict", description = "Apply a model run's chosen models to everyone at risk at a scoring run's as-at date.")
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Option(names = "--model-run", required = true, paramLabel = "ID", description = "The model run (train prints its id).")
    int modelRun;
    @Option(names = "--scores-run", required = true, paramLabel = "ID", description = "The scoring run (score prints its id), on the same snapshot.")
    int scoresRun;
    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The predictions.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        try (Workspace ws = workspace.open()) {
            List<Prediction> rows = new ModelService(ws).predict(modelRun, scoresRun);
            ModelService.writeCsv(rows, out, false);
            // per-person data leaving the workspace: audited by the file's hash
            int snapshotId = new org.iomworkbench.core.score.ScoreStore(ws).run(scoresRun).orElseThrow().snapshotId();
            ExportAudit.record(ws, "export.predictions", snapshotId, rows.size(), out);
            long flagged = rows.stream().filter(Prediction::flagged).count();
            long next = rows.stream().filter(p -> p.nextGroupPred() != null).count();
            w.printf("%,d people at risk predicted; %,d flagged at the run's threshold; %,d with a next likely crime type%n",
                    rows.size(), flagged, next);
            w.printf("wrote %s%n", out);
            return Cli.OK;
        }
    }
}
