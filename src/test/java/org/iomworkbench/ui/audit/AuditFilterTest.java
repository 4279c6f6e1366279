package org.iomworkbench.ui.audit;

import org.iomworkbench.core.audit.AuditEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditFilterTest {
    @Test
    void theFilterMatchesActionCommandUserAndDetailsInAnyCase() {
        AuditEntry e = new AuditEntry(3, "2026-11-24T10:00:00Z", "analyst1", "publish", "publication",
                "{\"publication\":4,\"csv_sha256\":\"ab12\"}", "x", "y");
        assertThat(AuditViewModel.matching("")).accepts(e);
        assertThat(AuditViewModel.matching("PUBLICATION")).accepts(e);
        assertThat(AuditViewModel.matching("analyst1")).accepts(e);
        assertThat(AuditViewModel.matching("AB12")).accepts(e);
        assertThat(AuditViewModel.matching("record.erased")).rejects(e);
    }
}
