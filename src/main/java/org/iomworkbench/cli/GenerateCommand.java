package org.iomworkbench.cli;

import org.iomworkbench.core.generate.ExtractGenerator;
import org.iomworkbench.core.generate.GenerationResult;
import org.iomworkbench.core.generate.GeneratorParameters;
import org.iomworkbench.core.util.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "generate", description = {"Write a generated extract folder with its ground truth in truth/.",
        "The same seed gives the same bytes. The model is described in sample-data/GENERATOR.md."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--persons", required = true, paramLabel = "N", description = "Number of real persons (offenders).")
    int persons;
    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of the random streams.")
    long seed;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write (created when new).")
    Path out;
    @Option(names = "--start", paramLabel = "DATE", description = "First day of the extract window (default 2014-01-01).")
    LocalDate start = LocalDate.of(2014, 1, 1);
    @Option(names = "--end", paramLabel = "DATE",
            description = "Last day of the extract window, and the latest date in any file (default 2024-12-31).")
    LocalDate end = LocalDate.of(2024, 12, 31);
    @Option(names = "--bias", paramLabel = "KIND", description = "Plant a bias for fairness tests: NONE (default), "
            + "RECORDING (the group's offences more likely recorded) or DRUG_TEST (more likely drug-tested).")
    String bias = "NONE";
    @Option(names = "--bias-group", paramLabel = "GROUP",
            description = "Ethnicity-code prefix (e.g. B) or, with --bias-on-gender, M or F (default B).")
    String biasGroup = "B";
    @Option(names = "--bias-on-gender", description = "The bias group is a gender, not an ethnicity prefix.")
    boolean biasOnGender;
    @Option(names = "--bias-factor", paramLabel = "X",
            description = "Multiplier on the group's recording or testing probability (default 1.25).")
    double biasFactor = 1.25;
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: processors); output is the same.")
    Integer threads;

    @Override
    public Integer call() {
        PrintWriter outWriter = spec.commandLine().getOut();
        GeneratorParameters p = new GeneratorParameters();
        p.persons = persons;
        p.seed = seed;
        p.start = start;
        p.end = end;
        p.bias.kind = bias.toUpperCase(java.util.Locale.ROOT);
        p.bias.group = biasGroup.toUpperCase(java.util.Locale.ROOT);
        p.bias.groupIsGender = biasOnGender;
        p.bias.factor = biasFactor;
        ExtractGenerator g = threads == null ? new ExtractGenerator(p) : new ExtractGenerator(p, threads);
        GenerationResult r = g.generate(out, (m, d, t) -> { }, Cancellation.none());
        outWriter.printf("generated %,d persons into %s%n", r.persons(), r.folder());
        for (Map.Entry<String, Long> e : r.rows().entrySet()) {
            outWriter.printf("  %-24s %,12d rows%n", e.getKey(), e.getValue());
        }
        outWriter.printf("%,.1f MB in %.1f s (%,.0f persons/s)%n", r.bytes() / 1e6, r.seconds(), r.personsPerSecond());
        outWriter.printf("load it with: load --workspace W --extracts %s --extract-date %s%n", r.folder(), end);
        return Cli.OK;
    }
}
