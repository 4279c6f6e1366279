package org.iomworkbench.cli;

import org.iomworkbench.core.publish.Publisher;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "reproduce", description = "Re-create a publication from what was stored and check its SHA-256.")
final class ReproduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Option(names = "--publication", required = true, paramLabel = "ID", description = "The publication (publish prints its id).")
    int publication;
    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where the re-created list goes.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        try (Workspace ws = workspace.open()) {
            Publisher.Reproduction r = new Publisher(ws).reproduce(publication, out);
            ExportAudit.record(ws, "export.reproduction", r.publication().snapshotId(), r.rows(), out);
            w.printf("publication %d of %s, signed off by %s: %,d rows re-created into %s%n", publication,
                    r.publication().createdAt(), r.publication().signer(), r.rows(), out);
            w.printf("SHA-256 published %s%nSHA-256 re-created %s%n", r.publication().csvSha256(), r.sha256());
            if (r.matches()) {
                w.println("reproduced: the SHA-256 matches");
                return Cli.OK;
            }
            spec.commandLine().getErr().println("error: not reproducible: the SHA-256 differs from the published list's");
            return Cli.FAILURE;
        }
    }
}
