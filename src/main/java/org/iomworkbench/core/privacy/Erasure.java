package org.iomworkbench.core.privacy;

import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.link.LinkRun;
import org.iomworkbench.core.link.ReviewDecisions;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.score.Labels;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.ScoreStore;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.Scores;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Hashing;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.Workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Erasure of a source record (the right to erasure recorded in the force's impact assessment):
 * its rows are removed from every snapshot that holds it (the person record and the crimes,
 * custody, drug tests, prison and marker rows that name it, and rejected rows quoting its
 * names), each snapshot it touched is linked again and its stored scoring runs scored again with
 * their own configuration, the model predictions and publications of the persons it belonged to
 * are marked, the text files of the workspace (logs, exports) lose every line with its names, and
 * the act is audited with a hash of the record's key, never the erased data. The caller then
 * compacts the database ({@link Workspace#compactAndClose()}).
 */
public final class Erasure {
    private final Workspace workspace;

    public Erasure(Workspace workspace) {
        this.workspace = workspace;
    }

    /** What an erasure did. */
    public record Result(String erasedAt, List<Integer> snapshots, long rowsRemoved, Set<Integer> publications,
                         long textLinesRemoved) {
    }

    public Result erase(String source, String sourcePersonId, Progress progress, Cancellation cancel) {
        String src = source.strip().toUpperCase(Locale.ROOT);
        String id = sourcePersonId.strip();
        String erasedAt = Instant.now().toString();
        List<Integer> touched = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> persons = new LinkedHashSet<>();
        long removed = 0;
        Connection c = workspace.connection();
        try {
            for (Snapshot s : new SnapshotStore(workspace).list()) {
                String x = s.schema();
                long before = removed;
                try (PreparedStatement ps = c.prepareStatement("SELECT surname, forenames FROM " + x
                        + ".NOMINALS WHERE source = ? AND source_person_id = ?")) {
                    ps.setString(1, src);
                    ps.setString(2, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            for (int k = 1; k <= 2; k++) {
                                String n = rs.getString(k);
                                if (n != null && n.strip().length() >= 2) {
                                    names.add(n.strip());
                                }
                            }
                        }
                    }
                }
                if (Workspace.hasTable(c, x, "PERSON_RECORD")) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT person_id FROM " + x
                            + ".PERSON_RECORD WHERE source = ? AND source_person_id = ?")) {
                        ps.setString(1, src);
                        ps.setString(2, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                persons.add(rs.getString(1));
                            }
                        }
                    }
                }
                removed += delete(c, x, "NOMINALS", "source = ? AND source_person_id = ?", src, id);
                if (src.equals("CRIMES")) {
                    removed += delete(c, x, "CRIMES", "source_person_id = ?", id);
                }
                if (src.equals("CUSTODY")) {
                    removed += delete(c, x, "CUSTODY", "source_person_id = ?", id);
                }
                if (src.equals("DIP")) {
                    removed += delete(c, x, "DRUG_TESTS", "source_person_id = ?", id);
                }
                removed += delete(c, x, "PRISON", "source = ? AND source_person_id = ?", src, id);
                removed += delete(c, x, "MARKERS", "source = ? AND source_person_id = ?", src, id);
                for (String n : names) {
                    removed += delete(c, x, "REJECTIONS", "LOWER(cell_value) LIKE ?", "%" + n.toLowerCase(Locale.ROOT) + "%");
                }
                removed += delete(c, x, "REJECTIONS", "cell_value = ?", id);
                if (removed > before) {
                    touched.add(s.id());
                    for (String p : persons) {
                        delete(c, x, "MODEL_PREDICTION", "person_id = ?", p);
                        delete(c, x, "MODEL_TEST_SCORE", "person_id = ?", p);
                    }
                }
            }
            if (touched.isEmpty()) {
                throw new WorkbenchException("No snapshot holds the record " + src + " " + id + ".",
                        "Check the source system and the record's id (as in nominals.csv).", true);
            }
            // the publications that named one of the persons: kept by their hash, marked as no longer reproducible
            Set<Integer> publications = new LinkedHashSet<>();
            if (Workspace.hasTable(c, "PUBLIC", "PUBLICATION_PERSON")) {
                for (String p : persons) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT publication_id FROM PUBLICATION_PERSON WHERE person_id = ?")) {
                        ps.setString(1, p);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                publications.add(rs.getInt(1));
                            }
                        }
                    }
                    // the ledger's copy of what the lists said about them goes too (the publication keeps its hash)
                    delete(c, "PUBLIC", "PUBLICATION_PERSON", "person_id = ?", p);
                }
            }
            // and the lists that left one of them off with a recorded reason: the request names them
            if (Workspace.hasTable(c, "PUBLIC", "PUBLICATION")) {
                try (PreparedStatement ps = c.prepareStatement("SELECT publication_id, request FROM PUBLICATION ORDER BY publication_id");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String req = rs.getString(2);
                        for (String p : persons) {
                            if (req != null && req.contains("\"" + p + "\"")) {
                                publications.add(rs.getInt(1));
                            }
                        }
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS ERASURE(erasure_id INT AUTO_INCREMENT PRIMARY KEY, erased_at VARCHAR NOT NULL, "
                        + "record_sha256 VARCHAR(64) NOT NULL)");
                st.execute("CREATE TABLE IF NOT EXISTS ERASED_PUBLICATION(publication_id INT NOT NULL, erased_at VARCHAR NOT NULL)");
            }
            String key = Hashing.sha256(src + ":" + id);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ERASURE(erased_at, record_sha256) VALUES (?, ?)")) {
                ps.setString(1, erasedAt);
                ps.setString(2, key);
                ps.executeUpdate();
            }
            for (int p : publications) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ERASED_PUBLICATION(publication_id, erased_at) VALUES (?, ?)")) {
                    ps.setInt(1, p);
                    ps.setString(2, erasedAt);
                    ps.executeUpdate();
                }
                // a stored request names people left off by id, with a reason: a reason for an erased person goes
                try (PreparedStatement ps = c.prepareStatement("SELECT request FROM PUBLICATION WHERE publication_id = ?")) {
                    ps.setInt(1, p);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            String req = rs.getString(1);
                            String redacted = req;
                            for (String person : persons) {
                                redacted = redacted.replaceAll("\"" + person + "\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"",
                                        "\"" + person + "\" : \"[erased]\"");
                            }
                            if (!redacted.equals(req)) {
                                try (PreparedStatement u = c.prepareStatement("UPDATE PUBLICATION SET request = ? WHERE publication_id = ?")) {
                                    u.setString(1, redacted);
                                    u.setInt(2, p);
                                    u.executeUpdate();
                                }
                            }
                        }
                    }
                }
            }
            new AuditTrail(c).append("erase", "record.erased", AuditTrail.details("record_sha256", key, "source", src,
                    "snapshots", touched.toString(), "rows_removed", removed, "publications_marked", publications.toString()));
            c.commit();
            // then what depends on the records: persons, scores
            for (int sid : touched) {
                cancel.check();
                Snapshot s = new SnapshotStore(workspace).resolve(sid);
                if (Workspace.hasTable(c, s.schema(), "PERSON")) {
                    progress.update("Linking snapshot " + sid + " again", 0, -1);
                    // with the snapshot's own link settings, so that nothing else about its persons changes
                    new LinkRun(workspace, ReviewDecisions.parameters(c, s)).run(s, Progress.NONE, cancel);
                    rescore(c, s);
                }
            }
            long lines = redactTextFiles(names);
            return new Result(erasedAt, touched, removed, publications, lines);
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the original failure is what matters
            }
            throw WorkbenchException.database(e);
        }
    }

    /** Scores each stored scoring run of the snapshot again, with its own configuration, on the new persons. */
    private void rescore(Connection c, Snapshot s) throws SQLException {
        if (!Workspace.hasTable(c, "PUBLIC", "SCORE_RUN")) {
            return;
        }
        List<int[]> runs = new ArrayList<>();
        List<String> configs = new ArrayList<>();
        List<Boolean> labelled = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id, config, labels FROM SCORE_RUN WHERE snapshot_id = ?")) {
            ps.setInt(1, s.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(new int[]{rs.getInt(1)});
                    configs.add(rs.getString(2));
                    labelled.add(rs.getBoolean(3));
                }
            }
        }
        if (runs.isEmpty()) {
            return;
        }
        ScoreData d = ScoreData.load(workspace, s);
        ScoreStore store = new ScoreStore(workspace);
        for (int k = 0; k < runs.size(); k++) {
            Map<String, Object> cfgJson;
            try {
                cfgJson = new com.fasterxml.jackson.databind.ObjectMapper().readValue(configs.get(k),
                        new com.fasterxml.jackson.core.type.TypeReference<>() { });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            ScoringConfig cfg = ScoringConfig.fromJson(cfgJson);
            Scores scores = Scorer.score(d, cfg);
            Labels labels = labelled.get(k) ? Labels.compute(d, cfg, scores) : null;
            store.replaceResults(s, runs.get(k)[0], d, scores, labels);
            new AuditTrail(c).append("erase", "score.rescored", AuditTrail.details("run", runs.get(k)[0], "snapshot", s.id(),
                    "persons", d.persons(), "reason", "erasure"));
        }
        c.commit();
    }

    /** Removes every line that holds one of the names (any letter case) from the workspace's text files. */
    private long redactTextFiles(Set<String> names) {
        if (names.isEmpty()) {
            return 0;
        }
        long removed = 0;
        for (String folder : List.of("logs", "exports")) {
            Path dir = workspace.dir().resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var walk = Files.walk(dir)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    String text;
                    try {
                        text = Files.readString(f, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        continue; // not text
                    }
                    StringBuilder kept = new StringBuilder();
                    boolean changed = false;
                    for (String line : text.split("(?<=\n)")) {
                        String lower = line.toLowerCase(Locale.ROOT);
                        if (names.stream().anyMatch(n -> lower.contains(n.toLowerCase(Locale.ROOT)))) {
                            changed = true;
                            removed++;
                        } else {
                            kept.append(line);
                        }
                    }
                    if (changed) {
                        Files.writeString(f, kept.toString(), StandardCharsets.UTF_8);
                    }
                }
            } catch (IOException e) {
                throw new WorkbenchException("The workspace's " + folder + " could not be cleaned: " + e.getMessage(),
                        "Check the folder's permissions and erase again.", false);
            }
        }
        return removed;
    }

    private static long delete(Connection c, String schema, String table, String where, String... args) throws SQLException {
        if (!Workspace.hasTable(c, schema, table)) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + schema + "." + table + " WHERE " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

}
