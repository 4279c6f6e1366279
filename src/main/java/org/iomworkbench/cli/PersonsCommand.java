package org.iomworkbench.cli;

import org.iomworkbench.core.link.LinkStore;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "persons", description = "Export each record's person as CSV (person_id,source,source_person_id).")
final class PersonsCommand implements Callable<Integer> {
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
            Snapshot s = snapshot.resolve(ws);
            long n = new LinkStore(ws).exportPersons(s, out);
            spec.commandLine().getOut().printf("%,d records of snapshot %d written to %s%n", n, s.id(), out);
            return Cli.OK;
        }
    }
}
