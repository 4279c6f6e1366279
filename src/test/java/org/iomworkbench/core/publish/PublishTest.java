package org.iomworkbench.core.publish;

import org.iomworkbench.CliRunning;
import org.iomworkbench.Fixtures;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.util.Hashing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing through the command line on a generated extract whose nominals carry hostile names:
 * formula injection neutralised, allowed columns only, manifest, sign-off, reproduce.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishTest extends CliRunning {
    @TempDir
    static Path tmp;
    Path ws;
    int scoresRun;
    int modelRun;



    @BeforeAll
    void prepare() throws Exception {
        Path x = tmp.resolve("x");
        Fixtures.generatedExtract(x, 2000, 2024);
        // hostile names: every record of five offenders gets a surname that a spreadsheet would run
        String[] hostile = {"=HYPERLINK(\"http://x\",\"y\")", "+SUM(1,2)", "-2+3", "@cmd", "\tTab"};
        java.util.Set<String> offenders = new java.util.HashSet<>();
        for (String l : Files.readAllLines(x.resolve("crimes.csv")).subList(1, 400)) {
            offenders.add("CRIMES," + l.split(",", -1)[1]);
        }
        java.util.Map<String, String> personOf = new java.util.HashMap<>();
        List<String> chosen = new ArrayList<>();
        for (String l : Files.readAllLines(x.resolve("truth/person_map.csv")).subList(1, 4000)) {
            String[] c = l.split(",");
            personOf.put(c[0] + "," + c[1], c[2]);
            if (offenders.contains(c[0] + "," + c[1]) && !chosen.contains(c[2]) && chosen.size() < hostile.length) {
                chosen.add(c[2]);
            }
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(x.resolve("nominals.csv")));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            int k = chosen.indexOf(personOf.get(cells[0] + "," + cells[1]));
            if (k >= 0) {
                cells[2] = "\"" + hostile[k].replace("\"", "\"\"") + "\"";
                lines.set(i, String.join(",", cells));
            }
        }
        Files.write(x.resolve("nominals.csv"), lines);
        ws = tmp.resolve("ws");
        assertThat(run("load", "--workspace", ws.toString(), "--extracts", x.toString(), "--extract-date", "2024-12-31"))
                .as(err).isZero();
        assertThat(run("link", "--workspace", ws.toString())).as(err).isZero();
        assertThat(run("score", "--workspace", ws.toString(), "--out", tmp.resolve("s.csv").toString())).as(err).isZero();
        scoresRun = id("run");
        Path cfg = tmp.resolve("c.json");
        Files.writeString(cfg, "{\"models\": [\"logistic_regression\"]}");
        assertThat(run("train", "--workspace", ws.toString(), "--config", cfg.toString(), "--out", tmp.resolve("t").toString()))
                .as(err).isZero();
        modelRun = id("run");
    }

    @Test
    void aListIsSafeSignedCarriesAManifestAndReproduces() throws Exception {
        Path csv = tmp.resolve("list.csv");
        String user = AuditTrail.currentUser();
        assertThat(run("publish", "--confirm", Publisher.CONFIRMATION, "--workspace", ws.toString(), "--scores-run", "" + scoresRun, "--model-run", "" + modelRun,
                "--signed-off-by", user, "--bom", "--out", csv.toString())).as(err).isZero();
        assertThat(out).containsPattern("(?m)^publication: \\d+$");
        int pub = id("publication");
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF); // UTF-8 byte-order mark
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", Publisher.DEFAULT_COLUMNS));
        for (String line : text.lines().skip(1).toList()) {
            for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)) {
                String v = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(v).as("a cell that a spreadsheet would run").doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t");
            }
        }
        assertThat(text).contains("'=HYPERLINK").contains("'+SUM").contains("'@cmd");
        // the calculation never leaves: the header (checked above) is the allowed columns only
        String manifest = Files.readString(Publisher.manifestPath(csv));
        assertThat(manifest).contains("\"csv_sha256\" : \"" + Hashing.hex(Hashing.sha256().digest(bytes)) + "\"")
                .contains("\"signed_off_by\" : \"" + user + "\"").contains("files_sha256").contains("scoring_configuration");

        Path again = tmp.resolve("again.csv");
        assertThat(run("reproduce", "--workspace", ws.toString(), "--publication", "" + pub, "--out", again.toString()))
                .as(err).isZero();
        assertThat(out).contains("reproduced: the SHA-256 matches");
        assertThat(Files.readAllBytes(again)).isEqualTo(bytes);
        assertThat(run("predict", "--workspace", ws.toString(), "--model-run", "" + modelRun, "--scores-run", "" + scoresRun,
                "--out", tmp.resolve("p.csv").toString())).as(err).isZero();
        assertThat(run("audit", "verify", "--workspace", ws.toString())).isZero();
        // the manifest, which leaves with the list, anchors the trail as it stood before the publication
        assertThat(manifest).contains("\"audit_trail\"").contains("\"head_sha256\"");
        assertThat(run("audit", "verify", "--workspace", ws.toString(), "--manifest",
                Publisher.manifestPath(csv).toString())).as(err).isZero();
        assertThat(out).contains("anchored: entry ");
        // every file of per-person data that leaves the workspace is in the trail, by its hash
        assertThat(run("audit", "list", "--workspace", ws.toString())).isZero();
        assertThat(out).contains("export.reproduction").contains("export.predictions").contains("export.scores")
                .contains(Hashing.hex(Hashing.sha256().digest(Files.readAllBytes(tmp.resolve("p.csv")))));
    }

    @Test
    void aStoredPublicationChangedAfterwardsDoesNotPassForTheOneInTheAuditTrail() throws Exception {
        Path csv = tmp.resolve("tampered.csv");
        assertThat(run("publish", "--confirm", Publisher.CONFIRMATION, "--workspace", ws.toString(), "--scores-run", "" + scoresRun, "--model-run", "" + modelRun,
                "--signed-off-by", AuditTrail.currentUser(), "--bands", "HIGH_MEDIUM", "--out", csv.toString())).as(err).isZero();
        int pub = id("publication");
        // the request narrowed to another band and the stored hash set to what that request re-creates:
        // the publication's own row agrees with itself, the audit trail does not
        Path other = tmp.resolve("other.csv");
        assertThat(run("publish", "--confirm", Publisher.CONFIRMATION, "--workspace", ws.toString(), "--scores-run", "" + scoresRun, "--model-run", "" + modelRun,
                "--signed-off-by", AuditTrail.currentUser(), "--bands", "LOW_MEDIUM", "--out", other.toString())).as(err).isZero();
        int otherPub = id("publication");
        try (org.iomworkbench.core.workspace.Workspace w = org.iomworkbench.core.workspace.Workspace.open(ws);
             java.sql.PreparedStatement ps = w.connection().prepareStatement("UPDATE PUBLICATION SET (request, csv_sha256) = "
                     + "(SELECT request, csv_sha256 FROM PUBLICATION WHERE publication_id = ?) WHERE publication_id = ?")) {
            ps.setInt(1, otherPub);
            ps.setInt(2, pub);
            assertThat(ps.executeUpdate()).isOne();
            w.connection().commit();
        }
        assertThat(run("reproduce", "--workspace", ws.toString(), "--publication", "" + pub, "--out",
                tmp.resolve("tampered-again.csv").toString())).isEqualTo(1);
        assertThat(err).contains("not reproducible: the stored publication " + pub + " does not match its entry in the audit trail");
        assertThat(run("reproduce", "--workspace", ws.toString(), "--publication", "" + otherPub, "--out",
                tmp.resolve("other-again.csv").toString())).as(err).isZero();
    }

    @Test
    void predictionsAreKeptUntilTheWorkspaceChanges() {
        try (org.iomworkbench.core.workspace.Workspace w = org.iomworkbench.core.workspace.Workspace.open(ws)) {
            org.iomworkbench.core.model.ModelService models = new org.iomworkbench.core.model.ModelService(w);
            List<org.iomworkbench.core.model.Prediction> first = models.predict(modelRun, scoresRun);
            assertThat(first).isNotEmpty();
            // a list previewed again, or published after its preview, does not apply the models again
            assertThat(models.predict(modelRun, scoresRun)).isSameAs(first);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.remove(0))
                    .isInstanceOf(UnsupportedOperationException.class);
            // any audited change, even one that does not touch them: worked out afresh, the same
            new org.iomworkbench.core.load.Retention(w).setPeriodDays(300);
            List<org.iomworkbench.core.model.Prediction> after = models.predict(modelRun, scoresRun);
            assertThat(after).isNotSameAs(first).isEqualTo(first);
        }
    }

    @Test
    void anotherSignerAColumnOfTheCalculationOrAnUnknownBandIsRefused() {
        Path csv = tmp.resolve("refused.csv");
        assertThat(run("publish", "--confirm", Publisher.CONFIRMATION, "--workspace", ws.toString(), "--scores-run", "" + scoresRun, "--model-run", "" + modelRun,
                "--signed-off-by", "someone-else", "--out", csv.toString())).isEqualTo(2);
        assertThat(err).contains("signed off by the analyst at this workstation");
        assertThat(run("publish", "--confirm", Publisher.CONFIRMATION, "--workspace", ws.toString(), "--scores-run", "" + scoresRun, "--model-run", "" + modelRun,
                "--signed-off-by", AuditTrail.currentUser(), "--columns", "person_id,s", "--out", csv.toString())).isEqualTo(2);
        assertThat(err).contains("'s' cannot go on a published list");
        assertThat(run("publish", "--confirm", Publisher.CONFIRMATION, "--workspace", ws.toString(), "--scores-run", "" + scoresRun, "--model-run", "" + modelRun,
                "--signed-off-by", AuditTrail.currentUser(), "--columns", "person_id,band", "--out", csv.toString())).isEqualTo(2);
        assertThat(err).contains("Every list flags the people under 18");
        // the confirmation is typed, not implied by running the command
        assertThat(run("publish", "--workspace", ws.toString(), "--scores-run", "" + scoresRun, "--model-run", "" + modelRun,
                "--signed-off-by", AuditTrail.currentUser(), "--out", csv.toString())).isEqualTo(2);
        assertThat(err).contains("The sign-off needs the confirmation typed");
        assertThat(run("publish", "--confirm", "ok", "--workspace", ws.toString(), "--scores-run", "" + scoresRun,
                "--model-run", "" + modelRun, "--signed-off-by", AuditTrail.currentUser(), "--out", csv.toString())).isEqualTo(2);
        assertThat(err).contains("The sign-off needs the confirmation");
        assertThat(run("publish", "--confirm", Publisher.CONFIRMATION, "--workspace", ws.toString(), "--scores-run", "" + scoresRun, "--model-run", "" + modelRun,
                "--signed-off-by", AuditTrail.currentUser(), "--bands", "PURPLE", "--out", csv.toString())).isEqualTo(2);
        assertThat(csv).doesNotExist();
    }

    @Test
    void exclusionsAndFiltersShortenTheList() throws Exception {
        Path all = tmp.resolve("all.csv");
        String user = AuditTrail.currentUser();
        assertThat(run("publish", "--confirm", Publisher.CONFIRMATION, "--workspace", ws.toString(), "--scores-run", "" + scoresRun, "--model-run", "" + modelRun,
                "--signed-off-by", user, "--bands", "LOW_MEDIUM,HIGH_MEDIUM", "--columns", "person_id,band,p_escalate_band,under_18",
                "--out", all.toString())).as(err).isZero();
        List<String> rows = Files.readAllLines(all);
        assertThat(rows.get(0)).isEqualTo("person_id,band,p_escalate_band,under_18");
        assertThat(rows.subList(1, rows.size())).allMatch(l -> l.contains(",LOW_MEDIUM,") || l.contains(",HIGH_MEDIUM,"));
        String first = rows.get(1).split(",")[0];
        Path fewer = tmp.resolve("fewer.csv");
        assertThat(run("publish", "--confirm", Publisher.CONFIRMATION, "--workspace", ws.toString(), "--scores-run", "" + scoresRun, "--model-run", "" + modelRun,
                "--signed-off-by", user, "--bands", "LOW_MEDIUM,HIGH_MEDIUM", "--columns", "person_id,band,p_escalate_band,under_18",
                "--exclude", first + "=already under Offender Management", "--out", fewer.toString())).as(err).isZero();
        assertThat(Files.readAllLines(fewer)).hasSize(rows.size() - 1).noneMatch(l -> l.startsWith(first + ","));
    }

    @Test
    void safeCsvCells() {
        assertThat(SafeCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(SafeCsv.cell("-5")).isEqualTo("'-5");
        assertThat(SafeCsv.cell("\rX")).isEqualTo("\"'\rX\"");
        assertThat(SafeCsv.cell("O'Brien, Sean")).isEqualTo("\"O'Brien, Sean\"");
        assertThat(SafeCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(SafeCsv.cell("Smith")).isEqualTo("Smith");
        for (String v : new String[] {"=1+1", "-5", "\rX", "\tX", "@a", "+1", "O'Brien, Sean", "say \"hi\"", "a\nb", "a\rb",
                "Smith", "", null, "0.1234", "2024-01-31"}) {
            StringBuilder b = new StringBuilder("x");
            SafeCsv.append(b, v);
            assertThat(b.toString()).as(v).isEqualTo("x" + SafeCsv.cell(v));
        }
    }

    @Test
    void theListIsTheSameOnOneThreadAndAFailedWriteLeavesNothing() throws Exception {
        String user = AuditTrail.currentUser();
        try (org.iomworkbench.core.workspace.Workspace w = org.iomworkbench.core.workspace.Workspace.open(ws)) {
            Publisher publisher = new Publisher(w);
            PublicationRequest r = new PublicationRequest(scoresRun, modelRun, List.of(), java.util.Set.of(), null,
                    java.util.Map.of(), false, user, Publisher.CONFIRMATION);
            // the CSV is built beside the ledger's writing when there are threads for it, else after it
            Publisher.Publication two = org.iomworkbench.core.util.Parallelism.call(2, () -> publisher.publish(r, tmp.resolve("two.csv")));
            Publisher.Publication one = org.iomworkbench.core.util.Parallelism.call(1, () -> publisher.publish(r, tmp.resolve("one.csv")));
            assertThat(one.csvSha256()).isEqualTo(two.csvSha256());
            assertThat(Files.readAllBytes(tmp.resolve("one.csv"))).isEqualTo(Files.readAllBytes(tmp.resolve("two.csv")))
                    .isEqualTo(publisher.csv(r, publisher.rows(r)));
            assertThat(one.rows()).isPositive().isEqualTo(two.rows());
            // the names read a page of listed persons at a time: many small pages give the same list
            List<Publisher.Row> whole = publisher.rows(r);
            Publisher paged = new Publisher(w);
            paged.namesPage = 7;
            assertThat(paged.rows(r)).isEqualTo(whole).hasSize((int) one.rows());
            // a sparse list (one band) looks its names up person by person; the whole list reads ranges
            List<Publisher.Row> top = publisher.rows(new PublicationRequest(scoresRun, modelRun, List.of(),
                    java.util.Set.of("SUPER_HIGH"), null, java.util.Map.of(), false, user, Publisher.CONFIRMATION));
            assertThat(top).isNotEmpty().isEqualTo(whole.stream().filter(x -> x.band().name().equals("SUPER_HIGH")).toList());
            java.util.Set<String> medium = java.util.Set.of("LOW_MEDIUM", "HIGH_MEDIUM");
            List<Publisher.Row> likely = publisher.rows(new PublicationRequest(scoresRun, modelRun, List.of(), medium, 0.01,
                    java.util.Map.of(), false, user, Publisher.CONFIRMATION));
            assertThat(likely).hasSizeGreaterThan(8);
            String left = likely.get(3).personId();
            PublicationRequest few = new PublicationRequest(scoresRun, modelRun, List.of(), medium, 0.01,
                    java.util.Map.of(left, "already managed"), false, user, Publisher.CONFIRMATION);
            assertThat(paged.rows(few)).isEqualTo(publisher.rows(few)).hasSize(likely.size() - 1)
                    .noneMatch(x -> x.personId().equals(left))
                    .allMatch(x -> x.pEscalate() != null && x.pEscalate() >= 0.01);

            long[] before = counts(w);
            Path nowhere = tmp.resolve("no-such-folder").resolve("list.csv");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> publisher.publish(r, nowhere))
                    .hasMessageContaining("could not be written");
            assertThat(counts(w)).as("publications, their rows, audit entries").isEqualTo(before);
            assertThat(nowhere).doesNotExist();
        }
        assertThat(run("audit", "verify", "--workspace", ws.toString())).isZero();
    }

    private static long[] counts(org.iomworkbench.core.workspace.Workspace w) throws Exception {
        long[] n = new long[3];
        String[] q = {"SELECT COUNT(*) FROM PUBLICATION", "SELECT COUNT(*) FROM PUBLICATION_PERSON", "SELECT COUNT(*) FROM AUDIT"};
        for (int i = 0; i < q.length; i++) {
            try (java.sql.Statement st = w.connection().createStatement(); java.sql.ResultSet rs = st.executeQuery(q[i])) {
                rs.next();
                n[i] = rs.getLong(1);
            }
        }
        return n;
    }
}
