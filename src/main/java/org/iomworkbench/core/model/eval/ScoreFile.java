package org.iomworkbench.core.model.eval;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.iomworkbench.core.util.WorkbenchException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV of scores to evaluate (a force's existing score, a model's predictions): a header row, a
 * score column (a number; higher means more likely), a label column (1/0, true/false, yes/no,
 * Y/N), and any group columns. Rows without a readable score or label are skipped and counted.
 */
public record ScoreFile(double[] score, boolean[] label, List<String> groupColumns, List<String[]> groups, long skipped,
                        List<Long> skippedLines, List<String> columns) {

    public static ScoreFile read(Path file, String scoreColumn, String labelColumn, List<String> groupColumns) {
        List<Double> scores = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        for (int k = 0; k < groupColumns.size(); k++) {
            groups.add(new ArrayList<>());
        }
        long skipped = 0;
        List<Long> lines = new ArrayList<>();
        List<String> columns;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                     .get().parse(r)) {
            Map<String, Integer> header = new java.util.LinkedHashMap<>();
            p.getHeaderMap().forEach((k, v) -> header.put(k.startsWith("\uFEFF") ? k.substring(1) : k, v));
            columns = List.copyOf(header.keySet());
            List<String> needed = new ArrayList<>(List.of(scoreColumn, labelColumn));
            needed.addAll(groupColumns);
            for (String c : needed) {
                if (!header.containsKey(c)) {
                    throw new WorkbenchException("The file " + file + " has no column '" + c + "'.",
                            "Its columns are: " + String.join(", ", header.keySet()) + ".", true);
                }
            }
            for (CSVRecord rec : p) {
                Double s = parseScore(get(rec, header, scoreColumn));
                Boolean y = parseLabel(get(rec, header, labelColumn));
                if (s == null || y == null) {
                    skipped++;
                    if (lines.size() < 5) {
                        lines.add(rec.getRecordNumber() + 1);
                    }
                    continue;
                }
                scores.add(s);
                labels.add(y);
                for (int k = 0; k < groupColumns.size(); k++) {
                    groups.get(k).add(get(rec, header, groupColumns.get(k)));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new WorkbenchException("The file " + file + " could not be read as CSV: " + e.getMessage(),
                    "Give a CSV file with a header row.", true);
        }
        double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] y = new boolean[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }
        return new ScoreFile(s, y, List.copyOf(groupColumns), groups.stream().map(l -> l.toArray(String[]::new)).toList(),
                skipped, List.copyOf(lines), columns);
    }

    private static String get(CSVRecord rec, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        return i == null || i >= rec.size() ? "" : rec.get(i).strip();
    }

    public static Double parseScore(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static Boolean parseLabel(String v) {
        if (v == null) {
            return null;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "1", "1.0", "true", "yes", "y", "t" -> true;
            case "0", "0.0", "false", "no", "n", "f" -> false;
            default -> null;
        };
    }
}
