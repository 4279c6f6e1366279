package org.iomworkbench.core.model.data;

import org.iomworkbench.Fixtures;
import org.iomworkbench.core.generate.GeneratorParameters;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.score.Labels;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.ScoreRun;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.Scores;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated extract, loaded and linked into H2: the data read back, and the out-of-time sets at
 * T_train, T_valid and T_test (E − 3, 2, 1 years) under the configuration calibrated a year
 * before T_train and frozen. Prints sizes and base rates.
 */
class ModelDatasetWorkspaceTest {
    @TempDir
    Path tmp;

    @Test
    void outOfTimeSetsOnAGeneratedWorkspace() {
        Path extract = tmp.resolve("extract");
        GeneratorParameters g = Fixtures.generatedExtract(extract, 5000, 11);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Snapshot snapshot = Fixtures.loadAndLink(ws, extract, g.end);
            long l0 = System.nanoTime();
            ModelData md = ModelData.load(ws, snapshot);
            double loadSeconds = (System.nanoTime() - l0) / 1e9;
            ScoreData d = md.score();

            // what was read: the score's persons, with dates of birth, genders, ethnicity and custody
            assertThat(md.persons()).isEqualTo(d.persons()).isGreaterThan(1000);
            long withDob = java.util.stream.IntStream.range(0, md.persons()).filter(p -> md.dateOfBirth(p) != ModelData.NO_DATE).count();
            long withEthnicity = java.util.stream.IntStream.range(0, md.persons()).filter(p -> md.auditEthnicity(p) != null).count();
            long men = java.util.stream.IntStream.range(0, md.persons()).filter(p -> md.gender(p) == 'M').count();
            assertThat(withDob).isGreaterThan(md.persons() * 8L / 10);
            assertThat(withEthnicity).isPositive();
            assertThat(men).isPositive().isLessThan(md.persons());
            assertThat(md.custodyArrests()).isPositive();
            for (int p = 0; p < md.persons(); p++) {
                for (int k = md.custodyFrom(p) + 1; k < md.custodyFrom(p + 1); k++) {
                    assertThat(md.custodyDay(k)).isGreaterThanOrEqualTo(md.custodyDay(k - 1));
                }
            }
            // each person's arrests are those of the custody rows of the person's CUSTODY records,
            // as SQL joins them
            assertThat(custodyByJoin(ws, snapshot, d)).isEqualTo(custodyAsRead(md));

            LocalDate end = d.requireEndOfData();
            LocalDate test = end.minusDays(365);
            LocalDate valid = test.minusDays(365);
            LocalDate train = valid.minusDays(365);
            LocalDate t0 = train.minusDays(365);
            ScoringConfig frozen = ScoreRun.configure(d, snapshot,
                    new ScoreRun.Request(train, t0, null, null, null, null, null, false), null);
            assertThat(frozen.calibrationDate()).isEqualTo(t0);
            Features f = Features.of(d, frozen, false);
            assertThat(f.names()).noneMatch(n -> n.contains("ethnic") || n.contains("postcode") || n.contains("gender"));
            assertThat(Features.of(d, frozen, true).names()).contains("gender_m", "gender_f")
                    .noneMatch(n -> n.contains("ethnic"));

            StringBuilder report = new StringBuilder(String.format("generated workspace: %,d persons, %,d offences, E = %s, "
                    + "T0 = %s; ModelData.load %.2f s%n", d.persons(), d.offences(), end, t0, loadSeconds));
            Set<String> violent = Outcomes.DEFAULT_VIOLENT_GROUPS;
            double[] escalationRate = new double[3];
            LocalDate[] dates = {train, valid, test};
            String[] label = {"train", "valid", "test"};
            for (int i = 0; i < 3; i++) {
                long b0 = System.nanoTime();
                ModelDataset esc = ModelDataset.labelled(md, frozen, dates[i], f, ModelDataset.Labelling.of(Outcome.ESCALATION));
                double seconds = (System.nanoTime() - b0) / 1e9;
                ModelDataset any = ModelDataset.labelled(md, frozen, dates[i], f, ModelDataset.Labelling.of(Outcome.ANY_OFFENCE));
                ModelDataset vio = ModelDataset.labelled(md, frozen, dates[i], f,
                        new ModelDataset.Labelling(Outcome.VIOLENT_OFFENCE, 365, violent, 0.5));
                ModelDataset noExclusion = ModelDataset.labelled(md, frozen, dates[i], f,
                        new ModelDataset.Labelling(Outcome.ESCALATION, 365, violent, 1.0));
                report.append(String.format("  %s %s: %,d at risk, %,d rows, %,d out for prison; base rates: escalation "
                                + "%.3f, any offence %.3f, violent offence %.3f; with next offence %,d; built in %.3f s%n",
                        label[i], dates[i], esc.atRisk(), esc.size(), esc.excludedPrison(), esc.baseRate(), any.baseRate(),
                        vio.baseRate(), Arrays.stream(esc.nextGroup()).filter(x -> x >= 0).count(), seconds));
                escalationRate[i] = esc.baseRate();
                System.out.print(report);
                report.setLength(0);

                assertThat(esc.followUpComplete()).isTrue();
                assertThat(esc.unknownFollowUp()).isZero();
                assertThat(esc.size()).isGreaterThan(500);
                assertThat(esc.size() + esc.excludedPrison()).isEqualTo(esc.atRisk());
                assertThat(noExclusion.size()).isEqualTo(esc.atRisk());
                assertThat(esc.baseRate()).as("escalation base rate at " + label[i]).isBetween(0.005, 0.40);
                assertThat(any.baseRate()).isGreaterThan(esc.baseRate()).isLessThan(0.98);
                assertThat(vio.baseRate()).isPositive().isLessThan(any.baseRate());
                assertThat(Arrays.stream(esc.band()).allMatch(b -> b <= 2)).as("bands at T below HIGH").isTrue();
                assertThat(Arrays.stream(esc.x()).allMatch(row -> row.length == f.count()
                        && Arrays.stream(row).allMatch(Double::isFinite))).as("finite inputs").isTrue();
                assertThat(new HashSet<>(Arrays.asList(esc.auditAgeBand()))).isSubsetOf(ModelData.AGE_BANDS);
                assertThat(esc.auditEthnicity()).doesNotContainNull();
                // the escalation labels are Labels' at the default horizon
                ScoringConfig at = frozen.withAsAt(dates[i]);
                Scores s = Scorer.score(d, at);
                Labels labels = Labels.compute(d, at, s);
                for (int r = 0; r < esc.size(); r++) {
                    int p = esc.person(r);
                    assertThat(esc.y()[r]).isEqualTo(labels.escalates(p));
                    String next = labels.nextCrimeGroup(p);
                    assertThat(esc.nextGroup()[r]).isEqualTo(next == null ? -1 : esc.groups().indexOf(next));
                }
                // the persons of a prediction set at the same date are all those at risk
                ModelDataset pred = ModelDataset.forPrediction(md, frozen, dates[i], f);
                assertThat(pred.size()).isEqualTo(esc.atRisk());
            }
            // at E nothing is known: every person at risk is unknown, none is a negative
            ModelDataset atEnd = ModelDataset.labelled(md, frozen, end, f, ModelDataset.Labelling.of(Outcome.ESCALATION));
            ModelDataset predict = ModelDataset.forPrediction(md, frozen, end, f);
            report.append(String.format("  at E %s: %,d at risk, all unknown; prediction set %,d rows%n", end,
                    atEnd.atRisk(), predict.size()));
            System.out.print(report);
            assertThat(atEnd.size()).isZero();
            assertThat(atEnd.unknownFollowUp()).isEqualTo(atEnd.atRisk()).isPositive();
            assertThat(predict.size()).isEqualTo(atEnd.atRisk());
            assertThat(List.of(escalationRate[0], escalationRate[1], escalationRate[2])).allMatch(x -> x > 0);
        }
    }

    /** "person id:epoch day" of every arrest, sorted, by a join of CUSTODY to PERSON_RECORD. */
    private static List<String> custodyByJoin(Workspace ws, Snapshot s, ScoreData d) {
        List<String> out = new java.util.ArrayList<>();
        try (java.sql.Statement st = ws.connection().createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT r.person_id, c.arrest_date FROM " + s.schema() + ".CUSTODY c JOIN "
                     + s.schema() + ".PERSON_RECORD r ON r.source = 'CUSTODY' AND r.source_person_id = c.source_person_id")) {
            while (rs.next()) {
                LocalDate day = rs.getObject(2, LocalDate.class);
                if (day != null && d.indexOf(rs.getString(1)) >= 0) {
                    out.add(rs.getString(1) + ":" + day.toEpochDay());
                }
            }
            ws.connection().commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        out.sort(null);
        return out;
    }

    private static List<String> custodyAsRead(ModelData md) {
        List<String> out = new java.util.ArrayList<>();
        for (int p = 0; p < md.persons(); p++) {
            for (int k = md.custodyFrom(p); k < md.custodyFrom(p + 1); k++) {
                out.add(md.score().personId(p) + ":" + md.custodyDay(k));
            }
        }
        out.sort(null);
        return out;
    }
}
