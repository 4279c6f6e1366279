package org.iomworkbench.ui.data;

import org.iomworkbench.Fixtures;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.common.RecordingErrors;
import org.iomworkbench.ui.common.SameThreadTaskRunner;
import org.iomworkbench.ui.common.WorkspaceSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class EraseFromDataViewTest {
    @TempDir
    Path tmp;

    @Test
    void erasingFromTheDataViewRemovesTheRecordCompactsAndReopensTheWorkspace() throws Exception {
        Path x = Fixtures.handmadeExtract(tmp.resolve("x"));
        Workspace ws = Workspace.open(tmp.resolve("ws"));
        Snapshot s = Fixtures.loadAndLink(ws, x, LocalDate.of(2024, 12, 31));
        RecordingErrors errors = new RecordingErrors();
        WorkspaceSession session = new WorkspaceSession();
        DataViewModel vm = new DataViewModel(session, SameThreadTaskRunner.immediate(errors), Clock.systemUTC());
        session.open(ws);

        vm.erase("crimes", "CR00001");

        assertThat(errors.reports).isEmpty();
        Workspace reopened = session.workspace();
        try {
            assertThat(reopened).isNotSameAs(ws);
            assertThat(vm.noticeProperty().get()).startsWith("Erased CRIMES CR00001");
            try (Statement st = reopened.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + s.schema() + ".NOMINALS WHERE source_person_id = 'CR00001'")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        } finally {
            reopened.close();
        }
    }
}
