package org.iomworkbench.cli;

import org.iomworkbench.core.load.FileSummary;
import org.iomworkbench.core.load.Snapshot;

import java.io.PrintWriter;

/** Plain-text tables for the command line. */
final class Format {
    private Format() {
    }

    static void snapshot(PrintWriter out, Snapshot s) {
        out.printf("Snapshot %d  loaded %s  extract date %s  harm index: %s%n", s.id(), s.createdAt(), s.extractDate(),
                s.harmIndex());
        out.printf("  from %s%n", s.sourceFolder());
        out.printf("  %-26s %12s %12s %12s  %s%n", "file", "rows read", "accepted", "rejected", "sha256");
        for (FileSummary f : s.files()) {
            out.printf("  %-26s %12d %12d %12d  %s%n", f.fileName(), f.rowsRead(), f.rowsAccepted(), f.rowsRejected(),
                    f.sha256());
        }
        out.printf("  %-26s %12d %12d %12d%n", "total", s.rowsRead(), s.rowsAccepted(), s.rowsRejected());
    }
}
