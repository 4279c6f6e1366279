package org.iomworkbench.core.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A table read in pages gives every row once, in the order a plain full read gives them. */
class TableScanTest {
    @TempDir
    Path tmp;

    @Test
    void everyRowOnceInTheOrderOfAPlainReadWhateverThePageSize() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), null)) {
            Connection c = ws.connection();
            try (Statement st = c.createStatement()) {
                // a key of two text columns (H2 then keys rows by a hidden row id), rows inserted out of key
                // order, some deleted: the row ids have gaps
                st.execute("CREATE TABLE T(source VARCHAR, id VARCHAR, n INT, PRIMARY KEY(source, id))");
                st.execute("INSERT INTO T SELECT CASE MOD(X, 3) WHEN 0 THEN 'B' ELSE 'A' END, 'r' || (1000 - X), X "
                        + "FROM SYSTEM_RANGE(1, 100)");
                st.execute("DELETE FROM T WHERE MOD(n, 7) = 0");
                st.execute("CREATE TABLE EMPTY(row_no BIGINT PRIMARY KEY, v VARCHAR)");
            }
            List<String> plain = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT source, id, n FROM T")) {
                while (rs.next()) {
                    plain.add(rs.getString(1) + rs.getString(2) + "/" + rs.getInt(3));
                }
            }
            assertThat(plain).hasSize(86);
            for (int page : new int[] {1, 7, 43, 86, 87, 1000}) {
                List<String> paged = new ArrayList<>();
                long n = TableScan.scan(c, "source, id, n", "T", page,
                        rs -> paged.add(rs.getString(1) + rs.getString(2) + "/" + rs.getInt(3)));
                assertThat(paged).as("page of %d", page).isEqualTo(plain);
                assertThat(n).isEqualTo(86);
            }
            assertThat(TableScan.scan(c, "v", "EMPTY", rs -> {
                throw new AssertionError("no row expected");
            })).isZero();
            c.commit();
        }
    }

    @Test
    void aPageMustHoldARow() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), null)) {
            assertThatThrownBy(() -> TableScan.scan(ws.connection(), "1", "AUDIT", 0, rs -> { }))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
