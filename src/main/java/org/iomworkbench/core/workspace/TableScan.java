package org.iomworkbench.core.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads a whole table in pages of its row key ({@code _ROWID_}, which H2 scans as a range of
 * its primary index), each page a query of its own whose result H2 keeps in memory.
 * <p>
 * Why not one query: H2 copies a result larger than its in-memory row limit into a temporary
 * file before handing back the first row, which cost the bulk reads of a snapshot (millions
 * of rows) about a fifth of their time. H2's lazy execution ({@code LAZY_QUERY_EXECUTION=1})
 * avoids the copy but is not safe in H2 2.3.232: a long lazy read can fail with
 * "Chunk … not found" when the store rewrites chunks under it (h2database issue 4142; seen
 * here once, in a publish on a 250,000-person workspace). Pages of {@link #PAGE} rows stay far
 * below the row limit (40,000 per GB of heap), so nothing is copied to disk and no cursor
 * outlives its statement.
 * <p>
 * The pages are read on the caller's connection and in its transaction, at its isolation level:
 * a row changed by another connection while the pages are read may be seen in its old or new
 * state, as with separate queries. The workbench does not change a snapshot's tables while it
 * reads them (link runs and erasures hold their own transaction and are not run alongside).
 */
public final class TableScan {
    /** Rows a page. */
    public static final int PAGE = 20_000;

    /** Receives one row of a page; the result set is positioned on it (columns from 1). */
    @FunctionalInterface
    public interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private TableScan() {
    }

    /**
     * Hands every row of {@code table} (optionally qualified by schema) to {@code handler}, in
     * row-key order, with the columns of {@code columns} (a select list; no aggregate).
     *
     * @return the rows read
     */
    public static long scan(Connection c, String columns, String table, RowHandler handler) throws SQLException {
        return scan(c, columns, table, PAGE, handler);
    }

    static long scan(Connection c, String columns, String table, int page, RowHandler handler) throws SQLException {
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1");
        }
        String sql = "SELECT " + columns + ", _ROWID_ FROM " + table + " WHERE _ROWID_ > ? ORDER BY _ROWID_ FETCH FIRST "
                + page + " ROWS ONLY";
        long rows = 0;
        long last = Long.MIN_VALUE;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            while (true) {
                ps.setLong(1, last);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    int key = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        handler.row(rs);
                        last = rs.getLong(key);
                        n++;
                    }
                }
                rows += n;
                if (n < page) {
                    return rows;
                }
            }
        }
    }
}
