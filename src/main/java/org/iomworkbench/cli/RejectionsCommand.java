package org.iomworkbench.cli;

import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "rejections", description = "Export a snapshot's rejected rows as CSV (file,line,column,value,reason).")
final class RejectionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Mixin
    SnapshotOption snapshot;
    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write the CSV.")
    Path out;

    @Override
    public Integer call() {
        try (Workspace ws = workspace.open()) {
            SnapshotStore store = new SnapshotStore(ws);
            Snapshot s = snapshot.resolve(ws);
            long n = store.exportRejections(s, out);
            spec.commandLine().getOut().printf("%d rejections of snapshot %d written to %s%n", n, s.id(), out);
            return Cli.OK;
        }
    }
}
