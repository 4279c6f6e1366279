package org.iomworkbench.cli;

import org.iomworkbench.core.load.ExtractLoader;
import org.iomworkbench.core.load.FileSummary;
import org.iomworkbench.core.load.LoadResult;
import org.iomworkbench.core.load.Rejection;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "load", description = "Load a folder of extracts as a new data snapshot.")
final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Option(names = "--extracts", required = true, paramLabel = "DIR", description = "The folder of extract CSV files.")
    Path extracts;
    @Option(names = "--extract-date", paramLabel = "DATE",
            description = "The day the extract was taken (yyyy-MM-dd); default today. Rows dated after it are rejected.")
    LocalDate extractDate;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = workspace.open()) {
            LocalDate date = extractDate != null ? extractDate : LocalDate.now();
            LoadResult r = new ExtractLoader(ws).load(extracts, date, (m, d, t) -> { }, Cancellation.none());
            Snapshot s = r.snapshot();
            if (!r.created()) {
                out.println("The files are byte-identical to snapshot " + s.id() + ", taken on the same extract date; nothing was created.");
            } else {
                Format.snapshot(out, s);
                out.printf("loaded %,d rows in %.1f s (%,.0f rows/s)%n", s.rowsRead(), r.seconds(), r.rowsPerSecond());
                for (FileSummary f : s.files()) {
                    if (!f.extraColumns().isEmpty()) {
                        out.println(f.fileName() + ": unknown columns ignored: " + f.extraColumns());
                    }
                }
                if (s.rowsRejected() > 0) {
                    out.printf("%,d rows were kept aside; the first:%n", s.rowsRejected());
                    r.firstRejections().stream().limit(5).map(Rejection::describe).forEach(l -> out.println("  " + l));
                    out.println("Export them all with: rejections --workspace " + ws.dir() + " --snapshot " + s.id() + " --out FILE.csv");
                }
            }
            out.println("snapshot: " + s.id());
            return Cli.OK;
        }
    }
}
