package org.iomworkbench.core.link;

import org.iomworkbench.Fixtures;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link run writes its results into staging tables and swaps them in after the run is recorded;
 * a process that stops in between leaves the workspace consistent either way.
 */
class LinkResultSwapTest {
    @TempDir
    Path tmp;

    private Snapshot linked(Workspace ws) {
        Path extract = Fixtures.handmadeExtract(tmp.resolve("extract"));
        Snapshot s = Fixtures.loadAndLink(ws, extract, LocalDate.of(2024, 12, 31));
        return s;
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aRunLeavesNoStagingTablesAndNoSwapMarker() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Snapshot s = linked(ws);
            Connection c = ws.connection();
            assertThat(count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = '" + s.schema()
                    + "' AND TABLE_NAME LIKE '%_NEXT'")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM LINK_SWAP")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_SCHEMA = '" + s.schema()
                    + "' AND INDEX_NAME = 'LINK_PAIR_STATUS'")).isPositive();
        }
    }

    @Test
    void stagedResultsOfARecordedRunReplaceTheOldOnTheNextRead() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Snapshot s = linked(ws);
            Connection c = ws.connection();
            String x = s.schema();
            long persons = count(c, "SELECT COUNT(*) FROM " + x + ".PERSON");
            // as if the process stopped after recording the run, before the swap: staging tables with
            // (here: one person fewer) and the marker
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE " + x + ".PERSON_NEXT AS SELECT * FROM " + x + ".PERSON");
                st.execute("DELETE FROM " + x + ".PERSON_NEXT WHERE person_id = (SELECT MIN(person_id) FROM " + x + ".PERSON)");
                st.execute("INSERT INTO LINK_SWAP(snapshot_id, run_id) VALUES (" + s.id() + ", 1)");
            }
            c.commit();

            new LinkStore(ws).requireRun(s);

            assertThat(count(c, "SELECT COUNT(*) FROM " + x + ".PERSON")).isEqualTo(persons - 1);
            assertThat(count(c, "SELECT COUNT(*) FROM LINK_SWAP")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = '" + x
                    + "' AND TABLE_NAME LIKE '%_NEXT'")).isZero();
        }
    }

    @Test
    void stagedResultsOfARunThatWasNeverRecordedAreDroppedAndTheOldStand() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Snapshot s = linked(ws);
            Connection c = ws.connection();
            String x = s.schema();
            long persons = count(c, "SELECT COUNT(*) FROM " + x + ".PERSON");
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE " + x + ".LINK_PAIR_NEXT AS SELECT * FROM " + x + ".LINK_PAIR WHERE 1 = 0");
            }
            c.commit();
            // reading does not touch another run's staging tables; the next run drops them first
            new LinkStore(ws).requireRun(s);
            assertThat(count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = '" + x
                    + "' AND TABLE_NAME = 'LINK_PAIR_NEXT'")).isEqualTo(1);
            new LinkRun(ws, new LinkParameters()).run(s, Progress.NONE, Cancellation.none());
            assertThat(count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = '" + x
                    + "' AND TABLE_NAME LIKE '%_NEXT'")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM " + x + ".PERSON")).isEqualTo(persons);
        }
    }
}
