package org.iomworkbench.core.load;

import org.iomworkbench.Fixtures;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.link.LinkParameters;
import org.iomworkbench.core.link.LinkRun;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionTest {
    @TempDir
    Path tmp;

    @Test
    void aSnapshotIsDueForReviewAPeriodAfterItsLoadAndDisposalRemovesWhatWasDerivedFromIt() throws Exception {
        Path x = Fixtures.handmadeExtract(tmp.resolve("x"));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Snapshot s = new ExtractLoader(ws).load(x, LocalDate.of(2024, 12, 31), Progress.NONE, Cancellation.none()).snapshot();
            Retention r = new Retention(ws);
            LocalDate loaded = Instant.parse(s.createdAt()).atZone(ZoneOffset.UTC).toLocalDate();
            assertThat(r.periodDays()).isEqualTo(365);
            assertThat(r.reviewDate(s)).isEqualTo(loaded.plusDays(365));
            assertThat(r.due(s, loaded.plusDays(364))).isFalse();
            assertThat(r.due(s, loaded.plusDays(365))).isTrue();
            r.setPeriodDays(30);
            assertThat(r.reviewDate(s)).isEqualTo(loaded.plusDays(30));
            assertThatThrownBy(() -> r.setPeriodDays(0)).hasMessageContaining("between 1 and 3650");
            assertThat(new AuditTrail(ws.connection()).entries()).anyMatch(e -> e.action().equals("retention.period"));

            new LinkRun(ws, new LinkParameters()).run(s, Progress.NONE, Cancellation.none());
            assertThat(count(ws, "SELECT COUNT(*) FROM LINK_RUN WHERE snapshot_id = " + s.id())).isEqualTo(1);
            new SnapshotStore(ws).dispose(s.id(), "review: no longer needed");
            assertThat(count(ws, "SELECT COUNT(*) FROM LINK_RUN WHERE snapshot_id = " + s.id())).isZero();
            assertThat(count(ws, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = '" + s.schema() + "'")).isZero();
            assertThat(new AuditTrail(ws.connection()).entries()).anyMatch(e -> e.action().equals("snapshot.disposed")
                    && e.details().contains("derived_runs"));
        }
    }

    private static long count(Workspace ws, String sql) throws Exception {
        try (Statement st = ws.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
