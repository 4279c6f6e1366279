package org.iomworkbench.bench;

import org.iomworkbench.core.load.BigExtract;
import org.iomworkbench.core.load.ExtractLoader;
import org.iomworkbench.core.load.LoadResult;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Load speed: prints rows per second for a folder of {@code iom.bench.persons} persons with ten
 * crimes each (default 300,000: 3.3 million rows). Target ≥ 300,000 rows/s on a 2-core machine.
 * Not part of the test run; run with {@code mvn test -Dgroups=benchmark -Dtest=LoadBenchmark}.
 */
@Tag("benchmark")
class LoadBenchmark {
    @TempDir
    Path tmp;

    @Test
    void loadRate() throws Exception {
        int persons = Integer.getInteger("iom.bench.persons", 300_000);
        long t0 = System.nanoTime();
        Path dir = BigExtract.write(tmp.resolve("extract"), persons);
        System.out.printf("wrote %,d persons and %,d crimes in %.1f s%n", persons, persons * 10L, (System.nanoTime() - t0) / 1e9);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            LoadResult r = new ExtractLoader(ws).load(dir, LocalDate.of(2024, 12, 31), Progress.NONE, Cancellation.none());
            System.out.printf("load: %,d rows in %.1f s = %,.0f rows/s (peak heap %,d MB)%n", r.snapshot().rowsRead(),
                    r.seconds(), r.rowsPerSecond(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        }
    }
}
