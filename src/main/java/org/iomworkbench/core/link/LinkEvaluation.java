package org.iomworkbench.core.link;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.iomworkbench.core.util.WorkbenchException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Linkage accuracy against known answers (a generated folder's {@code truth/person_map.csv}):
 * pairwise precision, recall and F1 over the pairs of records put in one person, and B-cubed
 * precision, recall and F1 (per record: the share of its predicted cluster that is truly its
 * person, and the share of its true person that is in its predicted cluster). Only records present
 * in both are counted.
 */
public record LinkEvaluation(long records, long truePairs, long predictedPairs, long correctPairs, double precision,
                             double recall, double f1, double bcubedPrecision, double bcubedRecall, double bcubedF1) {

    public static LinkEvaluation evaluate(Map<RecordKey, String> predicted, Map<RecordKey, String> truth) {
        Map<String, Long> predSize = new HashMap<>();
        Map<String, Long> trueSize = new HashMap<>();
        Map<String, Long> both = new HashMap<>();
        long records = 0;
        for (Map.Entry<RecordKey, String> e : predicted.entrySet()) {
            String t = truth.get(e.getKey());
            if (t == null) {
                continue;
            }
            records++;
            predSize.merge(e.getValue(), 1L, Long::sum);
            trueSize.merge(t, 1L, Long::sum);
            both.merge(e.getValue() + "\u0000" + t, 1L, Long::sum);
        }
        long predictedPairs = predSize.values().stream().mapToLong(LinkEvaluation::pairs).sum();
        long truePairs = trueSize.values().stream().mapToLong(LinkEvaluation::pairs).sum();
        long correct = both.values().stream().mapToLong(LinkEvaluation::pairs).sum();
        double precision = predictedPairs == 0 ? 1 : (double) correct / predictedPairs;
        double recall = truePairs == 0 ? 1 : (double) correct / truePairs;
        double bp = 0;
        double br = 0;
        for (Map.Entry<RecordKey, String> e : predicted.entrySet()) {
            String t = truth.get(e.getKey());
            if (t == null) {
                continue;
            }
            long overlap = both.get(e.getValue() + "\u0000" + t);
            bp += (double) overlap / predSize.get(e.getValue());
            br += (double) overlap / trueSize.get(t);
        }
        bp = records == 0 ? 1 : bp / records;
        br = records == 0 ? 1 : br / records;
        return new LinkEvaluation(records, truePairs, predictedPairs, correct, precision, recall, f1(precision, recall),
                bp, br, f1(bp, br));
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Reads a {@code person_map.csv} (source, source_person_id, person_id). */
    public static Map<RecordKey, String> readTruth(Path file) {
        Map<RecordKey, String> out = new HashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            for (CSVRecord rec : p) {
                out.put(new RecordKey(rec.get("source").strip().toUpperCase(java.util.Locale.ROOT),
                        rec.get("source_person_id").strip()), rec.get("person_id").strip());
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new WorkbenchException("Cannot read the truth file " + file + ": " + e.getMessage(),
                    "Give a person_map.csv with the columns source, source_person_id, person_id.", true, e);
        }
        return out;
    }
}
