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
            // a page of the whole table is a range of its row key, in order, with no sort
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN " + TableScan.keyedPage(
                    "source, id, n", "T", "TRUE", null, "_ROWID_", 7, true).replace("?", "42"))) {
                rs.next();
                assertThat(rs.getString(1)).contains("index sorted").contains("tableScan: _ROWID_ > CAST(42");
            }
            assertThat(TableScan.scan(c, "v", "EMPTY", rs -> {
                throw new AssertionError("no row expected");
            })).isZero();
            c.commit();
        }
    }

    @Test
    void byKeyGivesTheRowsOfAQueryOnceInKeyOrderWhateverThePageSize() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), null)) {
            Connection c = ws.connection();
            try (Statement st = c.createStatement()) {
                // scores of two runs and two models, keyed (run, model, person), joined to a person table
                st.execute("CREATE TABLE S(run_id INT, model VARCHAR, person_id VARCHAR, p DOUBLE, PRIMARY KEY(run_id, model, person_id))");
                st.execute("CREATE TABLE P(person_id VARCHAR PRIMARY KEY, name VARCHAR)");
                st.execute("INSERT INTO P SELECT 'p' || (1000 - X), 'n' || X FROM SYSTEM_RANGE(1, 120)");
                // every run and model, most persons (inserted out of key order), p spread over [0, 1)
                st.execute("INSERT INTO S SELECT r.X, m.model, 'p' || (1000 - q.X), MOD(q.X * 37 + r.X, 100) / 100.0 "
                        + "FROM SYSTEM_RANGE(1, 2) r, (VALUES 'lr', 'gb') m(model), SYSTEM_RANGE(1, 120) q "
                        + "WHERE MOD(q.X * 7 + r.X, 5) <> 0");
            }
            List<String> plain = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT s.person_id, p.name, s.p FROM S s "
                    + "JOIN P p ON p.person_id = s.person_id WHERE s.run_id = 2 AND s.model = 'gb' AND s.p > 0.5 ORDER BY s.person_id")) {
                while (rs.next()) {
                    plain.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getDouble(3));
                }
            }
            assertThat(plain).hasSizeGreaterThan(20);
            for (int page : new int[] {1, 7, plain.size(), plain.size() + 1, 1000}) {
                List<String> paged = new ArrayList<>();
                long n = TableScan.byKey(c, "s.person_id, p.name, s.p", "S s JOIN P p ON p.person_id = s.person_id",
                        "s.run_id = ? AND s.model = ? AND s.p > 0.5", "s.run_id, s.model", "s.person_id", new Object[] {2, "gb"},
                        page, rs -> paged.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getDouble(3)));
                assertThat(paged).as("page of %d", page).isEqualTo(plain);
                assertThat(n).isEqualTo(plain.size());
            }
            // H2 reads a page as a range of the key's index, in its order, and stops: no sort of what is left
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN " + TableScan.keyedPage(
                    "s.person_id, p.name", "S s JOIN P p ON p.person_id = s.person_id", "s.run_id = 2 AND s.model = 'gb'",
                    "s.run_id, s.model", "s.person_id", 50, true).replace("?", "'p950'"))) {
                rs.next();
                assertThat(rs.getString(1)).contains("index sorted").contains("PERSON_ID > 'p950'");
            }
            c.commit();
        }
    }

    @Test
    void aPageMustHoldARow() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), null)) {
            assertThatThrownBy(() -> TableScan.scan(ws.connection(), "1", "AUDIT", 0, rs -> { }))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> TableScan.byKey(ws.connection(), "1", "AUDIT", "1 = 1", "seq", "seq", new Object[0], 0, rs -> { }))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
