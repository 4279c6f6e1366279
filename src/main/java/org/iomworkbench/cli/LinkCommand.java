package org.iomworkbench.cli;

import org.iomworkbench.core.link.BlockingStats;
import org.iomworkbench.core.link.LinkEvaluation;
import org.iomworkbench.core.link.LinkParameters;
import org.iomworkbench.core.link.LinkRun;
import org.iomworkbench.core.link.LinkRunSummary;
import org.iomworkbench.core.link.LinkStore;
import org.iomworkbench.core.link.RecordKey;
import org.iomworkbench.core.link.Thresholds;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "link", description = "Match and merge: resolve a snapshot's person records into persons (Fellegi-Sunter with EM).")
final class LinkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Mixin
    SnapshotOption snapshot;
    @Option(names = "--truth", paramLabel = "FILE", description = "A person_map.csv with the true persons: also print precision, recall, F1 and B-cubed.")
    Path truth;
    @Option(names = "--upper", paramLabel = "P", description = "Link pairs at or above this match probability (default: chosen from the data).")
    Double upper;
    @Option(names = "--lower", paramLabel = "P", description = "Do not link pairs below this match probability (default 0.5); between the two they are queued.")
    Double lower;
    @Option(names = "--block", paramLabel = "RULE", description = "A blocking rule such as dob+surname_initial (repeat; replaces the defaults).")
    List<String> blocks;
    @Option(names = "--threads", paramLabel = "N", description = "Threads for comparing pairs (default: the processors).")
    Integer threads;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = workspace.open()) {
            Snapshot s = snapshot.resolve(ws);
            LinkParameters p = new LinkParameters();
            if (upper != null) {
                p.upperProbability = upper;
            }
            if (lower != null) {
                p.lowerProbability = lower;
            }
            if (blocks != null && !blocks.isEmpty()) {
                p.blockingRules = List.copyOf(blocks);
            }
            if (threads != null) {
                p.threads = threads;
            }
            long t0 = System.nanoTime();
            LinkRunSummary r = new LinkRun(ws, p).run(s, (m, d, t) -> { }, Cancellation.none());
            print(out, r);
            out.printf("with storing the persons, records and pairs and indexing them: %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);
            if (truth != null) {
                Map<RecordKey, String> t = LinkEvaluation.readTruth(truth);
                LinkEvaluation e = LinkEvaluation.evaluate(new LinkStore(ws).personMap(s), t);
                out.printf("accuracy against %s (%,d records):%n", truth, e.records());
                out.printf("  pairwise  precision %.4f  recall %.4f  F1 %.4f  (%,d true pairs, %,d linked, %,d correct)%n",
                        e.precision(), e.recall(), e.f1(), e.truePairs(), e.predictedPairs(), e.correctPairs());
                out.printf("  B-cubed   precision %.4f  recall %.4f  F1 %.4f%n", e.bcubedPrecision(), e.bcubedRecall(), e.bcubedF1());
            }
            return Cli.OK;
        }
    }

    static void print(PrintWriter out, LinkRunSummary r) {
        out.printf("Link run %d of snapshot %d: %,d records -> %,d persons in %.1f s (%,.0f records/s)%n", r.runId(),
                r.snapshotId(), r.records(), r.persons(), r.seconds(), r.records() / Math.max(1e-9, r.seconds()));
        out.printf("pairs compared: %,d%n", r.pairsCompared());
        for (BlockingStats b : r.blocking()) {
            out.printf("  %-48s %,12d pairs%s%n", b.rule(), b.pairsCompared(), b.cappedBlocks() == 0 ? ""
                    : String.format("  (%,d blocks over the cap not compared, largest %,d records, %,d pairs)",
                    b.cappedBlocks(), b.largestCappedBlock(), b.pairsNotCompared()));
        }
        Thresholds t = r.thresholds();
        out.printf("prior: %.3g (%.2f bits)%n", r.model().prior(), r.priorWeight());
        out.printf("thresholds: upper weight %.2f (P >= %.4f, %s), lower weight %.2f (P >= %.2f)%n", t.upperWeight(),
                t.upperProbability(), t.upperFromData() ? "chosen from the data" : "given", t.lowerWeight(), t.lowerProbability());
        out.printf("pairs linked: %,d (model %,d, PNC %,d, analyst %,d); queued for review: %,d; rejected: %,d%n",
                r.pairsLinked(), r.linkedByModel(), r.linkedByPnc(), r.linkedByAnalyst(), r.pairsQueued(), r.pairsRejected());
        out.printf("records: %,d  persons: %,d  clusters flagged for review: %,d%n", r.records(), r.persons(), r.clustersFlagged());
    }
}
