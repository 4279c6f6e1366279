package org.iomworkbench.cli;

import org.iomworkbench.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Files that carry personal data out of the workspace are recorded in the audit trail (by hash). */
class ExportAuditTest {
    @TempDir
    Path tmp;

    String run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        assertThat(Cli.run(args, new PrintWriter(o), new PrintWriter(e))).as(e.toString()).isZero();
        return o.toString();
    }

    @Test
    void rejectionAndPersonExportsAreAudited() {
        Path x = Fixtures.handmadeExtract(tmp.resolve("x"));
        String w = tmp.resolve("ws").toString();
        run("load", "--workspace", w, "--extracts", x.toString(), "--extract-date", "2024-12-31");
        run("link", "--workspace", w);
        run("rejections", "--workspace", w, "--out", tmp.resolve("r.csv").toString());
        run("persons", "--workspace", w, "--out", tmp.resolve("p.csv").toString());
        String audit = run("audit", "list", "--workspace", w);
        assertThat(audit).contains("export.rejections").contains("export.persons").contains("file_sha256");
        assertThat(run("audit", "verify", "--workspace", w)).isNotEmpty();
    }
}
