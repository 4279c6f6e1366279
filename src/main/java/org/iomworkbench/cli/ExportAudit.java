package org.iomworkbench.cli;

import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/** The commands' files of per-person data, recorded in the audit trail as they leave the workspace. */
final class ExportAudit {
    private ExportAudit() {
    }

    /** Audits a written file: which snapshot, how many rows, the file's SHA-256 (never its content). */
    static void record(Workspace ws, String action, int snapshotId, long rows, Path file) {
        try {
            AuditTrail.recordExport(ws.connection(), action, snapshotId, rows, file);
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        } catch (IOException e) {
            throw new WorkbenchException("The file " + file + " could not be read back to record it: " + e.getMessage(),
                    "Check the folder.", true);
        }
    }
}
