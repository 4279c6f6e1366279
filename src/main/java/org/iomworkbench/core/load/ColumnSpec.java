package org.iomworkbench.core.load;

import java.util.List;

/**
 * One column of an extract file as the spec defines it.
 *
 * @param name          header name (matched case-insensitively)
 * @param type          how cells are read and stored
 * @param optional      the column itself may be absent
 * @param allowsMissing its cells may be empty
 * @param values        the allowed values of an enumeration (upper case), else empty
 */
record ColumnSpec(String name, ColumnType type, boolean optional, boolean allowsMissing, List<String> values) {

    static ColumnSpec required(String name, ColumnType type) {
        return new ColumnSpec(name, type, false, false, List.of());
    }

    /** A required column whose notes allow empty cells. */
    static ColumnSpec missingAllowed(String name, ColumnType type) {
        return new ColumnSpec(name, type, false, true, List.of());
    }

    /** An optional column: it may be absent and its cells may be empty. */
    static ColumnSpec optional(String name, ColumnType type) {
        return new ColumnSpec(name, type, true, true, List.of());
    }

    static ColumnSpec oneOf(String name, boolean allowsMissing, String... values) {
        return new ColumnSpec(name, ColumnType.ENUM, false, allowsMissing, List.of(values));
    }
}
