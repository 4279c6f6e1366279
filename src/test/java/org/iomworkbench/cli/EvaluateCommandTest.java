package org.iomworkbench.cli;

import org.iomworkbench.CliRunning;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code evaluate} on hand-made CSVs, against figures worked out by hand. */
class EvaluateCommandTest extends CliRunning {
    @TempDir
    Path tmp;


    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void probabilitiesWithTheDefaultThresholdAndGroups() throws Exception {
        Path csv = tmp.resolve("p.csv");
        // 8 rows; scores in [0, 1]; threshold 0.5
        Files.writeString(csv, """
                id,score,label,sex
                1,0.9,1,F
                2,0.8,0,F
                3,0.6,1,M
                4,0.5,0,M
                5,0.5,1,M
                6,0.2,0,F
                7,0.1,0,M
                8,,1,M
                """);
        assertThat(run("evaluate", "--predictions", csv.toString(), "--score-column", "score", "--label-column", "label",
                "--group-column", "sex", "--out", tmp.resolve("o").toString())).as(err).isZero();
        Map<String, Object> m = new ObjectMapper().readValue(tmp.resolve("o/metrics.json").toFile(), Map.class);
        assertThat(m.get("n")).isEqualTo(7);
        assertThat(m.get("n_skipped")).isEqualTo(1);
        assertThat(((Number) m.get("base_rate")).doubleValue()).isCloseTo(3.0 / 7, within(1e-15));
        // positives 0.9, 0.6, 0.5; negatives 0.8, 0.5, 0.2, 0.1: wins 4 + 3 + (2 + ½) = 9.5 of 12
        assertThat(((Number) m.get("auc")).doubleValue()).isCloseTo(9.5 / 12, within(1e-15));
        assertThat(((Number) m.get("threshold")).doubleValue()).isEqualTo(0.5);
        assertThat(m.get("confusion")).isEqualTo(Map.of("tp", 3, "fp", 2, "tn", 2, "fn", 0));
        assertThat(((Number) m.get("specificity")).doubleValue()).isEqualTo(0.5);
        assertThat(((Number) m.get("sensitivity")).doubleValue()).isEqualTo(1.0);
        assertThat(((Number) m.get("ppv")).doubleValue()).isEqualTo(0.6);
        assertThat(((Number) m.get("npv")).doubleValue()).isEqualTo(1.0);
        double brier = (0.01 + 0.64 + 0.16 + 0.25 + 0.25 + 0.04 + 0.01) / 7;
        assertThat(((Number) m.get("brier")).doubleValue()).isCloseTo(brier, within(1e-15));
        Map<String, Object> f = map(map(map(m.get("groups")).get("sex")).get("F"));
        // F: 0.9/1 tp, 0.8/0 fp, 0.2/0 tn
        assertThat(f.get("n")).isEqualTo(3);
        assertThat(((Number) f.get("fpr")).doubleValue()).isEqualTo(0.5);
        assertThat(((Number) f.get("fnr")).doubleValue()).isEqualTo(0.0);
        assertThat(((Number) f.get("npv")).doubleValue()).isEqualTo(1.0);
        assertThat(((Number) f.get("auc")).doubleValue()).isEqualTo(1.0);
        assertThat(f.get("too_small")).isEqualTo(true);
        // the report: one self-contained page with every section
        String html = Files.readString(tmp.resolve("o/report.html"));
        for (String section : org.iomworkbench.core.model.eval.ValidationReport.SECTIONS) {
            assertThat(html).contains("<h2>" + section + "</h2>");
        }
        assertThat(html).contains("<svg", "<h3>sex</h3>").doesNotContain("<script", "http://", "https://");
    }

    @Test
    void aScoreOutsideZeroToOneNeedsAThresholdHasNoBrierAndUndefinedRatesAreNull() throws Exception {
        Path csv = tmp.resolve("s.csv");
        Files.writeString(csv, "score,y\n12,no\n30,yes\n7,no\n");
        assertThat(run("evaluate", "--predictions", csv.toString(), "--score-column", "score", "--label-column", "y",
                "--out", tmp.resolve("o").toString())).isEqualTo(2);
        assertThat(err).contains("threshold");
        assertThat(run("evaluate", "--predictions", csv.toString(), "--score-column", "score", "--label-column", "y",
                "--threshold", "100", "--out", tmp.resolve("o").toString())).as(err).isZero();
        Map<String, Object> m = new ObjectMapper().readValue(tmp.resolve("o/metrics.json").toFile(), Map.class);
        assertThat(m).doesNotContainKey("brier");
        assertThat(m.get("ppv")).isNull(); // nobody flagged
        assertThat(((Number) m.get("auc")).doubleValue()).isEqualTo(1.0);
        assertThat(run("evaluate", "--predictions", csv.toString(), "--score-column", "nope", "--label-column", "y",
                "--threshold", "1", "--out", tmp.resolve("o").toString())).isEqualTo(2);
        assertThat(err).contains("no column 'nope'");
    }
}
