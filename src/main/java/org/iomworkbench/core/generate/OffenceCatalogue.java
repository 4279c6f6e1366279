package org.iomworkbench.core.generate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The offence codes, their crime groups, harm values and national frequencies, read from the
 * public Cambridge Crime Harm Index table that the workbench bundles (the same rows as
 * {@code shared/data/reference/cchi_subgroups.csv}).
 */
final class OffenceCatalogue {
    static final String RESOURCE = "/org/iomworkbench/core/load/default_harm_index.csv";
    static final List<String> GROUPS = List.of("VIOLENCE", "ROBBERY", "BURGLARY", "THEFT", "DRUGS", "CRIMINAL_DAMAGE",
            "SEXUAL", "PUBLIC_ORDER", "WEAPONS", "VEHICLE", "FRAUD", "OTHER");

    final String[] code;
    final String[] description;
    final String[] group;
    final int[] groupIndex;
    /** harm_days exactly as written in the table. */
    final String[] harmText;
    final double[] harm;
    /** Each code's share of the national count. */
    final double[] nationalShare;
    final boolean[] alcoholType;
    final boolean[] drugType;
    final boolean[] drugTestTrigger;

    private OffenceCatalogue(List<CSVRecord> rows) {
        int n = rows.size();
        code = new String[n];
        description = new String[n];
        group = new String[n];
        groupIndex = new int[n];
        harmText = new String[n];
        harm = new double[n];
        nationalShare = new double[n];
        alcoholType = new boolean[n];
        drugType = new boolean[n];
        drugTestTrigger = new boolean[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            CSVRecord r = rows.get(i);
            code[i] = r.get("offence_code");
            description[i] = r.get("description");
            group[i] = r.get("crime_group");
            groupIndex[i] = GROUPS.indexOf(group[i]);
            if (groupIndex[i] < 0) {
                throw new IllegalStateException("unknown crime group " + group[i]);
            }
            harmText[i] = r.get("harm_days");
            harm[i] = Double.parseDouble(harmText[i]);
            nationalShare[i] = Double.parseDouble(r.get("national_count_2024_25"));
            total += nationalShare[i];
            alcoholType[i] = group[i].equals("VIOLENCE") || group[i].equals("PUBLIC_ORDER")
                    || group[i].equals("CRIMINAL_DAMAGE");
            drugType[i] = group[i].equals("THEFT") || group[i].equals("BURGLARY") || group[i].equals("ROBBERY")
                    || group[i].equals("DRUGS");
            drugTestTrigger[i] = drugType[i];
        }
        for (int i = 0; i < n; i++) {
            nationalShare[i] /= total;
        }
    }

    static OffenceCatalogue load() {
        try (InputStream in = OffenceCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                 CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
                return new OffenceCatalogue(new ArrayList<>(p.getRecords()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return code.length;
    }

    /** The harm_index.csv of the extract: the table without its national count column. */
    String harmIndexCsv() {
        StringBuilder sb = new StringBuilder("offence_code,description,crime_group,harm_days\n");
        for (int i = 0; i < code.length; i++) {
            Text.cell(sb, code[i]).append(',');
            Text.cell(sb, description[i]).append(',');
            Text.cell(sb, group[i]).append(',');
            sb.append(harmText[i]).append('\n');
        }
        return sb.toString();
    }
}
