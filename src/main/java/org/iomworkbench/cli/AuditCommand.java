package org.iomworkbench.cli;

import org.iomworkbench.core.audit.AuditEntry;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.audit.AuditVerification;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.SQLException;

@Command(name = "audit", description = "Read and check the workspace's audit trail.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.ListEntries.class})
final class AuditCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", description = "Check every link of the hash chain; exit 1 at the first broken entry.")
    static final class Verify implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;

        @Override
        public Integer call() {
            try (Workspace ws = workspace.open()) {
                AuditVerification v = new AuditTrail(ws.connection()).verify();
                if (v.intact()) {
                    spec.commandLine().getOut().println(v.describe());
                    return Cli.OK;
                }
                spec.commandLine().getErr().println(v.describe());
                return Cli.FAILURE;
            } catch (SQLException e) {
                throw new WorkbenchException("The audit trail could not be read: " + e.getMessage(), "", false, e);
            }
        }
    }

    @Command(name = "list", description = "List the audit entries.")
    static final class ListEntries implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Workspace ws = workspace.open()) {
                for (AuditEntry e : new AuditTrail(ws.connection()).entries()) {
                    out.printf("%5d  %s  %-10s  %-10s  %-20s  %s%n", e.seq(), e.at(), e.osUser(), e.command(),
                            e.action(), e.details());
                }
                return Cli.OK;
            } catch (SQLException e) {
                throw new WorkbenchException("The audit trail could not be read: " + e.getMessage(), "", false, e);
            }
        }
    }
}
