package org.iomworkbench.cli;

import org.iomworkbench.CliRunning;
import org.iomworkbench.Fixtures;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a newcomer and a script use it: outputs, the id lines and exit codes. */
class CliTest extends CliRunning {
    @TempDir
    Path tmp;
    /** The hand-made extract: 417 rows, 2 crime rows rejected on purpose. */
    Path handmade;

    @BeforeEach
    void copyHandmadeExtract() {
        handmade = Fixtures.handmadeExtract(tmp.resolve("handmade"));
    }


    @Test
    void helpListsTheCommandsAndVersionPrintsIt() {
        assertThat(run("--help")).isZero();
        assertThat(out).contains("load", "snapshots", "rejections", "dispose", "audit");
        assertThat(run("--version")).isZero();
        assertThat(out).startsWith("IOM Workbench ");
        assertThat(Cli.isCommand(new String[]{"load", "--workspace", "x"})).isTrue();
        assertThat(Cli.isCommand(new String[]{})).isFalse();
        assertThat(Cli.isCommand(new String[]{"--sample-data"})).isFalse();
        assertThat(Cli.isCommand(new String[]{"--sample-data", "--view", "audit"})).isFalse();
        assertThat(Cli.isCommand(new String[]{"--workspace", "load"})).isFalse();
        // a mistyped command is answered by the command line, not by opening a window
        assertThat(Cli.isCommand(new String[]{"validate", "--help"})).isTrue();
        assertThat(run("evalute", "--workspace", "w")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err).contains("'evalute'", "Did you mean", "evaluate");
        // every command answers --help (the usage errors point to it), e.g. one with required options
        assertThat(run("load", "--help")).isZero();
        assertThat(out).contains("Usage: iom-workbench load", "--extracts=DIR");
        assertThat(run("bench", "--help")).isZero();
        assertThat(out).contains("Usage: iom-workbench bench", "--until=STAGE");
        assertThat(run("audit", "verify", "--help")).isZero();
        assertThat(out).contains("Usage: iom-workbench audit verify");
    }

    @Test
    void loadPrintsTheSummaryAndTheSnapshotIdThenIdenticalReloadCreatesNothing() {
        String ws = tmp.resolve("ws").toString();
        assertThat(run("load", "--workspace", ws, "--extracts", handmade.toString(), "--extract-date", "2025-06-30"))
                .isZero();
        assertThat(out.lines()).contains("snapshot: 1");
        assertThat(out).contains("nominals.csv", "crimes.csv", "rows/s").contains("2 rows were kept aside");
        assertThat(run("load", "--workspace", ws, "--extracts", handmade.toString(), "--extract-date", "2025-06-30"))
                .isZero();
        assertThat(out).contains("byte-identical to snapshot 1");
        assertThat(out.lines()).contains("snapshot: 1");
        assertThat(run("snapshots", "--workspace", ws)).isZero();
        assertThat(out).contains("2025-06-30").contains(handmade.toAbsolutePath().normalize().toString());
    }

    @Test
    void theBundledSampleFolderLoadsWithNoRejections() {
        String ws = tmp.resolve("ws").toString();
        assertThat(run("load", "--workspace", ws, "--extracts", "sample-data", "--extract-date", "2024-12-31")).isZero();
        assertThat(out.lines()).contains("snapshot: 1");
        assertThat(out).containsPattern("nominals\\.csv +4427 +4427 +0 ")
                .containsPattern("crimes\\.csv +15887 +15887 +0 ")
                .containsPattern("total +31331 +31331 +0")
                .doesNotContain("kept aside");
    }

    @Test
    void rejectionsExportHasTheAgreedHeader() throws Exception {
        String ws = tmp.resolve("ws").toString();
        run("load", "--workspace", ws, "--extracts", handmade.toString());
        Path csv = tmp.resolve("out/rejections.csv");
        assertThat(run("rejections", "--workspace", ws, "--out", csv.toString())).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("file,line,column,value,reason");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("crimes.csv,");
    }

    @Test
    void refusedInputExitsTwoWithOneLineNamingTheSpot() throws Exception {
        Path bad = tmp.resolve("bad");
        Files.createDirectories(bad);
        for (Path p : Files.list(handmade).filter(Files::isRegularFile).toList()) {
            Files.copy(p, bad.resolve(p.getFileName()));
        }
        Files.writeString(bad.resolve("crimes.csv"), "crime_ref,source_person_id,offence_code,offence_date,alcohol_related\n"
                + "X1,CR00001,SHOPLIFTING,2020-01-01,N\nX2,\"CR00001,SHOPLIFTING,2020-01-01,N\n");
        String ws = tmp.resolve("ws").toString();
        assertThat(run("load", "--workspace", ws, "--extracts", bad.toString())).isEqualTo(2);
        assertThat(err.lines().count()).isEqualTo(1);
        assertThat(err).contains("crimes.csv line 3, column source_person_id").contains("unbalanced quotes");
        assertThat(run("snapshots", "--workspace", ws)).isZero();
        assertThat(out).contains("No snapshots yet");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("load", "--workspace", tmp.toString())).isEqualTo(2);
        assertThat(err).contains("--extracts");
        assertThat(run("load", "--workspace", tmp.toString(), "--extracts", "x", "--extract-date", "31/12/2024")).isEqualTo(2);
        assertThat(run("rejections", "--workspace", tmp.resolve("empty").toString(), "--out", "x.csv")).isEqualTo(2);
        assertThat(err).contains("no data snapshot");
        assertThat(run("dispose", "--workspace", tmp.resolve("empty").toString(), "--snapshot", "7")).isEqualTo(2);
    }

    @Test
    void auditVerifyExitsOneOnABrokenChain() throws Exception {
        String ws = tmp.resolve("ws").toString();
        run("load", "--workspace", ws, "--extracts", handmade.toString());
        assertThat(run("dispose", "--workspace", ws, "--snapshot", "1", "--reason", "test")).isZero();
        assertThat(run("audit", "verify", "--workspace", ws)).isZero();
        assertThat(out).contains("intact: 2 entries");
        assertThat(run("audit", "list", "--workspace", ws)).isZero();
        assertThat(out).contains("snapshot.created").contains("snapshot.disposed");
        try (Workspace w = Workspace.open(Path.of(ws)); Statement st = w.connection().createStatement()) {
            st.execute("UPDATE AUDIT SET command = 'forged' WHERE seq = 1");
            w.connection().commit();
        }
        assertThat(run("audit", "verify", "--workspace", ws)).isEqualTo(1);
        assertThat(err).contains("BROKEN at entry 1");
    }
}
