package org.iomworkbench.cli;

import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "snapshots", description = "List the data snapshots in a workspace.")
final class SnapshotsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Option(names = "--files", description = "Show each snapshot's files with rows and checksums.")
    boolean files;
    @Option(names = "--review-days", paramLabel = "N", description = "Set the retention period: each snapshot is due for review N days after it was loaded (default 365; audited).")
    Integer reviewDays;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = workspace.open()) {
            org.iomworkbench.core.load.Retention retention = new org.iomworkbench.core.load.Retention(ws);
            if (reviewDays != null) {
                retention.setPeriodDays(reviewDays);
                out.printf("snapshots are now due for review %d days after they were loaded%n", reviewDays);
            }
            List<Snapshot> all = new SnapshotStore(ws).list();
            if (all.isEmpty()) {
                out.println("No snapshots yet: load an extract folder with the load command.");
                return Cli.OK;
            }
            if (files) {
                all.forEach(s -> Format.snapshot(out, s));
                return Cli.OK;
            }
            out.printf("%4s  %-24s  %-12s  %12s  %12s  %12s  %-16s  %s%n", "id", "loaded", "extract date", "rows read",
                    "accepted", "rejected", "review by", "source folder");
            java.time.LocalDate today = java.time.LocalDate.now();
            for (Snapshot s : all) {
                java.time.LocalDate review = retention.reviewDate(s);
                out.printf("%4d  %-24s  %-12s  %12d  %12d  %12d  %-16s  %s%n", s.id(), s.createdAt(), s.extractDate(),
                        s.rowsRead(), s.rowsAccepted(), s.rowsRejected(),
                        review + (review.isAfter(today) ? "" : " DUE"), s.sourceFolder());
            }
            return Cli.OK;
        }
    }
}
