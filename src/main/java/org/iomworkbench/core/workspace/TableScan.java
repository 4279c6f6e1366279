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

    /**
     * Hands every row of a query to {@code handler} in pages along a primary key: the query's
     * condition fixes the key's leading columns ({@code fixedKey}, e.g. {@code run_id = ?}) and
     * the pages follow its last column, {@code key}, in order (a text or number column). Each page
     * is {@code SELECT select, key FROM from WHERE (where) AND key > last ORDER BY fixedKey, key},
     * which H2 reads as a range of the key's index, already in order, and stops after a page: the
     * order by must name the whole key, or H2 would sort everything that is left for every page.
     * {@code from} may join other tables (looked up by their keys). The rows come in key order.
     *
     * @param params the values of {@code where}'s parameters, in order
     * @return the rows read
     */
    public static long byKey(Connection c, String select, String from, String where, String fixedKey, String key,
                             Object[] params, RowHandler handler) throws SQLException {
        return byKey(c, select, from, where, fixedKey, key, params, PAGE, handler);
    }

    static long byKey(Connection c, String select, String from, String where, String fixedKey, String key,
                      Object[] params, int page, RowHandler handler) throws SQLException {
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1");
        }
        long rows = 0;
        Object last = null;
        try (PreparedStatement first = c.prepareStatement(keyedPage(select, from, where, fixedKey, key, page, false));
             PreparedStatement next = c.prepareStatement(keyedPage(select, from, where, fixedKey, key, page, true))) {
            while (true) {
                PreparedStatement ps = last == null ? first : next;
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                if (last != null) {
                    ps.setObject(params.length + 1, last);
                }
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    int k = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        handler.row(rs);
                        last = rs.getObject(k);
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

    /**
     * One page's query of {@link #byKey}: the first, or one after a last key (its one more parameter);
     * {@code fixedKey} null when the key is one column.
     */
    static String keyedPage(String select, String from, String where, String fixedKey, String key, int page, boolean after) {
        return "SELECT " + select + ", " + key + " FROM " + from + " WHERE (" + where + ")" + (after ? " AND " + key + " > ?" : "")
                + " ORDER BY " + (fixedKey == null ? "" : fixedKey + ", ") + key + " FETCH FIRST " + page + " ROWS ONLY";
    }

    static long scan(Connection c, String columns, String table, int page, RowHandler handler) throws SQLException {
        return byKey(c, columns, table, "TRUE", null, "_ROWID_", new Object[0], page, handler);
    }
}
