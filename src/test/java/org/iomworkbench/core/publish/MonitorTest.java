package org.iomworkbench.core.publish;

import org.iomworkbench.CliRunning;
import org.iomworkbench.Fixtures;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.model.ModelStore;
import org.iomworkbench.core.score.Labels;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger: a list published from an extract that ends a year early is followed up in the
 * full extract loaded later, and what its people did matches the label rule on the later data.
 */
class MonitorTest extends CliRunning {
    static final LocalDate CUT = LocalDate.of(2023, 12, 31);
    @TempDir
    Path tmp;



    /** The extract as it stood at CUT: rows dated after it left out, releases and marker ends after it emptied. */
    static void truncate(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        for (Path f : Files.list(from).filter(p -> p.toString().endsWith(".csv")).toList()) {
            List<String> lines = Files.readAllLines(f);
            List<String> keep = new ArrayList<>(List.of(lines.get(0)));
            List<String> header = List.of(lines.get(0).split(","));
            String name = f.getFileName().toString();
            String dateCol = switch (name) {
                case "crimes.csv" -> "offence_date";
                case "custody.csv" -> "arrest_date";
                case "prison.csv" -> "entry_date";
                case "drug_tests.csv" -> "test_date";
                case "markers.csv" -> "start_date";
                default -> null;
            };
            String endCol = name.equals("prison.csv") ? "release_date" : name.equals("markers.csv") ? "end_date" : null;
            for (String l : lines.subList(1, lines.size())) {
                String[] c = l.split(",", -1);
                if (dateCol != null && LocalDate.parse(c[header.indexOf(dateCol)]).isAfter(CUT)) {
                    continue;
                }
                if (endCol != null) {
                    int k = header.indexOf(endCol);
                    if (!c[k].isEmpty() && LocalDate.parse(c[k]).isAfter(CUT)) {
                        c[k] = "";
                    }
                }
                if (name.equals("crimes.csv")) {
                    int k = header.indexOf("recorded_date");
                    if (k >= 0 && !c[k].isEmpty() && LocalDate.parse(c[k]).isAfter(CUT)) {
                        c[k] = "";
                    }
                }
                keep.add(String.join(",", c));
            }
            Files.write(to.resolve(name), keep);
        }
    }

    @Test
    void aPublishedListIsFollowedUpInALaterSnapshot() throws Exception {
        Path full = tmp.resolve("full");
        Fixtures.generatedExtract(full, 3000, 7);
        Path early = tmp.resolve("early");
        truncate(full, early);
        Path ws = tmp.resolve("ws");
        String w = ws.toString();
        assertThat(run("load", "--workspace", w, "--extracts", early.toString(), "--extract-date", CUT.toString())).as(err).isZero();
        assertThat(run("link", "--workspace", w)).as(err).isZero();
        assertThat(run("score", "--workspace", w, "--out", tmp.resolve("s.csv").toString())).as(err).isZero();
        int scores = id("run");
        Path cfg = tmp.resolve("c.json");
        Files.writeString(cfg, "{\"models\": [\"logistic_regression\"], \"nextCrime\": false}");
        assertThat(run("train", "--workspace", w, "--config", cfg.toString(), "--out", tmp.resolve("t").toString())).as(err).isZero();
        int model = id("run");
        assertThat(run("publish", "--confirm", Publisher.CONFIRMATION, "--workspace", w, "--scores-run", "" + scores, "--model-run", "" + model, "--signed-off-by",
                AuditTrail.currentUser(), "--out", tmp.resolve("list.csv").toString())).as(err).isZero();
        assertThat(run("monitor", "--workspace", w)).as(err).isZero();
        assertThat(out).contains("awaiting a later snapshot");

        assertThat(run("load", "--workspace", w, "--extracts", full.toString(), "--extract-date", "2024-12-31")).as(err).isZero();
        assertThat(run("link", "--workspace", w)).as(err).isZero();
        assertThat(run("monitor", "--workspace", w)).as(err).isZero();
        assertThat(out).contains("(the full year)").contains("at the model's threshold");

        // the same people and outcomes, worked out directly with the label rule on the later data
        try (Workspace x = Workspace.open(ws)) {
            List<Monitor.Followed> f = new Monitor(x).run();
            assertThat(f).hasSize(1);
            Snapshot later = new SnapshotStore(x).resolve(null);
            ScoreData d = ScoreData.load(x, later);
            ModelStore.RunInfo m = new ModelStore(x).requireRun(model);
            ScoringConfig frozen = ScoringConfig.fromJson(m.scoringMap()).withAsAt(f.get(0).asAt());
            Labels labels = Labels.compute(d, frozen, Scorer.score(d, frozen));
            long followed = 0;
            long escalated = 0;
            try (Statement st = x.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT person_id FROM PUBLICATION_PERSON WHERE publication_id = 1")) {
                while (rs.next()) {
                    int p = d.indexOf(rs.getString(1));
                    if (p >= 0 && labels.escalates(p) != null) {
                        followed++;
                        escalated += labels.escalates(p) ? 1 : 0;
                    }
                }
            }
            assertThat(f.get(0).followed()).isEqualTo(followed).isPositive();
            assertThat(f.get(0).byBand().values().stream().mapToLong(v -> v[1]).sum()).isEqualTo(escalated);
            assertThat(f.get(0).complete()).isTrue();
        }
    }
}
