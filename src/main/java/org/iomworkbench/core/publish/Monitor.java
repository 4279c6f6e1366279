package org.iomworkbench.core.publish;

import com.fasterxml.jackson.core.type.TypeReference;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.model.ModelStore;
import org.iomworkbench.core.model.eval.Bootstrap;
import org.iomworkbench.core.model.eval.Calibration;
import org.iomworkbench.core.model.eval.Confusion;
import org.iomworkbench.core.score.Labels;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.ScoreStore;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.Scores;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.TableScan;
import org.iomworkbench.core.workspace.Workspace;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The beta test of published lists against what happens: for each publication, once a later
 * snapshot holds the months after its date, the people the list named are followed in that
 * snapshot (by person id, with the model run's frozen scoring configuration) and what they did
 * is set beside what the list said: realised escalation by band and by predicted probability,
 * the achieved specificity at the model's threshold with its interval, and calibration.
 */
public final class Monitor {
    private final Workspace workspace;

    public Monitor(Workspace workspace) {
        this.workspace = workspace;
    }

    /** One publication followed up. */
    public record Followed(int publication, LocalDate asAt, Integer laterSnapshot, long followUpDays, boolean complete,
                           long people, long followed, Map<String, long[]> byBand, Map<String, Object> model) {
    }

    public List<Followed> run() {
        List<Followed> out = new ArrayList<>();
        Connection c = workspace.connection();
        List<int[]> pubs = new ArrayList<>();
        try {
            Publisher.ensureTables(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT publication_id, snapshot_id, scores_run, model_run FROM "
                    + "PUBLICATION ORDER BY publication_id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pubs.add(new int[]{rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)});
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
        List<Snapshot> snapshots = new SnapshotStore(workspace).list();
        for (int[] p : pubs) {
            out.add(follow(p[0], p[1], p[2], p[3], snapshots));
        }
        return out;
    }

    private Followed follow(int pub, int snapshotId, int scoresRun, int modelRun, List<Snapshot> snapshots) {
        ScoreStore.Run sr = new ScoreStore(workspace).run(scoresRun).orElseThrow();
        Map<String, Object> cfgJson;
        try {
            cfgJson = Publisher.JSON.readValue(sr.config(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        LocalDate asAt = LocalDate.parse((String) cfgJson.get("as_at"));
        // the person ids and what the list said of them
        Map<String, Object[]> listed = new LinkedHashMap<>();
        Connection c = workspace.connection();
        try {
            TableScan.byKey(c, "person_id, band, p_escalate", "PUBLICATION_PERSON", "publication_id = ?", "publication_id",
                    "person_id", new Object[] {pub}, rs -> {
                        double v = rs.getDouble(3);
                        listed.put(rs.getString(1), new Object[]{rs.getString(2), rs.wasNull() ? null : v});
                    });
            c.commit();
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
        Snapshot later = null;
        for (Snapshot s : snapshots) {
            if (s.id() > snapshotId && (later == null || s.id() > later.id())) {
                later = s;
            }
        }
        if (later == null) {
            return new Followed(pub, asAt, null, 0, false, listed.size(), 0, Map.of(), Map.of());
        }
        ScoreData d;
        try {
            d = ScoreData.loadShared(workspace, later);
        } catch (WorkbenchException e) {
            return new Followed(pub, asAt, later.id(), 0, false, listed.size(), 0, Map.of(), Map.of("note", e.getMessage()));
        }
        LocalDate end = d.requireEndOfData();
        long days = Math.min(365, ChronoUnit.DAYS.between(asAt, end));
        if (days <= 0) {
            return new Followed(pub, asAt, later.id(), 0, false, listed.size(), 0, Map.of(), Map.of());
        }
        ModelStore.RunInfo m = new ModelStore(workspace).requireRun(modelRun);
        ScoringConfig frozen = ScoringConfig.fromJson(m.scoringMap()).withAsAt(asAt);
        Scores scores = Scorer.score(d, frozen);
        Labels labels = Labels.compute(d, frozen, scores, (int) days);
        Map<String, long[]> byBand = new LinkedHashMap<>();
        List<Double> ps = new ArrayList<>();
        List<Boolean> ys = new ArrayList<>();
        long followed = 0;
        for (Map.Entry<String, Object[]> e : listed.entrySet()) {
            int p = d.indexOf(e.getKey());
            if (p < 0 || labels.escalates(p) == null) {
                continue;
            }
            followed++;
            boolean y = labels.escalates(p);
            long[] b = byBand.computeIfAbsent((String) e.getValue()[0], k -> new long[2]);
            b[0]++;
            if (y) {
                b[1]++;
            }
            if (e.getValue()[1] != null) {
                ps.add((Double) e.getValue()[1]);
                ys.add(y);
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        if (!ps.isEmpty()) {
            double[] pv = ps.stream().mapToDouble(Double::doubleValue).toArray();
            boolean[] yv = new boolean[ys.size()];
            for (int i = 0; i < yv.length; i++) {
                yv[i] = ys.get(i);
            }
            Map<String, Object> models = m.metricsMap();
            Object t = ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) models.get("escalation")).get("models")).get(m.chosen())).get("threshold");
            double threshold = t instanceof Number n ? n.doubleValue() : Double.POSITIVE_INFINITY;
            Confusion conf = Confusion.at(pv, yv, threshold);
            Bootstrap.Result b = Bootstrap.run(pv, yv, threshold, 0.95, 1000, 20240601L);
            model.put("people", pv.length);
            model.put("threshold", threshold);
            model.put("confusion", conf.toJson());
            model.put("specificity", conf.specificity());
            model.put("specificity_ci", List.of(b.specificity().lo(), b.specificity().hi()));
            model.put("sensitivity", conf.sensitivity());
            model.put("ppv", conf.ppv());
            model.put("mean_predicted", java.util.Arrays.stream(pv).average().orElse(Double.NaN));
            model.put("observed_rate", (double) ys.stream().filter(x -> x).count() / ys.size());
            model.put("ece", Calibration.ece(pv, yv, 10));
        }
        return new Followed(pub, asAt, later.id(), days, days >= 365, listed.size(), followed, byBand, model);
    }
}
