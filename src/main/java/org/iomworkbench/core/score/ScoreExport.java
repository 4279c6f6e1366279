package org.iomworkbench.core.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.iomworkbench.core.util.WorkbenchException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a scoring: the per-person CSV, and the model file beside it ({@code FILE.csv.json})
 * with the calibration date, weights (with intervals when estimated), cut-offs and parameters,
 * in the shape that {@link #readModelFile} reads back to pin them.
 */
public final class ScoreExport {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final List<String> COLUMNS = List.of("person_id", "source_ids", "in_prison", "S", "alcohol_crime",
            "alcohol_dependency", "opiates_positive", "cocaine_positive", "harm_trend", "freq_trend", "rfsdi", "band");
    public static final List<String> LABEL_COLUMNS = List.of("at_risk", "escalates", "next_crime_group");

    private ScoreExport() {
    }

    /** What a model file pins: weights, and the calibration date and cut-offs when it has them. */
    public record ModelFile(LocalDate calibrationDate, Weights weights, Cutoffs cutoffs) {
    }

    /** Writes one row per person, in person order; numbers round-trip ({@link Double#toString}). */
    public static void writeCsv(ScoreData d, Scores s, Labels labels, Path out) {
        try {
            createParent(out);
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                List<String> header = new ArrayList<>(COLUMNS);
                if (labels != null) {
                    header.addAll(LABEL_COLUMNS);
                }
                w.write(String.join(",", header));
                w.write("\r\n");
                StringBuilder sb = new StringBuilder(256);
                for (int p = 0; p < d.persons; p++) {
                    sb.setLength(0);
                    sb.append(csv(d.personId[p])).append(',').append(csv(d.sourceIds[p])).append(',')
                            .append(s.inPrison[p]).append(',').append(Double.toString(s.s[p])).append(',')
                            .append(s.alcoholCrime[p]).append(',').append(s.alcoholDependency[p]).append(',')
                            .append(s.opiatesPositive[p]).append(',').append(s.cocainePositive[p]).append(',')
                            .append(s.harmTrend[p]).append(',').append(s.freqTrend[p]).append(',')
                            .append(Double.toString(s.rfsdi[p])).append(',')
                            .append(s.band[p] < 0 ? "" : Band.of(s.band[p]).name());
                    if (labels != null) {
                        sb.append(',').append(labels.atRisk[p]).append(',')
                                .append(labels.escalates[p] < 0 ? "" : Byte.toString(labels.escalates[p])).append(',')
                                .append(labels.nextCrimeGroup[p] == null ? "" : csv(labels.nextCrimeGroup[p]));
                    }
                    sb.append("\r\n");
                    w.write(sb.toString());
                }
            }
        } catch (IOException e) {
            throw cannotWrite(out, e);
        }
    }

    private static String csv(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    /** The model file's content: configuration, weights, cut-offs, and the fit when the weights were estimated. */
    public static Map<String, Object> modelJson(ScoringConfig cfg, WeightEstimator.Estimate est, Integer runId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("calibration_date", cfg.calibrationDate().toString());
        m.put("weights", cfg.weights().toMap());
        m.put("cutoffs", cfg.cutoffs().toList());
        m.put("weights_source", cfg.weightsSource().name());
        m.put("cutoffs_source", cfg.cutoffsSource().name());
        if (est != null) {
            Map<String, Object> fit = est.toJson();
            m.put("intervals", fit.get("intervals"));
            m.put("counts", fit.get("counts"));
            m.put("dropped", fit.get("dropped"));
            m.put("fit", fit);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("as_at", cfg.asAt().toString());
        params.put("half_life_days", cfg.halfLifeDays());
        params.put("lookback_days", cfg.lookbackDays());
        params.put("window_days", cfg.windowDays());
        m.put("parameters", params);
        if (runId != null) {
            m.put("run", runId);
        }
        m.put("config", cfg.toJson());
        return m;
    }

    public static void writeJson(Map<String, Object> content, Path out) {
        try {
            createParent(out);
            JSON.writeValue(out.toFile(), content);
        } catch (IOException e) {
            throw cannotWrite(out, e);
        }
    }

    public static String json(Object o) {
        try {
            return new ObjectMapper().writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a model file: {@code weights} (all six, each > 0) required; {@code calibration_date} and {@code cutoffs} optional. */
    public static ModelFile readModelFile(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw bad(file, "it cannot be read as JSON (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw bad(file, "it is not a JSON object");
        }
        JsonNode w = root.get("weights");
        if (w == null || !w.isObject()) {
            throw bad(file, "it has no \"weights\" object");
        }
        double[] values = new double[6];
        for (int k = 0; k < 6; k++) {
            JsonNode v = w.get(Weights.KEYS.get(k));
            if (v == null || !v.isNumber()) {
                throw bad(file, "weight \"" + Weights.KEYS.get(k) + "\" is missing or not a number");
            }
            values[k] = v.asDouble();
            if (!(values[k] > 0) || !Double.isFinite(values[k])) {
                throw bad(file, "weight \"" + Weights.KEYS.get(k) + "\" must be greater than 0");
            }
        }
        LocalDate cal = null;
        JsonNode c = root.get("calibration_date");
        if (c != null && !c.isNull()) {
            try {
                cal = LocalDate.parse(c.asText());
            } catch (DateTimeParseException e) {
                throw bad(file, "calibration_date '" + c.asText() + "' is not a yyyy-MM-dd date");
            }
        }
        Cutoffs cutoffs = null;
        JsonNode cu = root.get("cutoffs");
        if (cu != null && !cu.isNull()) {
            if (!cu.isArray() || cu.size() != 4) {
                throw bad(file, "\"cutoffs\" must be a list of four numbers");
            }
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) {
                if (!cu.get(i).isNumber()) {
                    throw bad(file, "\"cutoffs\" must be a list of four numbers");
                }
                v[i] = cu.get(i).asDouble();
            }
            try {
                cutoffs = new Cutoffs(v[0], v[1], v[2], v[3]);
            } catch (IllegalArgumentException e) {
                throw bad(file, e.getMessage());
            }
        }
        return new ModelFile(cal, Weights.of(values), cutoffs);
    }

    private static WorkbenchException bad(Path file, String why) {
        return new WorkbenchException("The weights file " + file + " cannot be used: " + why + ".",
                "Give a file written by an earlier score run (FILE.csv.json).", true);
    }

    private static void createParent(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static WorkbenchException cannotWrite(Path out, IOException e) {
        return new WorkbenchException("Cannot write " + out + ": " + e.getMessage(),
                "Choose a file in a folder you can write to.", true, e);
    }
}
