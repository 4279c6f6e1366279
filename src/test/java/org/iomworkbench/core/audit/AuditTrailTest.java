package org.iomworkbench.core.audit;

import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailTest {
    @TempDir
    Path tmp;
    Workspace ws;
    AuditTrail trail;

    @BeforeEach
    void fiveEntries() throws Exception {
        ws = Workspace.open(tmp);
        trail = new AuditTrail(ws.connection());
        for (int i = 1; i <= 5; i++) {
            trail.append("test", "thing.done", AuditTrail.details("n", i, "sha256", "ab".repeat(32)));
            ws.connection().commit();
        }
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        ws.close();
    }

    private void sql(String statement) throws Exception {
        Connection c = ws.connection();
        try (Statement st = c.createStatement()) {
            st.execute(statement);
        }
        c.commit();
    }

    @Test
    void anUntouchedChainIsIntact() throws Exception {
        AuditVerification v = trail.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.entries()).isEqualTo(5);
        assertThat(trail.entries()).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(trail.entries().get(1).prevHash()).isEqualTo(trail.entries().get(0).hash());
    }

    @Test
    void aChainRewrittenHeadAndAllPassesAloneButNotAgainstACopyKeptOutside() throws Exception {
        AuditTrail.Head kept = trail.head(); // what a publication's manifest records
        assertThat(kept.seq()).isEqualTo(5);
        assertThat(trail.verifyAnchor(kept.seq(), kept.hash()).intact()).isTrue();
        // entry 3 edited, and every hash from it on and the head recomputed: the chain agrees with itself
        sql("UPDATE AUDIT SET details = REPLACE(details, '\"n\":3', '\"n\":30') WHERE seq = 3");
        String prev = trail.entries().get(1).hash();
        for (AuditEntry e : trail.entries().subList(2, 5)) {
            String hash = org.iomworkbench.core.util.Hashing.sha256(AuditEntry.canonical(e.seq(), e.at(), e.osUser(),
                    e.command(), e.action(), e.details(), prev));
            sql("UPDATE AUDIT SET prev_hash = '" + prev + "', hash = '" + hash + "' WHERE seq = " + e.seq());
            prev = hash;
        }
        sql("UPDATE AUDIT_HEAD SET hash = '" + prev + "' WHERE id = 1");
        assertThat(trail.verify().intact()).as("the rewritten chain alone").isTrue();
        AuditVerification anchored = trail.verifyAnchor(kept.seq(), kept.hash());
        assertThat(anchored.intact()).isFalse();
        assertThat(anchored.brokenSeq()).isEqualTo(5);
        assertThat(anchored.problem()).contains("rewritten");
        assertThat(trail.verifyAnchor(9, kept.hash()).problem()).contains("missing");
    }

    @Test
    void anEditedEntryIsFound() throws Exception {
        sql("UPDATE AUDIT SET details = REPLACE(details, '\"n\":3', '\"n\":30') WHERE seq = 3");
        AuditVerification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenSeq()).isEqualTo(3);
        assertThat(v.problem()).contains("changed");
    }

    @Test
    void anEditedUserIsFound() throws Exception {
        sql("UPDATE AUDIT SET os_user = 'someone-else' WHERE seq = 2");
        assertThat(trail.verify().brokenSeq()).isEqualTo(2);
    }

    @Test
    void aDeletedEntryIsFound() throws Exception {
        sql("DELETE FROM AUDIT WHERE seq = 2");
        AuditVerification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenSeq()).isEqualTo(2);
        assertThat(v.problem()).contains("missing");
    }

    @Test
    void aDeletedAndRenumberedEntryIsFound() throws Exception {
        sql("DELETE FROM AUDIT WHERE seq = 2");
        sql("UPDATE AUDIT SET seq = seq - 1 WHERE seq > 2");
        AuditVerification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenSeq()).isEqualTo(2);
    }

    @Test
    void reorderedEntriesAreFound() throws Exception {
        sql("UPDATE AUDIT SET seq = 99 WHERE seq = 3");
        sql("UPDATE AUDIT SET seq = 3 WHERE seq = 4");
        sql("UPDATE AUDIT SET seq = 4 WHERE seq = 99");
        AuditVerification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenSeq()).isEqualTo(3);
        assertThat(v.problem()).contains("does not follow");
    }

    @Test
    void aRemovedLastEntryIsFound() throws Exception {
        sql("DELETE FROM AUDIT WHERE seq = 5");
        AuditVerification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("removed from the end");
    }

    @Test
    void anUncommittedEntryLeavesNoTrace() throws Exception {
        trail.append("test", "thing.undone", AuditTrail.details("n", 6));
        ws.connection().rollback();
        assertThat(trail.entries()).hasSize(5);
        assertThat(trail.verify().intact()).isTrue();
        trail.append("test", "thing.done", AuditTrail.details("n", 6));
        ws.connection().commit();
        assertThat(trail.verify().intact()).isTrue();
        assertThat(trail.entries()).hasSize(6);
    }
}
