package org.iomworkbench.cli;

import org.iomworkbench.core.publish.PublicationRequest;
import org.iomworkbench.core.publish.Publisher;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

@Command(name = "publish", description = "Publish a vetted list as CSV with its manifest, signed off by the analyst at this workstation.")
final class PublishCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Option(names = "--scores-run", required = true, paramLabel = "ID", description = "The scoring run whose bands and RFSDi the list shows.")
    int scoresRun;
    @Option(names = "--model-run", required = true, paramLabel = "ID", description = "The model run whose predictions the list shows (as predict makes them).")
    int modelRun;
    @Option(names = "--signed-off-by", required = true, paramLabel = "NAME", description = "Your user name on this workstation: you sign the list off as advice for Offender Managers' professional judgement, not a decision about anyone.")
    String signer;
    @Option(names = "--columns", split = ",", paramLabel = "COL", description = "Columns, from: person_id, surname, forenames, date_of_birth, band, rfsdi, p_escalate, p_escalate_band, next_crime_type, under_18, data_date.")
    List<String> columns = new ArrayList<>();
    @Option(names = "--bands", split = ",", paramLabel = "BAND", description = "Only these bands (default all).")
    List<String> bands = new ArrayList<>();
    @Option(names = "--min-probability", paramLabel = "P", description = "Only people whose escalation probability is at least P.")
    Double minProbability;
    @Option(names = "--exclude", paramLabel = "PERSON_ID=REASON", description = "Leave a person off, with the recorded reason (repeatable).")
    List<String> exclude = new ArrayList<>();
    @Option(names = "--confirm", paramLabel = "TEXT", description = "The typed confirmation, word for word: \"This list is "
            + "advice for Offender Managers' professional judgement, not a decision about anyone.\" (asked for on the terminal when not given).")
    String confirm;
    @Option(names = "--bom", description = "Begin the file with a byte-order mark, for spreadsheet tools.")
    boolean bom;
    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The list; the manifest goes beside it as FILE.csv.manifest.json.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        Map<String, String> exclusions = new LinkedHashMap<>();
        for (String e : exclude) {
            int eq = e.indexOf('=');
            if (eq <= 0 || eq == e.length() - 1) {
                throw new WorkbenchException("--exclude needs PERSON_ID=REASON, not '" + e + "'.",
                        "For example --exclude P0123456789ABCDEF=\"already in the scheme\".", true);
            }
            exclusions.put(e.substring(0, eq).strip(), e.substring(eq + 1).strip());
        }
        String typed = confirm;
        if (typed == null && System.console() != null) {
            w.println("Type to confirm: " + Publisher.CONFIRMATION);
            w.flush();
            typed = System.console().readLine("> ");
        }
        if (typed == null) {
            throw new WorkbenchException("The sign-off needs the confirmation typed: \"" + Publisher.CONFIRMATION + "\"",
                    "Give it with --confirm, or run publish on a terminal, which asks for it.", true);
        }
        try (Workspace ws = workspace.open()) {
            PublicationRequest r = new PublicationRequest(scoresRun, modelRun, columns, new TreeSet<>(bands), minProbability,
                    exclusions, bom, signer, typed.strip());
            Publisher.Publication p = new Publisher(ws).publish(r, out);
            w.println(Publisher.CONFIRMATION);
            w.printf("signed off by %s; %,d people on the list (%,d left off with a reason)%n", p.signer(), p.rows(),
                    exclusions.size());
            w.printf("wrote %s (SHA-256 %s) and %s%n", out, p.csvSha256(), Publisher.manifestPath(out));
            w.println("publication: " + p.id());
            return Cli.OK;
        }
    }
}
