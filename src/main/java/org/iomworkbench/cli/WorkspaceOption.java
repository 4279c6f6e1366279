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
    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file holding the password of an encrypted workspace (or set IOM_WORKSPACE_PASSWORD); a new workspace is created encrypted with it.")
    Path passwordFile;

    Workspace open() {
        Workspace ws;
        if (passwordFile != null) {
            char[] pw;
            try {
                pw = java.nio.file.Files.readString(passwordFile).strip().toCharArray();
            } catch (java.io.IOException e) {
                throw new org.iomworkbench.core.util.WorkbenchException("The password file " + passwordFile + " cannot be read.",
                        "Give a readable file holding the password.", true);
            }
            ws = Workspace.open(dir, pw);
        } else {
            ws = Workspace.open(dir);
        }
        LogSetup.attachWorkspace(ws.logsDir());
        return ws;
    }
}
