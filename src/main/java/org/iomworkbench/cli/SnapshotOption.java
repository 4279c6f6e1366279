package org.iomworkbench.cli;

import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Option;

/** The {@code --snapshot ID} option of commands that read a snapshot; the latest when not given. */
final class SnapshotOption {
    @Option(names = "--snapshot", paramLabel = "ID", description = "The snapshot; default the latest.")
    Integer id;

    Snapshot resolve(Workspace ws) {
        return new SnapshotStore(ws).resolve(id);
    }
}
