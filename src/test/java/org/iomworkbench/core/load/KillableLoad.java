package org.iomworkbench.core.load;

import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.workspace.Workspace;

import java.nio.file.Path;
import java.time.LocalDate;

/** Run in a child JVM by {@link SnapshotLifecycleTest}, which kills it in the middle of a load. */
public final class KillableLoad {
    private KillableLoad() {
    }

    public static void main(String[] args) {
        Workspace ws = Workspace.open(Path.of(args[0]));
        new ExtractLoader(ws).load(Path.of(args[1]), LocalDate.of(2024, 12, 31), (message, done, total) -> {
            System.out.println("progress " + message);
            System.out.flush();
        }, Cancellation.none());
        System.out.println("finished");
    }
}
