package org.iomworkbench.core.load;

import java.util.List;
import java.util.Locale;

/**
 * The files of an extract folder, as {@code shared/spec/extracts.md} (format version 1)
 * defines them, in the order they are loaded: the harm index and the person records first,
 * so that event rows can be checked against them.
 */
public enum ExtractFile {
    HARM_INDEX("harm_index.csv", "HARM_INDEX", true, null, List.of("offence_code"),
            ColumnSpec.required("offence_code", ColumnType.UPPER),
            ColumnSpec.required("description", ColumnType.TEXT),
            ColumnSpec.required("crime_group", ColumnType.UPPER),
            ColumnSpec.required("harm_days", ColumnType.NON_NEGATIVE_NUMBER)),
    NOMINALS("nominals.csv", "NOMINALS", true, null, List.of("source", "source_person_id"),
            ColumnSpec.required("source", ColumnType.UPPER),
            ColumnSpec.required("source_person_id", ColumnType.TEXT),
            ColumnSpec.missingAllowed("surname", ColumnType.TEXT),
            ColumnSpec.required("forenames", ColumnType.TEXT),
            ColumnSpec.missingAllowed("date_of_birth", ColumnType.DATE),
            ColumnSpec.oneOf("gender", false, "M", "F", "U"),
            ColumnSpec.optional("ethnicity", ColumnType.TEXT),
            ColumnSpec.optional("postcode", ColumnType.TEXT),
            ColumnSpec.optional("pnc_id", ColumnType.TEXT)),
    CRIMES("crimes.csv", "CRIMES", true, "CRIMES", List.of(),
            ColumnSpec.required("crime_ref", ColumnType.TEXT),
            ColumnSpec.required("source_person_id", ColumnType.TEXT),
            ColumnSpec.required("offence_code", ColumnType.UPPER),
            ColumnSpec.required("offence_date", ColumnType.DATE),
            ColumnSpec.optional("recorded_date", ColumnType.DATE),
            ColumnSpec.oneOf("alcohol_related", true, "Y", "N")),
    CUSTODY("custody.csv", "CUSTODY", false, "CUSTODY", List.of("custody_ref"),
            ColumnSpec.required("custody_ref", ColumnType.TEXT),
            ColumnSpec.required("source_person_id", ColumnType.TEXT),
            ColumnSpec.required("arrest_date", ColumnType.DATE),
            ColumnSpec.optional("offence_code", ColumnType.UPPER)),
    PRISON("prison.csv", "PRISON", false, "", List.of(),
            ColumnSpec.required("source", ColumnType.UPPER),
            ColumnSpec.required("source_person_id", ColumnType.TEXT),
            ColumnSpec.required("entry_date", ColumnType.DATE),
            ColumnSpec.optional("release_date", ColumnType.DATE)),
    DRUG_TESTS("drug_tests.csv", "DRUG_TESTS", false, "DIP", List.of("test_ref"),
            ColumnSpec.required("test_ref", ColumnType.TEXT),
            ColumnSpec.required("source_person_id", ColumnType.TEXT),
            ColumnSpec.required("test_date", ColumnType.DATE),
            ColumnSpec.oneOf("substance", false, "OPIATES", "COCAINE", "BOTH"),
            ColumnSpec.oneOf("result", false, "POSITIVE", "NEGATIVE")),
    MARKERS("markers.csv", "MARKERS", false, "", List.of(),
            ColumnSpec.required("source", ColumnType.UPPER),
            ColumnSpec.required("source_person_id", ColumnType.TEXT),
            ColumnSpec.required("marker", ColumnType.UPPER),
            ColumnSpec.required("start_date", ColumnType.DATE),
            ColumnSpec.optional("end_date", ColumnType.DATE));

    private final String fileName;
    private final String table;
    private final boolean required;
    /** The source system whose nominal each row must name: null for none, "" for the row's own {@code source}. */
    private final String nominalSystem;
    private final List<String> uniqueKey;
    private final List<ColumnSpec> columns;

    ExtractFile(String fileName, String table, boolean required, String nominalSystem, List<String> uniqueKey,
                ColumnSpec... columns) {
        this.fileName = fileName;
        this.table = table;
        this.required = required;
        this.nominalSystem = nominalSystem;
        this.uniqueKey = uniqueKey;
        this.columns = List.of(columns);
    }

    public String fileName() {
        return fileName;
    }

    /** The H2 table, inside a snapshot's schema, that holds the file's accepted rows. */
    public String table() {
        return table;
    }

    /** Required in a folder; the harm index may instead come from the workbench's default. */
    public boolean required() {
        return required;
    }

    String nominalSystem() {
        return nominalSystem;
    }

    List<String> uniqueKey() {
        return uniqueKey;
    }

    List<ColumnSpec> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    public static ExtractFile byFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (ExtractFile f : values()) {
            if (f.fileName.equals(lower)) {
                return f;
            }
        }
        return null;
    }
}
