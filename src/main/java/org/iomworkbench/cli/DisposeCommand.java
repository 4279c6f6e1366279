package org.iomworkbench.cli;

import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "dispose", description = "Remove a data snapshot and all its data (recorded in the audit trail).")
final class DisposeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Option(names = "--snapshot", required = true, paramLabel = "ID", description = "The snapshot to remove.")
    int snapshot;
    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "",
            description = "Why (kept only as a hash in the audit trail).")
    String reason;

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        try {
            new SnapshotStore(ws).dispose(snapshot, reason);
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
        // the database file rewritten with the live data only: nothing disposed stays in free pages
        ws.compactAndClose();
        spec.commandLine().getOut().println("Snapshot " + snapshot + " disposed of; the database compacted.");
        return Cli.OK;
    }
}
