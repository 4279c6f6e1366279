package org.iomworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench command on a small population: every stage is timed and written as CSV and JSON, the
 * pipeline total is the sum of its six stages, the generated extracts are reused by a second run,
 * and each run's workspace is removed afterwards. The figures themselves are not asserted.
 */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void timesEveryStageAndWritesTheFigures() throws Exception {
        String out = run("bench", "--persons", "2000", "--seed", "3", "--workspace", dir.toString(), "--bootstrap", "50",
                "--rescore-repeats", "3");
        assertThat(out).contains("pipeline (load + link + score + train + predict + publish):", "re-score warm:");
        Path csv = written(out, ".csv");
        Path json = written(out, ".json");

        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(csv)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
        assertThat(rows).extracting(x -> x.get("stage")).containsExactly("generate", "load", "link", "score", "rescore",
                "train", "validate", "predict", "publish", "pipeline");
        double sum = 0;
        for (CSVRecord x : rows) {
            double seconds = Double.parseDouble(x.get("seconds"));
            assertThat(seconds).as(x.get("stage")).isPositive();
            assertThat(Long.parseLong(x.get("items"))).as(x.get("stage")).isPositive();
            assertThat(Double.parseDouble(x.get("peak_heap_mb"))).as(x.get("stage")).isPositive();
            if (List.of("load", "link", "score", "train", "predict", "publish").contains(x.get("stage"))) {
                sum += seconds;
                assertThat(x.get("budget_seconds")).isNotEmpty();
            }
        }
        double pipeline = Double.parseDouble(rows.get(rows.size() - 1).get("seconds"));
        assertThat(pipeline).isCloseTo(sum, org.assertj.core.api.Assertions.within(0.01));
        assertThat(Long.parseLong(rows.get(1).get("items"))).as("rows loaded").isGreaterThan(10_000);

        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("persons").asInt()).isEqualTo(2000);
        assertThat(doc.get("stages")).hasSize(9);
        assertThat(doc.get("machine").get("processors").asInt()).isPositive();
        assertThat(doc.get("pipeline_seconds").asDouble()).isCloseTo(pipeline, org.assertj.core.api.Assertions.within(0.001));
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("extracts-2000-3", "results");
        }

        String again = run("bench", "--persons", "2000", "--seed", "3", "--workspace", dir.toString(), "--bootstrap", "50",
                "--rescore-repeats", "3");
        assertThat(again).contains("reusing " + dir.toAbsolutePath().resolve("extracts-2000-3"));
        assertThat(again).containsPattern("generate +0\\.00 s");
    }

    @Test
    void tooFewPersonsIsBadInput() {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(new String[]{"bench", "--persons", "10", "--workspace", dir.toString()}, new PrintWriter(o),
                new PrintWriter(e));
        assertThat(code).isEqualTo(Cli.BAD_INPUT);
        assertThat(e.toString()).contains("at least 2,000 persons");
    }

    private static Path written(String out, String ext) {
        Matcher m = Pattern.compile("(\\S+\\" + ext + ")\\b").matcher(out.substring(out.lastIndexOf("wrote ")));
        assertThat(m.find()).isTrue();
        return Path.of(m.group(1));
    }

    private static String run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(args, new PrintWriter(o), new PrintWriter(e));
        assertThat(code).as(e.toString()).isZero();
        return o.toString();
    }
}
