package org.iomworkbench.cli;

import org.iomworkbench.app.Version;
import org.iomworkbench.core.bench.PipelineBench;
import org.iomworkbench.core.util.WorkbenchException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "bench", description = "Time the whole pipeline on a generated population: generate (or reuse), load, link, score, "
        + "re-score after a parameter change, train, validate, predict and publish; prints each stage with its rate and "
        + "peak heap and writes the figures as CSV and JSON under the bench folder's results/.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--persons", required = true, paramLabel = "N", description = "Real persons to generate (at least 2,000).")
    int persons;
    @Option(names = "--seed", paramLabel = "S", description = "Seed of the generator (default 1).")
    long seed = 1;
    @Option(names = "--workspace", paramLabel = "W", description = "The bench folder: the generated extracts (reused for the "
            + "same persons and seed), a fresh workspace per run and results/ (default: iom-bench in the temporary folder).")
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "iom-bench");
    @Option(names = "--keep-workspace", description = "Keep the run's workspace (default: removed after the run).")
    boolean keep;
    @Option(names = "--rescore-repeats", paramLabel = "K", description = "Warm re-scores of which the median is reported (default 9).")
    int repeats = 9;
    @Option(names = "--bootstrap", paramLabel = "N", description = "Bootstrap resamples in the validate stage (default 1000, as the Validation view).")
    int bootstrap = 1000;

    @Option(names = "--until", paramLabel = "STAGE", description = "Stop after this stage (generate, load, link, score, "
            + "rescore, train, validate, predict or publish); the pipeline total then covers only the stages run.")
    String until;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PipelineBench.Settings s;
        try {
            s = new PipelineBench.Settings(persons, seed, dir.toAbsolutePath(), keep, repeats, bootstrap, Version.get(),
                    until == null ? null : until.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WorkbenchException(e.getMessage(), "For example: bench --persons 250000.", true);
        }
        out.printf("bench: %,d persons, seed %d, in %s; %d processors, max heap %,d MB%n", persons, seed, s.dir(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        out.flush();
        PipelineBench.Result r = new PipelineBench(s, line -> {
            out.println(line);
            out.flush();
        }).run();
        out.printf(Locale.ROOT, "pipeline (%s)%s: %.1f s for %,d persons (target %.0f s%s); heap peak %,.0f MB, after GC %,.0f MB%n",
                String.join(" + ", PipelineBench.PIPELINE), until == null ? "" : ", partial: until " + until, r.pipelineSeconds(), persons, r.pipelineTargetSeconds(),
                until != null ? ", for the whole pipeline" : r.pipelineSeconds() > r.pipelineTargetSeconds() ? ", OVER" : ", met", r.peakHeapMb(), r.afterGcHeapMb());
        r.stages().stream().filter(x -> x.name().equals("rescore")).findFirst().ifPresent(re -> out.printf(Locale.ROOT,
                "re-score warm: %.1f ms (target 100 ms%s)%n", re.seconds() * 1000, re.seconds() > 0.1 ? ", OVER" : ", met"));
        out.println("wrote " + r.csv() + " and " + r.json());
        return Cli.OK;
    }
}
