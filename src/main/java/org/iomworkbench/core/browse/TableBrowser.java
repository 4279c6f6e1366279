package org.iomworkbench.core.browse;

import org.iomworkbench.core.load.ExtractFile;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.Workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pages through a snapshot's tables straight from H2, so that a table of any size can be
 * browsed without holding it in memory. Unfiltered pages are read by the dense row number;
 * a text filter matches any column, case-insensitively. Thread-safe: each call uses its own
 * short-lived connection.
 */
public final class TableBrowser {
    /** The tables a snapshot has, in the order the Data view lists them. */
    public static List<String> tableNames() {
        List<String> names = new ArrayList<>();
        for (ExtractFile f : ExtractFile.values()) {
            names.add(f.table());
        }
        names.add("REJECTIONS");
        return names;
    }

    private final Workspace workspace;
    /** A snapshot's tables never change once loaded, so their columns are read once. */
    private final java.util.Map<String, List<String>> columnCache = new java.util.concurrent.ConcurrentHashMap<>();

    public TableBrowser(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Column headings: the source line, then the table's own columns. */
    public List<String> columns(Snapshot s, String table) {
        String t = checkTable(table);
        return columnCache.computeIfAbsent(s.schema() + "." + t, key -> readColumns(s, t));
    }

    private List<String> readColumns(Snapshot s, String t) {
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + s.schema() + "." + t + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 2; i <= md.getColumnCount(); i++) {
                out.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            return List.copyOf(out);
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    /** Rows matching {@code filter} (all rows when it is blank). */
    public long count(Snapshot s, String table, String filter) {
        String t = checkTable(table);
        List<String> cols = columns(s, t);
        try (Connection c = workspace.newConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + s.schema() + "." + t + where(cols, filter))) {
            bindFilter(ps, cols, filter, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    /** Up to {@code limit} rows from position {@code offset} (0-based) among those matching {@code filter}. */
    public List<String[]> page(Snapshot s, String table, String filter, long offset, int limit) {
        String t = checkTable(table);
        List<String> cols = columns(s, t);
        String select = "SELECT " + String.join(", ", cols) + " FROM " + s.schema() + "." + t;
        String sql = blank(filter)
                ? select + " WHERE row_no > ? AND row_no <= ? ORDER BY row_no"
                : select + where(cols, filter) + " ORDER BY row_no LIMIT ? OFFSET ?";
        try (Connection c = workspace.newConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (blank(filter)) {
                ps.setLong(1, offset);
                ps.setLong(2, offset + limit);
            } else {
                int next = bindFilter(ps, cols, filter, 1);
                ps.setInt(next, limit);
                ps.setLong(next + 1, offset);
            }
            List<String[]> rows = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                int n = cols.size();
                while (rs.next()) {
                    String[] row = new String[n];
                    for (int i = 0; i < n; i++) {
                        Object v = rs.getObject(i + 1);
                        row[i] = v == null ? "" : v.toString();
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    private static boolean blank(String filter) {
        return filter == null || filter.isBlank();
    }

    private static String where(List<String> cols, String filter) {
        if (blank(filter)) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" WHERE ");
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                sb.append(" OR ");
            }
            sb.append("LOWER(CAST(").append(cols.get(i)).append(" AS VARCHAR)) LIKE ? ESCAPE '\\'");
        }
        return sb.toString();
    }

    private static int bindFilter(PreparedStatement ps, List<String> cols, String filter, int first) throws SQLException {
        if (blank(filter)) {
            return first;
        }
        String needle = "%" + filter.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        for (int i = 0; i < cols.size(); i++) {
            ps.setString(first + i, needle);
        }
        return first + cols.size();
    }

    private static String checkTable(String table) {
        String t = table.toUpperCase(Locale.ROOT);
        if (!tableNames().contains(t)) {
            throw new IllegalArgumentException("no such table: " + table);
        }
        return t;
    }

}
