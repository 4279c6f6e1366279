package org.iomworkbench.core.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.util.WorkbenchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a generated extract folder that follows {@code shared/spec/extracts.md}, with the truth
 * beside it in {@code truth/}. The generative model is described in {@link CareerSimulator} and
 * {@link RecordEmitter}, and for analysts in {@code sample-data/GENERATOR.md}.
 *
 * <p>Persons are simulated in blocks on worker threads, each person from its own random stream
 * (derived from the seed and the person's index only), and the blocks are appended to the files
 * in person order: the output is byte-identical for a seed whatever the number of threads, and
 * only a few blocks are ever held in memory. Persons 2k and 2k+1 are simulated together, as
 * possible co-offenders.
 */
public final class ExtractGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractGenerator.class);
    static final int BLOCK = 1000;

    private final GeneratorParameters params;
    private final int threads;

    public ExtractGenerator(GeneratorParameters params) {
        this(params, Runtime.getRuntime().availableProcessors());
    }

    public ExtractGenerator(GeneratorParameters params, int threads) {
        this.params = params.validate();
        this.threads = Math.max(1, threads);
    }

    public GenerationResult generate(Path out, Progress progress, Cancellation cancel) {
        long t0 = System.nanoTime();
        OffenceCatalogue cat = OffenceCatalogue.load();
        Text.Dates dates = new Text.Dates(LocalDate.of(1900, 1, 1), params.end.plusDays(1));
        Map<Output, Writer> writers = new EnumMap<>(Output.class);
        Map<Output, Long> rows = new EnumMap<>(Output.class);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "generator");
            t.setDaemon(true);
            return t;
        });
        try {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new WorkbenchException("Cannot generate into " + out + ": it is a file, not a folder",
                        "Choose a new or existing folder.", true);
            }
            Files.createDirectories(out.resolve("truth"));
            Files.writeString(out.resolve("harm_index.csv"), cat.harmIndexCsv(), StandardCharsets.UTF_8);
            for (Output o : Output.values()) {
                Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out.resolve(o.path)),
                        StandardCharsets.UTF_8), 1 << 17);
                writers.put(o, w);
                w.write(o.header);
                w.write('\n');
                rows.put(o, 0L);
            }
            int n = params.persons;
            ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
            int next = 0;
            int done = 0;
            while (done < n) {
                while (next < n && inFlight.size() < threads * 3) {
                    int lo = next;
                    int hi = Math.min(n, lo + BLOCK);
                    inFlight.add(pool.submit(() -> block(cat, dates, lo, hi)));
                    next = hi;
                }
                Chunk c = inFlight.removeFirst().get();
                for (Output o : Output.values()) {
                    writers.get(o).append(c.sb(o));
                    rows.merge(o, c.rows(o), Long::sum);
                }
                done += c.persons;
                cancel.check();
                progress.update(String.format(java.util.Locale.ROOT, "Generated %,d of %,d persons", done, n), done, n);
            }
            for (Writer w : writers.values()) {
                w.close();
            }
            writers.clear();
            writeParameters(out.resolve("truth/parameters.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbenchException("Generation was interrupted", "Run it again.", false, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new WorkbenchException("Generation failed: " + cause, "See the log for details.", false, cause);
        } finally {
            pool.shutdownNow();
            for (Writer w : writers.values()) {
                try {
                    w.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
        }
        Map<String, Long> byFile = new LinkedHashMap<>();
        long bytes = 0;
        try {
            bytes += Files.size(out.resolve("harm_index.csv"));
            byFile.put("harm_index.csv", (long) cat.size());
            for (Output o : Output.values()) {
                byFile.put(o.path, rows.get(o));
                bytes += Files.size(out.resolve(o.path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        GenerationResult result = new GenerationResult(out, params.persons, byFile, bytes, secs);
        LOG.info("Generated {} persons into {} in {} s ({} persons/s)", params.persons, out,
                String.format(java.util.Locale.ROOT, "%.1f", secs),
                String.format(java.util.Locale.ROOT, "%.0f", result.personsPerSecond()));
        return result;
    }

    private Chunk block(OffenceCatalogue cat, Text.Dates dates, int lo, int hi) {
        CareerSimulator sim = new CareerSimulator(params, cat);
        RecordEmitter emitter = new RecordEmitter(params, cat, dates);
        Chunk chunk = new Chunk(hi - lo);
        for (int i = lo; i < hi; i += 2) {
            Person a = new Person(i);
            SplittableRandom ra = CareerSimulator.stream(params.seed, i);
            sim.simulate(a, ra);
            a.pnc = RecordEmitter.pnc(i, a.onset);
            if (i + 1 < hi) {
                Person b = new Person(i + 1);
                SplittableRandom rb = CareerSimulator.stream(params.seed, i + 1);
                sim.simulate(b, rb);
                b.pnc = RecordEmitter.pnc(i + 1, b.onset);
                emitter.coOffend(a, b, rb);
                emitter.emit(a, ra, chunk);
                emitter.emit(b, rb, chunk);
            } else {
                emitter.emit(a, ra, chunk);
            }
        }
        return chunk;
    }

    private void writeParameters(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        SimpleModule dates = new SimpleModule();
        dates.addSerializer(LocalDate.class, ToStringSerializer.instance);
        mapper.registerModule(dates);
        mapper.enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("generator", "IOM Workbench extract generator, model version 1");
        doc.put("parameters", params);
        doc.put("national_mix_source", OffenceCatalogue.RESOURCE);
        Files.writeString(file, mapper.writeValueAsString(doc) + "\n", StandardCharsets.UTF_8);
    }
}
