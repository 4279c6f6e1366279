package org.iomworkbench.cli;

import org.iomworkbench.core.publish.Monitor;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "monitor", description = "Beta test of the published lists: what the people on each list went on to do, from a later snapshot.")
final class MonitorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        try (Workspace ws = workspace.open()) {
            List<Monitor.Followed> all = new Monitor(ws).run();
            if (all.isEmpty()) {
                w.println("No publication yet.");
                return Cli.OK;
            }
            for (Monitor.Followed f : all) {
                w.printf("publication %d (data of %s, %,d people)%n", f.publication(), f.asAt(), f.people());
                if (f.laterSnapshot() == null || f.followUpDays() == 0) {
                    w.println("  awaiting a later snapshot that covers the months after its date");
                    continue;
                }
                w.printf(Locale.UK, "  followed in snapshot %d for %d days%s: %,d people at risk then found again%n",
                        f.laterSnapshot(), f.followUpDays(), f.complete() ? " (the full year)" : " (so far; the year is not over)",
                        f.followed());
                for (Map.Entry<String, long[]> b : f.byBand().entrySet()) {
                    long n = b.getValue()[0];
                    long k = b.getValue()[1];
                    w.printf(Locale.UK, "    %-12s %,6d people, %,5d escalated (%.1f%%)%n", b.getKey(), n, k, n == 0 ? 0 : 100.0 * k / n);
                }
                Map<String, Object> m = f.model();
                if (m.containsKey("specificity")) {
                    w.printf(Locale.UK, "  at the model's threshold %s: specificity %s %s, sensitivity %s, precision %s; "
                                    + "mean predicted %s vs observed %s, calibration error %s%n", TrainCommand.f(m.get("threshold")),
                            TrainCommand.f(m.get("specificity")), m.get("specificity_ci"), TrainCommand.f(m.get("sensitivity")),
                            TrainCommand.f(m.get("ppv")), TrainCommand.f(m.get("mean_predicted")), TrainCommand.f(m.get("observed_rate")),
                            TrainCommand.f(m.get("ece")));
                }
            }
            return Cli.OK;
        }
    }
}
