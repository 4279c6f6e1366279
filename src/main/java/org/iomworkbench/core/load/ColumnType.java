package org.iomworkbench.core.load;

/** How a cell is read, checked and stored. */
enum ColumnType {
    /** Free text, kept as written (trimmed). */
    TEXT("VARCHAR"),
    /** An identifier or system name, matched case-insensitively and stored in upper case. */
    UPPER("VARCHAR"),
    /** An ISO yyyy-MM-dd calendar day, not after the extract date. */
    DATE("DATE"),
    /** One of a fixed set of values, matched case-insensitively and stored in upper case. */
    ENUM("VARCHAR"),
    /** A number at least zero. */
    NON_NEGATIVE_NUMBER("DOUBLE PRECISION");

    final String sqlType;

    ColumnType(String sqlType) {
        this.sqlType = sqlType;
    }
}
