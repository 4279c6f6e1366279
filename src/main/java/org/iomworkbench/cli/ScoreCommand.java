package org.iomworkbench.cli;

import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.score.Band;
import org.iomworkbench.core.score.Labels;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.ScoreExport;
import org.iomworkbench.core.score.ScoreRun;
import org.iomworkbench.core.score.ScoreStore;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.score.WeightEstimator;
import org.iomworkbench.core.score.Weights;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "score", description = "RFSDi harm scores of a linked snapshot's persons, with weights, cut-offs and bands (and labels).")
final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Mixin
    SnapshotOption snapshot;
    @Option(names = "--as-at", paramLabel = "DATE", description = "Score at this date (default: the end of the data, the latest offence date).")
    LocalDate asAt;
    @Option(names = "--calibration-date", paramLabel = "DATE", description = "Estimate weights and percentile cut-offs here (default: 365 days before the end of the data).")
    LocalDate calibrationDate;
    @Option(names = "--half-life", paramLabel = "D", description = "Half-life of the decay in days (default 365).")
    Double halfLife;
    @Option(names = "--lookback", paramLabel = "D", description = "Lookback of the alcohol and drug flags in days (default 730).")
    Integer lookback;
    @Option(names = "--window", paramLabel = "D", description = "Window of the trends in days (default 365).")
    Integer window;
    @Option(names = "--weights", paramLabel = "estimate|FILE.json", defaultValue = "estimate",
            description = "Estimate the weights afresh (default), or pin those of a file written by an earlier run (with its cut-offs and calibration date).")
    String weights;
    @Option(names = "--cutoffs", paramLabel = "c1,c2,c3,c4", split = ",", description = "Set the four cut-offs by value.")
    double[] cutoffs;
    @Option(names = "--label", description = "Also write at_risk, escalates and next_crime_group.")
    boolean label;
    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The per-person CSV; the weights and cut-offs go to FILE.csv.json.")
    Path outFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (cutoffs != null && cutoffs.length != 4) {
            throw new WorkbenchException("--cutoffs needs four numbers, not " + cutoffs.length + ".",
                    "Give them as c1,c2,c3,c4 in increasing order.", true);
        }
        Path weightsFile = "estimate".equalsIgnoreCase(weights) ? null : Path.of(weights);
        try (Workspace ws = workspace.open()) {
            Snapshot s = snapshot.resolve(ws);
            long t0 = System.nanoTime();
            ScoreData data = ScoreData.loadShared(ws, s);
            long t1 = System.nanoTime();
            ScoreRun.Result r = ScoreRun.run(data, s, new ScoreRun.Request(asAt, calibrationDate, halfLife, lookback,
                    window, weightsFile, cutoffs, label));
            long t2 = System.nanoTime();
            int runId = new ScoreStore(ws).save(s, data, r.config(), r.estimate(), r.scores(), r.labels());
            ScoreExport.writeCsv(data, r.scores(), r.labels(), outFile);
            Path json = outFile.resolveSibling(outFile.getFileName() + ".json");
            ScoreExport.writeJson(ScoreExport.modelJson(r.config(), r.estimate(), runId), json);
            ExportAudit.record(ws, "export.scores", s.id(), data.persons(), outFile);
            print(out, s, data, r, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            out.printf("wrote %s and %s%n", outFile, json);
            out.println("run: " + runId);
            return Cli.OK;
        }
    }

    static void print(PrintWriter out, Snapshot s, ScoreData data, ScoreRun.Result r, double loadSeconds, double scoreSeconds) {
        ScoringConfig c = r.config();
        out.printf("Scored snapshot %d: %,d persons, %,d offences (data read in %.2f s, calibrated and scored in %.2f s)%n",
                s.id(), data.persons(), data.offences(), loadSeconds, scoreSeconds);
        out.printf("as-at %s  half-life %s days  lookback %d days  window %d days  end of data %s%n", c.asAt(),
                Double.toString(c.halfLifeDays()), c.lookbackDays(), c.windowDays(), data.requireEndOfData());
        WeightEstimator.Estimate e = r.estimate();
        if (e != null) {
            out.printf("weights estimated at calibration date %s: %,d persons with S > 0, %d iterations, Pearson dispersion %.6g%n",
                    c.calibrationDate(), e.persons(), e.iterations(), e.dispersion());
            out.printf("  %-20s %22s %22s %22s %22s %10s%n", "weight", "value", "se", "lower 95%", "upper 95%", "x != 0");
            double[] w = c.weights().toArray();
            for (int k = 0; k < 6; k++) {
                boolean dropped = e.dropped()[k + 2];
                out.printf("  %-20s %22s %22s %22s %22s %10d%s%n", Weights.KEYS.get(k), Double.toString(w[k]),
                        dropped ? "-" : Double.toString(e.weightSe()[k]), dropped ? "-" : Double.toString(e.lower()[k]),
                        dropped ? "-" : Double.toString(e.upper()[k]), e.nonZero()[k], dropped ? "  (dropped)" : "");
            }
            out.printf("  intercept %s  ln S coefficient %s%s%n", Double.toString(e.beta()[0]), Double.toString(e.beta()[1]),
                    e.dropped()[1] ? " (dropped)" : "");
        } else {
            out.printf("weights pinned (calibration date %s): %s%n", c.calibrationDate(), c.weights().toMap());
        }
        out.printf("cut-offs (%s): %s%n", c.cutoffsSource().name().toLowerCase(java.util.Locale.ROOT),
                String.join(", ", c.cutoffs().toList().stream().map(d -> Double.toString(d)).toList()));
        long[] counts = r.scores().bandCounts();
        StringBuilder b = new StringBuilder("bands:");
        for (Band band : Band.values()) {
            b.append(String.format("  %s %,d", band.name(), counts[band.ordinal()]));
        }
        out.println(b);
        Labels l = r.labels();
        if (l != null) {
            if (l.followUpComplete()) {
                out.printf("labels at %s: %,d at risk, %,d escalate within 365 days%n", c.asAt(), l.count(true, null),
                        l.count(true, Boolean.TRUE));
            } else {
                out.printf("labels at %s: %,d at risk; the follow-up year passes the end of the data, so escalation and next crime group are empty%n",
                        c.asAt(), l.count(true, null));
            }
        }
    }
}
