package org.iomworkbench.core.privacy;

import org.iomworkbench.CliRunning;
import org.iomworkbench.Fixtures;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.publish.Publisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasing a source record through the command line: its name is nowhere in the workspace's files
 * afterwards (database, logs, exports, in any letter case), the audit trail holds only a hash,
 * and a publication that named the person is kept but no longer reproducible.
 */
class ErasureTest extends CliRunning {
    static final String SURNAME = "Quorvexindal";
    static final String FORENAMES = "Zaphyrelle Ixtaboo";
    @TempDir
    Path tmp;



    @Test
    void anErasedRecordLeavesNoTraceAndNeitherDoesADisposedSnapshot() throws Exception {
        Path x = tmp.resolve("x");
        Fixtures.generatedExtract(x, 2000, 2024);
        // one CRIMES record with offences gets a name nobody else has
        String record = Files.readAllLines(x.resolve("crimes.csv")).get(1).split(",", -1)[1];
        List<String> lines = new ArrayList<>(Files.readAllLines(x.resolve("nominals.csv")));
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            if (c[0].equals("CRIMES") && c[1].equals(record)) {
                c[2] = SURNAME;
                c[3] = FORENAMES;
                lines.set(i, String.join(",", c));
            }
        }
        Files.write(x.resolve("nominals.csv"), lines);
        Path ws = tmp.resolve("ws");
        String w = ws.toString();
        assertThat(run("load", "--workspace", w, "--extracts", x.toString(), "--extract-date", "2024-12-31")).as(err).isZero();
        // the snapshot's own link settings, which the re-link after the erasure must use again
        assertThat(run("link", "--workspace", w, "--upper", "0.99", "--lower", "0.9")).as(err).isZero();
        assertThat(run("score", "--workspace", w, "--out", tmp.resolve("s.csv").toString())).as(err).isZero();
        int scores = id("run");
        Path cfg = tmp.resolve("c.json");
        Files.writeString(cfg, "{\"models\": [\"logistic_regression\"], \"nextCrime\": false}");
        assertThat(run("train", "--workspace", w, "--config", cfg.toString(), "--out", tmp.resolve("t").toString())).as(err).isZero();
        int model = id("run");
        Path list = tmp.resolve("list.csv");
        assertThat(run("publish", "--confirm", Publisher.CONFIRMATION, "--workspace", w, "--scores-run", "" + scores, "--model-run", "" + model, "--signed-off-by",
                AuditTrail.currentUser(), "--out", list.toString())).as(err).isZero();
        int publication = id("publication");
        assertThat(Files.readString(list)).contains(SURNAME);
        String erasedRow = Files.readAllLines(list).stream().filter(l -> l.contains(SURNAME)).findFirst().orElseThrow();
        String erasedPerson = erasedRow.split(",")[0];
        String erasedBand = List.of(erasedRow.split(",")).stream().filter(c -> Set.of("LOW", "LOW_MEDIUM", "HIGH_MEDIUM",
                "HIGH", "SUPER_HIGH").contains(c)).findFirst().orElseThrow();
        // a list the person is not on: it must still reproduce after the erasure
        String otherBands = String.join(",", Stream.of("LOW", "LOW_MEDIUM", "HIGH_MEDIUM", "HIGH", "SUPER_HIGH")
                .filter(b -> !b.equals(erasedBand)).toList());
        assertThat(run("publish", "--confirm", Publisher.CONFIRMATION, "--workspace", w, "--scores-run", "" + scores, "--model-run", "" + model, "--signed-off-by",
                AuditTrail.currentUser(), "--bands", otherBands, "--out", tmp.resolve("others.csv").toString())).as(err).isZero();
        int others = id("publication");
        assertThat(found(ws)).as("the name is in the workspace before the erasure").isNotEmpty();

        assertThat(run("erase", "--workspace", w, "--source", "CRIMES", "--id", record)).as(err).isZero();
        assertThat(out).contains("erased CRIMES " + record).contains("publications [" + publication + "]");

        assertThat(found(ws)).as("files that still hold the erased name").isEmpty();
        assertThat(run("reproduce", "--workspace", w, "--publication", "" + publication, "--out",
                tmp.resolve("again.csv").toString())).isEqualTo(1);
        assertThat(err).contains("not reproducible: a person on it was erased on ");
        assertThat(run("reproduce", "--workspace", w, "--publication", "" + others, "--out",
                tmp.resolve("others-again.csv").toString())).as(out + err).isZero();
        try (org.iomworkbench.core.workspace.Workspace opened = org.iomworkbench.core.workspace.Workspace.open(ws);
             java.sql.PreparedStatement ps = opened.connection().prepareStatement(
                     "SELECT COUNT(*) FROM PUBLICATION_PERSON WHERE person_id = ?")) {
            ps.setString(1, erasedPerson);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("the ledger's rows of the erased person").isZero();
            }
        }
        assertThat(run("audit", "verify", "--workspace", w)).as(out + err).isZero();
        assertThat(run("audit", "list", "--workspace", w)).isZero();
        assertThat(out).contains("record.erased").doesNotContain(record).doesNotContainIgnoringCase(SURNAME);

        // retention: disposing of the snapshot leaves none of its names in the files, and its lists say why
        // they can no longer be re-created
        String other = Files.readAllLines(tmp.resolve("others.csv")).get(1).split(",")[1];
        assertThat(other).hasSizeGreaterThan(2);
        assertThat(found(ws, other)).as("the other list's first surname is in the workspace").isNotEmpty();
        assertThat(run("dispose", "--workspace", w, "--snapshot", "1", "--reason", "retention")).as(err).isZero();
        assertThat(out).contains("the database compacted");
        assertThat(found(ws, other)).as("files that still hold a disposed snapshot's name").isEmpty();
        assertThat(run("reproduce", "--workspace", w, "--publication", "" + others, "--out",
                tmp.resolve("others-after.csv").toString())).isEqualTo(1);
        assertThat(err).contains("not reproducible: its data snapshot 1 was disposed of");
    }

    /** The workspace files whose bytes hold the surname or a forename, in any letter case. */
    static List<Path> found(Path ws) throws Exception {
        return found(ws, SURNAME, "zaphyrelle", "ixtaboo");
    }

    /** The workspace files whose bytes hold one of the names, in any letter case. */
    static List<Path> found(Path ws, String... names) throws Exception {
        List<String> needles = java.util.Arrays.stream(names).map(n -> n.toLowerCase(Locale.ROOT)).toList();
        List<Path> out = new ArrayList<>();
        try (var walk = Files.walk(ws)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                if (needles.stream().anyMatch(text::contains)) {
                    out.add(ws.relativize(f));
                }
            }
        }
        return out;
    }
}
