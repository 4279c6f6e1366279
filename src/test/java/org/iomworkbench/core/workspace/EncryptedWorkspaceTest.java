package org.iomworkbench.core.workspace;

import org.iomworkbench.Fixtures;
import org.iomworkbench.cli.Cli;
import org.iomworkbench.core.load.ExtractLoader;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.util.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A workspace encrypted at rest opens only with its password, and its file holds no readable name. */
class EncryptedWorkspaceTest {
    @TempDir
    Path tmp;

    @Test
    void anEncryptedWorkspaceOpensOnlyWithItsPassword() throws Exception {
        Path x = Fixtures.handmadeExtract(tmp.resolve("x"));
        String surname = Files.readAllLines(x.resolve("nominals.csv")).get(1).split(",", -1)[2];
        Path dir = tmp.resolve("ws");
        try (Workspace ws = Workspace.open(dir, "correct horse battery".toCharArray())) {
            new ExtractLoader(ws).load(x, LocalDate.of(2024, 12, 31), Progress.NONE, Cancellation.none());
        }
        assertThatThrownBy(() -> Workspace.open(dir, null)).isInstanceOf(WorkbenchException.class)
                .hasMessageContaining("is encrypted and needs its password");
        assertThatThrownBy(() -> Workspace.open(dir, "wrong".toCharArray())).isInstanceOf(WorkbenchException.class)
                .hasMessageContaining("password does not open");
        try (Workspace ws = Workspace.open(dir, "correct horse battery".toCharArray())) {
            assertThat(new SnapshotStore(ws).list()).hasSize(1);
        }
        // compacted (after an erasure or a disposal in the window) and opened again with the password it was opened with
        try (Workspace again = Workspace.open(dir, "correct horse battery".toCharArray()).compactAndReopen()) {
            assertThat(new SnapshotStore(again).list()).hasSize(1);
        }
        String bytes = new String(Files.readAllBytes(dir.resolve("workbench.mv.db")), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        assertThat(bytes).doesNotContain(surname.toLowerCase(Locale.ROOT));

        // the command line takes the password from a file, never from an argument
        Path pw = tmp.resolve("pw.txt");
        Files.writeString(pw, "correct horse battery\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Cli.run(new String[]{"snapshots", "--workspace", dir.toString(), "--password-file", pw.toString()},
                new PrintWriter(out), new PrintWriter(err))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("review by").doesNotContain("No snapshots");
        err = new StringWriter();
        assertThat(Cli.run(new String[]{"snapshots", "--workspace", dir.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString()).contains("needs its password");
    }
}
