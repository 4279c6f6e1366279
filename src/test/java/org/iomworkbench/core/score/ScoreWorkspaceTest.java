package org.iomworkbench.core.score;

import org.iomworkbench.CliRunning;
import org.iomworkbench.cli.Cli;
import org.iomworkbench.core.audit.AuditEntry;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.generate.ExtractGenerator;
import org.iomworkbench.core.generate.GeneratorParameters;
import org.iomworkbench.core.link.LinkParameters;
import org.iomworkbench.core.link.LinkRun;
import org.iomworkbench.core.load.ExtractLoader;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end: generate or take the bundled sample, load, link, and score with labels through the command line. */
class ScoreWorkspaceTest extends CliRunning {
    @TempDir
    Path tmp;


    static List<Map<String, String>> readCsv(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        return lines.stream().skip(1).map(l -> {
            String[] v = l.split(",", -1);
            Map<String, String> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                m.put(header[i], v[i]);
            }
            return m;
        }).toList();
    }

    /** Everything the layout holds, person by person. */
    static List<String> layout(ScoreData d) {
        List<String> out = new java.util.ArrayList<>();
        for (int p = 0; p < d.persons(); p++) {
            StringBuilder b = new StringBuilder(d.personId(p)).append('|').append(d.sourceIds(p)).append('|')
                    .append(d.offences(p)).append('|').append(d.prisonStays(p)).append("|tests");
            for (int k = d.testFrom(p); k < d.testFrom(p + 1); k++) {
                b.append(' ').append(d.testDay(k)).append(':').append(d.testKind(k));
            }
            b.append("|markers");
            for (int k = d.markerIndexFrom(p); k < d.markerIndexFrom(p + 1); k++) {
                b.append(' ').append(d.markerStartDay(k)).append('-').append(d.markerEndDay(k));
            }
            out.add(b.toString());
        }
        out.add(d.harmIndexVersion() + " " + d.endOfData());
        return out;
    }

    @Test
    void generatedPersonsScoredWithLabelsFillEveryBandAndEscalate() throws Exception {
        GeneratorParameters g = new GeneratorParameters();
        g.persons = 3000;
        g.seed = 17;
        Path extract = tmp.resolve("extract");
        new ExtractGenerator(g, 2).generate(extract, Progress.NONE, Cancellation.none());
        Path wsDir = tmp.resolve("ws");
        try (Workspace ws = Workspace.open(wsDir)) {
            Snapshot s = new ExtractLoader(ws).load(extract, g.end, Progress.NONE, Cancellation.none()).snapshot();
            assertThat(s.id()).isEqualTo(1);
        }
        Path csv = tmp.resolve("scores.csv");
        // not linked yet: bad input, with the way out
        assertThat(run("score", "--workspace", wsDir.toString(), "--out", csv.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(err).contains("has not been linked yet").contains("match and merge");
        try (Workspace ws = Workspace.open(wsDir)) {
            new LinkRun(ws, new LinkParameters()).run(new SnapshotStore(ws).resolve(1), Progress.NONE, Cancellation.none());
            // the layout read with H2's pages handed to the builder from a second thread, or all on one
            Snapshot s = new SnapshotStore(ws).resolve(1);
            ScoreData two = org.iomworkbench.core.util.Parallelism.call(2, () -> ScoreData.load(ws, s));
            ScoreData one = org.iomworkbench.core.util.Parallelism.call(1, () -> ScoreData.load(ws, s));
            assertThat(two.offences()).isGreaterThan(4096); // more than one page
            assertThat(layout(two)).isEqualTo(layout(one));
        }
        // an as-at a year before the end, so that the follow-up year is complete
        assertThat(run("score", "--workspace", wsDir.toString(), "--as-at", "2023-12-31", "--label", "--out", csv.toString()))
                .as(err).isZero();
        assertThat(out).contains("weights estimated at calibration date", "cut-offs (percentiles)", "at risk");
        assertThat(out.lines().filter(l -> l.matches("run: \\d+")).count()).isEqualTo(1);
        List<Map<String, String>> rows = readCsv(csv);
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("person_id,source_ids,in_prison,S,alcohol_crime,alcohol_dependency,"
                + "opiates_positive,cocaine_positive,harm_trend,freq_trend,rfsdi,band,at_risk,escalates,next_crime_group");
        Map<String, Long> bands = rows.stream().collect(Collectors.groupingBy(r -> r.get("band"), Collectors.counting()));
        assertThat(bands.keySet()).containsExactlyInAnyOrder("LOW", "LOW_MEDIUM", "HIGH_MEDIUM", "HIGH", "SUPER_HIGH");
        long escalations = rows.stream().filter(r -> r.get("escalates").equals("1")).count();
        assertThat(escalations).isPositive();
        assertThat(rows.stream().filter(r -> !r.get("next_crime_group").isEmpty()).count()).isPositive();
        assertThat(rows.stream().filter(r -> r.get("at_risk").equals("0")).allMatch(r -> r.get("escalates").isEmpty())).isTrue();
        // numbers round-trip, and the model file beside the CSV pins the same model
        Path json = tmp.resolve("scores.csv.json");
        assertThat(json).exists();
        Path csv2 = tmp.resolve("again.csv");
        assertThat(run("score", "--workspace", wsDir.toString(), "--as-at", "2023-12-31", "--weights", json.toString(),
                "--out", csv2.toString())).as(err).isZero();
        assertThat(out).contains("weights pinned", "cut-offs (file)");
        List<Map<String, String>> rows2 = readCsv(csv2);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows2.get(i).get("rfsdi")).isEqualTo(rows.get(i).get("rfsdi"));
            assertThat(rows2.get(i).get("band")).isEqualTo(rows.get(i).get("band"));
        }
        // stored with its configuration, results and audit entry
        try (Workspace ws = Workspace.open(wsDir)) {
            Snapshot s = new SnapshotStore(ws).resolve(1);
            ScoreStore store = new ScoreStore(ws);
            ScoreStore.Run r1 = store.run(1).orElseThrow();
            assertThat(r1.config()).contains("\"as_at\":\"2023-12-31\"", "\"weights_source\":\"ESTIMATED\"", "harm_index_sha256");
            assertThat(r1.estimate()).contains("dispersion");
            assertThat(store.run(2).orElseThrow().config()).contains("\"weights_source\":\"PINNED\"");
            assertThat(store.resultCount(s, 1)).isEqualTo(rows.size());
            List<AuditEntry> audit = new AuditTrail(ws.connection()).entries();
            assertThat(audit.stream().filter(a -> a.action().equals("score.run")).count()).isEqualTo(2);
            assertThat(new AuditTrail(ws.connection()).verify().intact()).isTrue();
            ws.connection().commit();
        }
        // cut-offs by value, and a bad value
        assertThat(run("score", "--workspace", wsDir.toString(), "--cutoffs", "1,2,3,4", "--out", csv2.toString())).isZero();
        assertThat(out).contains("cut-offs (set): 1.0, 2.0, 3.0, 4.0");
        assertThat(run("score", "--workspace", wsDir.toString(), "--cutoffs", "1,3,2,4", "--out", csv2.toString()))
                .isEqualTo(Cli.BAD_INPUT);
    }

    @Test
    void theBundledSampleFillsEveryBandAndEscalatesInEveryFollowUpYear() throws Exception {
        Path wsDir = tmp.resolve("ws");
        assertThat(run("load", "--workspace", wsDir.toString(), "--extracts", "sample-data", "--extract-date", "2024-12-31"))
                .isZero();
        assertThat(run("link", "--workspace", wsDir.toString())).isZero();
        Path csv = tmp.resolve("sample.csv");
        // default settings: weights estimated at E - 365
        assertThat(run("score", "--workspace", wsDir.toString(), "--label", "--out", csv.toString())).as(err).isZero();
        assertThat(out).contains("weights estimated at calibration date 2024-01-01");
        List<Map<String, String>> rows = readCsv(csv);
        assertThat(rows.stream().map(r -> r.get("band")).distinct())
                .containsExactlyInAnyOrder("LOW", "LOW_MEDIUM", "HIGH_MEDIUM", "HIGH", "SUPER_HIGH");
        // as-at E: the follow-up year passes the end of the data, so labels are empty
        assertThat(rows.stream().allMatch(r -> r.get("escalates").isEmpty() && r.get("next_crime_group").isEmpty())).isTrue();
        try (Workspace ws = Workspace.open(wsDir)) {
            Snapshot s = new SnapshotStore(ws).resolve(null);
            ScoreData d = ScoreData.load(ws, s);
            ScoringConfig cfg = ScoreRun.configure(d, s, new ScoreRun.Request(null, null, null, null, null,
                    null, null, false), null);
            LocalDate end = d.requireEndOfData();
            int years = 0;
            for (LocalDate t = LocalDate.of(2015, 12, 31); !t.plusDays(365).isAfter(end); t = t.plusYears(1)) {
                ScoringConfig at = cfg.withAsAt(t);
                Labels l = Labels.compute(d, at, Scorer.score(d, at));
                assertThat(l.followUpComplete()).isTrue();
                assertThat(l.count(true, Boolean.TRUE)).as("escalations in the year after %s", t).isPositive();
                years++;
            }
            assertThat(years).isGreaterThanOrEqualTo(8);
        }
    }
}
