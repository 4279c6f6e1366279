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
        @picocli.CommandLine.Option(names = "--manifest", paramLabel = "FILE.manifest.json",
                description = "Also check the trail against a publication's manifest, kept outside the workspace: the entry "
                        + "it recorded must still have its hash (repeatable).")
        java.util.List<java.nio.file.Path> manifests = new java.util.ArrayList<>();

        @Override
        public Integer call() {
            try (Workspace ws = workspace.open()) {
                AuditTrail trail = new AuditTrail(ws.connection());
                AuditVerification v = trail.verify();
                if (!v.intact()) {
                    spec.commandLine().getErr().println(v.describe());
                    return Cli.FAILURE;
                }
                spec.commandLine().getOut().println(v.describe());
                for (java.nio.file.Path m : manifests) {
                    com.fasterxml.jackson.databind.JsonNode anchor = readAnchor(m);
                    long seq = anchor.path("entries").asLong();
                    AuditVerification a = trail.verifyAnchor(seq, anchor.path("head_sha256").asText());
                    if (!a.intact()) {
                        spec.commandLine().getErr().println(m + ": " + a.describe());
                        return Cli.FAILURE;
                    }
                    spec.commandLine().getOut().printf("anchored: entry %d is the one %s recorded%n", seq, m);
                }
                return Cli.OK;
            } catch (SQLException e) {
                throw new WorkbenchException("The audit trail could not be read: " + e.getMessage(), "", false, e);
            }
        }

        private static com.fasterxml.jackson.databind.JsonNode readAnchor(java.nio.file.Path m) {
            try {
                com.fasterxml.jackson.databind.JsonNode a = new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.toFile())
                        .path("audit_trail");
                if (!a.has("entries") || !a.has("head_sha256")) {
                    throw new WorkbenchException(m + " records no audit trail entry (a manifest written before the trail was "
                            + "anchored, or not a manifest).", "Give a publication's FILE.csv.manifest.json.", true);
                }
                return a;
            } catch (java.io.IOException e) {
                throw new WorkbenchException("The manifest " + m + " could not be read: " + e.getMessage(),
                        "Give a publication's FILE.csv.manifest.json.", true);
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
