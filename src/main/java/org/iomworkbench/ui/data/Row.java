package org.iomworkbench.ui.data;

import java.util.Arrays;

/**
 * One row of a browsed table, or a stand-in for a row whose page has not arrived yet. Rows are
 * equal when they show the same thing, so a table cell redraws only when its content changes.
 */
public final class Row {
    private final long index;
    private final String[] values;

    private Row(long index, String[] values) {
        this.index = index;
        this.values = values;
    }

    public static Row loaded(long index, String[] values) {
        return new Row(index, values.clone());
    }

    /** The stand-in shown while the row is being read. */
    public static Row loading(long index) {
        return new Row(index, null);
    }

    /** Position among the rows of the current query, from 0. */
    public long index() {
        return index;
    }

    public boolean isLoaded() {
        return values != null;
    }

    /** The cell in column {@code column}, or empty while loading or when the row has no such column. */
    public String value(int column) {
        return values != null && column < values.length ? values[column] : "";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && r.index == index && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(index) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return isLoaded() ? index + ":" + String.join(",", values) : index + ":loading";
    }
}
