package org.iomworkbench.bench;

import org.iomworkbench.core.generate.ExtractGenerator;
import org.iomworkbench.core.generate.GenerationResult;
import org.iomworkbench.core.generate.GeneratorParameters;
import org.iomworkbench.core.util.Cancellation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generation speed: prints persons per second for {@code iom.bench.persons} persons (default
 * 1,000,000). Target: 1,000,000 persons in under 3 minutes (5,556 persons/s) on a 2-core machine,
 * streaming, with a small heap. Not part of the test run; run with
 * {@code mvn test -Dgroups=benchmark -Dbench.excluded=none -Dtest=GenerateBenchmark}.
 */
@Tag("benchmark")
class GenerateBenchmark {
    @TempDir
    Path tmp;

    @Test
    void generateRate() {
        GeneratorParameters p = new GeneratorParameters();
        p.persons = Integer.getInteger("iom.bench.persons", 1_000_000);
        p.seed = 1;
        long[] peak = {0};
        GenerationResult r = new ExtractGenerator(p).generate(tmp.resolve("gen"), (m, done, total) -> {
            Runtime rt = Runtime.getRuntime();
            peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
        }, Cancellation.none());
        System.out.printf("generate: %,d persons in %.1f s = %,.0f persons/s, %,.0f MB written, heap peak %,d MB (%d threads)%n",
                r.persons(), r.seconds(), r.personsPerSecond(), r.bytes() / 1e6, peak[0] >> 20,
                Runtime.getRuntime().availableProcessors());
        for (Map.Entry<String, Long> e : r.rows().entrySet()) {
            System.out.printf("  %-24s %,14d rows%n", e.getKey(), e.getValue());
        }
        assertThat(r.personsPerSecond()).as("persons/s").isGreaterThan(1_000_000 / 180.0);
    }
}
