package org.iomworkbench.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JMH suite of the hot loops ({@code *Jmh} classes: re-scoring, model inputs, fitting the tree
 * models, scoring rows through the fitted models), in a forked JVM with JMH's warm-up and measurement iterations; prints
 * JMH's table (mean and error per benchmark). Run with
 * {@code mvn test -Dgroups=benchmark -Dbench.excluded=none -Dtest=JmhSuiteBenchmark}; choose
 * benchmarks with {@code -Djmh.include=REGEX} (default: all {@code Jmh} classes) and a population
 * with {@code -Djmh.persons=N}.
 */
@Tag("benchmark")
class JmhSuiteBenchmark {
    @Test
    void hotLoops() throws RunnerException {
        Options opts = new OptionsBuilder()
                .include(System.getProperty("jmh.include", ".*Jmh\\..*"))
                .param("persons", System.getProperty("jmh.persons", "250000"))
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .jvmArgs("-Xmx3g")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        assertThat(results).as("benchmarks run").isNotEmpty();
    }
}
