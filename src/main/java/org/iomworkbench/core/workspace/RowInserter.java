package org.iomworkbench.core.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Inserts rows in multi-row statements (64 rows to a statement, as the loader does: H2 spends
 * far less per row), within the caller's transaction.
 */
public final class RowInserter implements AutoCloseable {
    /** Rows per INSERT statement. */
    public static final int ROWS = 64;
    private final PreparedStatement single;
    private final PreparedStatement multi;
    private final int columns;
    private final Object[] buffer;
    private int rows;
    private int batched;
    private int batches;
    private final Connection connection;

    public RowInserter(Connection c, String singleRowSql, int columns) throws SQLException {
        this(c, singleRowSql, columns, false);
    }

    /** @param commitAsItGoes commit after every few thousand rows (for staging tables nobody reads yet) */
    public RowInserter(Connection c, String singleRowSql, int columns, boolean commitAsItGoes) throws SQLException {
        this.connection = commitAsItGoes ? c : null;
        this.columns = columns;
        this.buffer = new Object[ROWS * columns];
        this.single = c.prepareStatement(singleRowSql);
        this.multi = c.prepareStatement(multiRowSql(singleRowSql, ROWS));
    }

    public void add(Object... values) throws SQLException {
        System.arraycopy(values, 0, buffer, rows * columns, columns);
        if (++rows == ROWS) {
            for (int k = 0; k < ROWS * columns; k++) {
                bind(multi, k + 1, buffer[k]);
            }
            multi.addBatch();
            rows = 0;
            if (++batched == 32) {
                multi.executeBatch();
                batched = 0;
                if (connection != null && ++batches % 16 == 0) {
                    connection.commit(); // every 32,768 rows
                }
            }
        }
    }

    /** {@code INSERT INTO t(...) VALUES (?,?)} with {@code rows} value lists. */
    public static String multiRowSql(String singleRowSql, int rows) {
        int values = singleRowSql.indexOf(" VALUES ");
        String tuple = singleRowSql.substring(values + 8);
        StringBuilder sb = new StringBuilder(singleRowSql.substring(0, values + 8));
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "" : ",").append(tuple);
        }
        return sb.toString();
    }

    /** Typed setters where the type is known: cheaper in H2 than its generic conversion. */
    public static void bind(PreparedStatement ps, int index, Object v) throws SQLException {
        if (v instanceof String str) {
            ps.setString(index, str);
        } else if (v instanceof Long l) {
            ps.setLong(index, l);
        } else if (v instanceof Double d) {
            ps.setDouble(index, d);
        } else if (v instanceof Integer i) {
            ps.setInt(index, i);
        } else {
            ps.setObject(index, v);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (batched > 0) {
                multi.executeBatch();
            }
            for (int k = 0; k < rows; k++) {
                for (int col = 0; col < columns; col++) {
                    bind(single, col + 1, buffer[k * columns + col]);
                }
                single.addBatch();
            }
            if (rows > 0) {
                single.executeBatch();
            }
        } finally {
            single.close();
            multi.close();
        }
    }
}
