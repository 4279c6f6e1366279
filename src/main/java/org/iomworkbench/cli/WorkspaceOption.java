package org.iomworkbench.cli;

import org.iomworkbench.app.LogSetup;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --workspace} option shared by every command. */
final class WorkspaceOption {
    @Option(names = "--workspace", required = true, paramLabel = "DIR",
            description = "The workspace folder (created when new).")
    Path dir;

    Workspace open() {
        Workspace ws = Workspace.open(dir);
        LogSetup.attachWorkspace(ws.logsDir());
        return ws;
    }
}
