package org.iomworkbench.bench;

import org.iomworkbench.core.generate.ExtractGenerator;
import org.iomworkbench.core.generate.GeneratorParameters;
import org.iomworkbench.core.link.BlockingStats;
import org.iomworkbench.core.link.LinkEvaluation;
import org.iomworkbench.core.link.LinkParameters;
import org.iomworkbench.core.link.LinkRun;
import org.iomworkbench.core.link.LinkRunSummary;
import org.iomworkbench.core.link.LinkStore;
import org.iomworkbench.core.load.ExtractLoader;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Match-and-merge speed and accuracy at scale: generates {@code iom.bench.persons} persons
 * (default 200,000: about 440,000 person records), loads them and links them, printing records
 * per second, pairs compared, time and accuracy. Not part of the test run; run with
 * {@code mvn test -Dgroups=benchmark -Dbench.excluded=none -Dtest=LinkBenchmark [-Diom.bench.persons=450000]
 * [-Diom.bench.seed=5]}.
 */
@Tag("benchmark")
class LinkBenchmark {
    @TempDir
    Path tmp;

    @Test
    void linkRate() {
        int persons = Integer.getInteger("iom.bench.persons", 200_000);
        GeneratorParameters g = new GeneratorParameters();
        g.persons = persons;
        g.seed = Long.getLong("iom.bench.seed", 5L);
        long t0 = System.nanoTime();
        Path dir = tmp.resolve("extract");
        new ExtractGenerator(g, 2).generate(dir, Progress.NONE, Cancellation.none());
        System.out.printf("generated %,d persons in %.1f s%n", persons, (System.nanoTime() - t0) / 1e9);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Snapshot s = new ExtractLoader(ws).load(dir, g.end, Progress.NONE, Cancellation.none()).snapshot();
            long t1 = System.nanoTime();
            LinkRunSummary r = new LinkRun(ws, new LinkParameters()).run(s, Progress.NONE, Cancellation.none());
            double seconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf("link: reading, fitting, comparing and clustering %.1f s; writing the rest%n", r.seconds());
            System.out.printf("link: %,d records -> %,d persons in %.1f s = %,.0f records/s; %,d pairs compared "
                            + "(%,.0f pairs/s); linked %,d, queued %,d; upper P >= %.3f; peak heap %,d MB%n",
                    r.records(), r.persons(), seconds, r.records() / seconds, r.pairsCompared(), r.pairsCompared() / seconds,
                    r.pairsLinked(), r.pairsQueued(), r.thresholds().upperProbability(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            for (BlockingStats b : r.blocking()) {
                System.out.printf("  %-48s %,12d pairs, %,d blocks over the cap (%,d pairs not compared)%n", b.rule(),
                        b.pairsCompared(), b.cappedBlocks(), b.pairsNotCompared());
            }
            LinkEvaluation e = LinkEvaluation.evaluate(new LinkStore(ws).personMap(s),
                    LinkEvaluation.readTruth(dir.resolve("truth/person_map.csv")));
            System.out.printf("accuracy: pairwise precision %.4f recall %.4f F1 %.4f; B-cubed precision %.4f recall %.4f F1 %.4f%n",
                    e.precision(), e.recall(), e.f1(), e.bcubedPrecision(), e.bcubedRecall(), e.bcubedF1());
        }
    }
}
