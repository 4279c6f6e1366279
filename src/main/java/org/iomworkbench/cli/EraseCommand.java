package org.iomworkbench.cli;

import org.iomworkbench.core.privacy.Erasure;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "erase", description = "Erase a source record from every snapshot (right to erasure), re-link and re-score what it touched, and compact the workspace.")
final class EraseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Option(names = "--source", required = true, paramLabel = "S", description = "The source system: CRIMES, CUSTODY, DIP, ...")
    String source;
    @Option(names = "--id", required = true, paramLabel = "X", description = "The record's source_person_id.")
    String id;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        Workspace ws = workspace.open();
        Erasure.Result r;
        try {
            r = new Erasure(ws).erase(source, id, (m, d, t) -> { }, Cancellation.none());
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
        ws.compactAndClose();
        w.printf("erased %s %s on %s: %,d rows removed from snapshot(s) %s, re-linked and re-scored; %,d log and export "
                        + "lines removed; the database compacted%n", source, id, r.erasedAt(), r.rowsRemoved(), r.snapshots(),
                r.textLinesRemoved());
        if (!r.publications().isEmpty()) {
            w.printf("publications %s named the person: kept by their hash, no longer reproducible%n", r.publications());
        }
        return Cli.OK;
    }
}
