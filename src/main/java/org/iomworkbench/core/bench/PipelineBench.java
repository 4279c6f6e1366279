package org.iomworkbench.core.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.iomworkbench.core.generate.ExtractGenerator;
import org.iomworkbench.core.generate.GenerationResult;
import org.iomworkbench.core.generate.GeneratorParameters;
import org.iomworkbench.core.link.LinkParameters;
import org.iomworkbench.core.link.LinkRun;
import org.iomworkbench.core.link.LinkRunSummary;
import org.iomworkbench.core.load.ExtractLoader;
import org.iomworkbench.core.load.LoadResult;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.model.ModelConfig;
import org.iomworkbench.core.model.ModelService;
import org.iomworkbench.core.model.ModelStore;
import org.iomworkbench.core.model.Prediction;
import org.iomworkbench.core.model.eval.Evaluation;
import org.iomworkbench.core.model.eval.ValidationReport;
import org.iomworkbench.core.publish.PublicationRequest;
import org.iomworkbench.core.publish.Publisher;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.ScoreRun;
import org.iomworkbench.core.score.ScoreStore;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The whole pipeline on a generated population, timed stage by stage: generate (or reuse), load,
 * link, score, re-score after a parameter change (warm, in memory), train, validate, predict and
 * publish, each with its throughput and the peak heap it reached. What the {@code bench} command
 * runs; figures only, it asserts nothing.
 *
 * <p>Layout of the bench folder: {@code extracts-N-S/} (generated once, reused while its marker
 * matches), a fresh {@code workspace-N-S-TIME/} per run (removed afterwards unless kept) and
 * {@code results/bench-N-S-TIME.csv} and {@code .json}.
 */
public final class PipelineBench {
    /** The stages that count towards the pipeline target, as the issue lists them. */
    public static final List<String> PIPELINE = List.of("load", "link", "score", "train", "predict", "publish");
    /** Every stage, in the order run. */
    public static final List<String> STAGES = List.of("generate", "load", "link", "score", "rescore", "train", "validate",
            "predict", "publish");
    /** Shares of the pipeline target each counted stage is budgeted. */
    static final Map<String, Double> BUDGET_SHARE = Map.of("load", 0.15, "link", 0.35, "score", 0.08, "train", 0.30,
            "predict", 0.06, "publish", 0.06);
    static final LocalDate EXTRACT_END = LocalDate.of(2024, 12, 31);

    /** What to run. */
    public record Settings(int persons, long seed, Path dir, boolean keepWorkspace, int rescoreRepeats,
                           int bootstrapReps, String version, String until) {
        public Settings {
            if (until != null && !STAGES.contains(until)) {
                throw new IllegalArgumentException("No stage '" + until + "': the stages are " + String.join(", ", STAGES) + ".");
            }
            if (persons < 2_000) {
                throw new IllegalArgumentException("The bench needs at least 2,000 persons (a model needs a test year with outcomes).");
            }
            if (rescoreRepeats < 1) {
                throw new IllegalArgumentException("At least one re-score.");
            }
        }
    }

    /** One stage: its time, what it handled and the peak heap it reached. */
    public record Stage(String name, double seconds, long items, String unit, double peakHeapMb, double afterGcHeapMb,
                        Double budgetSeconds, String notes) {
        public double rate() {
            return seconds > 0 ? items / seconds : 0;
        }
    }

    /** All the figures of one run. */
    public record Result(Settings settings, String startedAt, Map<String, Object> machine, List<Stage> stages,
                         double pipelineSeconds, double pipelineTargetSeconds, double peakHeapMb, double afterGcHeapMb,
                         Path csv, Path json) {
        public Stage stage(String name) {
            return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        }
    }

    private final Settings settings;
    private final Consumer<String> log;

    public PipelineBench(Settings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    /** The pipeline target: 60 s up to 250,000 persons, 300 s at 1,000,000, linear between and beyond. */
    public static double targetSeconds(int persons) {
        if (persons <= 250_000) {
            return 60;
        }
        return 60 + (persons - 250_000) * (240.0 / 750_000);
    }

    public Result run() {
        String started = Instant.now().toString();
        String stamp = started.replace(":", "").replace("-", "").replaceAll("\\..*", "");
        String tag = settings.persons() + "-" + settings.seed();
        List<Stage> stages = new ArrayList<>();
        double target = targetSeconds(settings.persons());
        try (HeapPeaks heap = new HeapPeaks()) {
            Files.createDirectories(settings.dir());
            Path extracts = settings.dir().resolve("extracts-" + tag);
            heap.reset();
            stages.add(generate(extracts, heap));
            Path wsDir = settings.dir().resolve("workspace-" + tag + "-" + stamp);
            try (Workspace ws = Workspace.open(wsDir)) {
                body:
                {
                if (past("load")) {
                    break body;
                }
                heap.reset();
                long t = System.nanoTime();
                LoadResult lr = new ExtractLoader(ws).load(extracts, EXTRACT_END, Progress.NONE, Cancellation.none());
                Snapshot snap = lr.snapshot();
                stages.add(done("load", t, snap.rowsRead(), "rows", heap, target,
                        String.format(Locale.ROOT, "%,d rows accepted, %,d kept aside", snap.rowsAccepted(), snap.rowsRejected())));

                if (past("link")) {
                    break body;
                }
                heap.reset();
                t = System.nanoTime();
                LinkRunSummary link = new LinkRun(ws, new LinkParameters()).run(snap, Progress.NONE, Cancellation.none());
                stages.add(done("link", t, link.records(), "records", heap, target,
                        String.format(Locale.ROOT, "%,d persons; %,d pairs compared (%,.0f pairs/s); %,d linked, %,d queued",
                                link.persons(), link.pairsCompared(), link.pairsCompared() / Math.max(1e-9, link.seconds()),
                                link.pairsLinked(), link.pairsQueued())));

                if (past("score")) {
                    break body;
                }
                heap.reset();
                t = System.nanoTime();
                ScoreData data = ScoreData.loadShared(ws, snap);
                double read = (System.nanoTime() - t) / 1e9;
                ScoreRun.Result sr = ScoreRun.run(data, snap, ScoreRun.Request.defaults());
                double computed = (System.nanoTime() - t) / 1e9;
                int scoresRun = new ScoreStore(ws).save(snap, data, sr.config(), sr.estimate(), sr.scores(), null);
                stages.add(done("score", t, data.persons(), "persons", heap, target, String.format(Locale.ROOT,
                        "reading %.0f ms, weights, cut-offs and scores %.0f ms, storing %.0f ms; %,d offences",
                        read * 1000, (computed - read) * 1000, ((System.nanoTime() - t) / 1e9 - computed) * 1000, data.offences())));

                if (past("rescore")) {
                    break body;
                }
                heap.reset();
                stages.add(rescore(data, sr.config(), heap));

                if (past("train")) {
                    break body;
                }
                heap.reset();
                t = System.nanoTime();
                ModelService models = new ModelService(ws);
                ModelService.Trained trained = models.train(new ModelConfig(), Progress.NONE, Cancellation.none());
                String chosen = trained.outcome().chosen + ", next crime " + trained.outcome().nextChosen;
                StringBuilder fits = new StringBuilder();
                for (var f : trained.outcome().escalation) {
                    fits.append(fits.length() == 0 ? "" : ", ").append(f.name).append(' ')
                            .append(String.format(Locale.ROOT, "%.1f s", f.fitSeconds));
                }
                stages.add(done("train", t, trained.outcome().sets[0].y.length + trained.outcome().sets[1].y.length
                                + trained.outcome().sets[2].y.length, "persons at risk", heap, target,
                        String.format(Locale.ROOT, "fitting time per kind, summed over its grid (fitted side by side): %s; chosen %s; default model settings (the quality tests' own)", fits, chosen)));

                if (past("validate")) {
                    break body;
                }
                heap.reset();
                stages.add(validate(ws, snap, trained.runId(), heap));

                if (past("predict")) {
                    break body;
                }
                heap.reset();
                t = System.nanoTime();
                List<Prediction> predictions = models.predict(trained.runId(), scoresRun);
                stages.add(done("predict", t, predictions.size(), "persons", heap, target, "people at risk at the scoring run's date"));

                if (past("publish")) {
                    break body;
                }
                heap.reset();
                t = System.nanoTime();
                Path list = wsDir.resolve("exports").resolve("bench-list.csv");
                Files.createDirectories(list.getParent());
                Publisher.Publication pub = new Publisher(ws).publish(new PublicationRequest(scoresRun, trained.runId(),
                        List.of(), Set.of(), null, Map.of(), false, AuditTrail.currentUser(), Publisher.CONFIRMATION), list);
                stages.add(done("publish", t, pub.rows(), "rows", heap, target, "default bands and columns"));
                }
            } finally {
                if (!settings.keepWorkspace()) {
                    deleteTree(wsDir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double pipeline = stages.stream().filter(s -> PIPELINE.contains(s.name())).mapToDouble(Stage::seconds).sum();
        double peak = stages.stream().mapToDouble(Stage::peakHeapMb).max().orElse(0);
        double afterGc = stages.stream().mapToDouble(Stage::afterGcHeapMb).max().orElse(0);
        Map<String, Object> machine = machine();
        Path results = settings.dir().resolve("results");
        Path csv = results.resolve("bench-" + tag + "-" + stamp + ".csv");
        Path json = results.resolve("bench-" + tag + "-" + stamp + ".json");
        Result r = new Result(settings, started, machine, List.copyOf(stages), pipeline, target, peak, afterGc, csv, json);
        write(r);
        return r;
    }

    /** Whether {@code stage} comes after the last stage asked for. */
    private boolean past(String stage) {
        return settings.until() != null && STAGES.indexOf(stage) > STAGES.indexOf(settings.until());
    }

    private Stage generate(Path extracts, HeapPeaks heap) throws IOException {
        Path marker = extracts.resolve("BENCH-GENERATED");
        String expected = "persons=" + settings.persons() + " seed=" + settings.seed() + " end=" + EXTRACT_END;
        if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(expected)) {
            log.accept("reusing " + extracts);
            Stage reused = new Stage("generate", 0, settings.persons(), "persons", 0, 0, null, "reused " + extracts.getFileName());
            log.accept(line(reused));
            return reused;
        }
        deleteTree(extracts);
        GeneratorParameters p = new GeneratorParameters();
        p.persons = settings.persons();
        p.seed = settings.seed();
        p.end = EXTRACT_END;
        long t = System.nanoTime();
        GenerationResult g = new ExtractGenerator(p).generate(extracts, Progress.NONE, Cancellation.none());
        Files.writeString(marker, expected + "\n");
        long rows = g.rows().values().stream().mapToLong(Long::longValue).sum();
        return done("generate", t, g.persons(), "persons", heap, null,
                String.format(Locale.ROOT, "%,d rows, %.0f MB; not counted in the pipeline", rows, g.bytes() / 1e6));
    }

    private Stage rescore(ScoreData data, ScoringConfig cfg, HeapPeaks heap) {
        ScoringConfig[] changes = {cfg.withHalfLife(cfg.halfLifeDays() * 0.75), cfg.withHalfLife(cfg.halfLifeDays() * 1.5),
                cfg.withLookback(cfg.lookbackDays() / 2), cfg.withWindow(cfg.windowDays() / 2)};
        long t = System.nanoTime();
        Scorer.score(data, changes[0]);
        double cold = (System.nanoTime() - t) / 1e6;
        for (int i = 0; i < 3; i++) {
            Scorer.score(data, changes[i % changes.length]);
        }
        double[] ms = new double[settings.rescoreRepeats()];
        for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            Scorer.score(data, changes[i % changes.length]);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        double median = ms[ms.length / 2];
        Stage st = new Stage("rescore", median / 1000, data.persons(), "persons", heap.peakMb(), heap.afterGcMb(), null, String.format(Locale.ROOT,
                "warm median of %d after a change of half-life, lookback or window (min %.1f ms, max %.1f ms; first %.1f ms); target 100 ms",
                ms.length, ms[0], ms[ms.length - 1], cold));
        log.accept(line(st));
        return st;
    }

    /** What the Validation view does on opening a run: its test year's metrics with intervals and groups, and the report. */
    private Stage validate(Workspace ws, Snapshot snap, int runId, HeapPeaks heap) {
        long t = System.nanoTime();
        org.iomworkbench.core.model.PredictionColumns cols = org.iomworkbench.core.model.PredictionColumns.of(
                new ModelStore(ws).predictions(snap, runId, "test"));
        int n = cols.size();
        double[] score = cols.score();
        boolean[] label = cols.label();
        String[] eth = cols.ethnicity();
        String[] gender = cols.gender();
        String[] age = cols.ageBand();
        Map<String, String[]> groups = new LinkedHashMap<>();
        groups.put("ethnicity", eth);
        groups.put("gender", gender);
        groups.put("age band", age);
        Map<String, Object> m = Evaluation.evaluate(score, label, null, 0.95, new ArrayList<>(groups.keySet()),
                new ArrayList<>(groups.values()), settings.bootstrapReps(), 1);
        Object threshold = m.get("threshold");
        String html = ValidationReport.html("Bench validation", Map.of("model run", runId), Map.of(), score, label, groups,
                threshold == null ? Double.POSITIVE_INFINITY : ((Number) threshold).doubleValue(), 0.95,
                settings.bootstrapReps(), 1);
        return done("validate", t, n, "test persons", heap, null, String.format(Locale.ROOT,
                "AUC %s; metrics with %d bootstrap resamples, 3 group breakdowns, report %,d characters",
                m.get("auc"), settings.bootstrapReps(), html.length()));
    }

    private Stage done(String name, long startNanos, long items, String unit, HeapPeaks heap, Double target, String notes) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Double budget = target == null || !BUDGET_SHARE.containsKey(name) ? null : target * BUDGET_SHARE.get(name);
        Stage s = new Stage(name, seconds, items, unit, heap.peakMb(), heap.afterGcMb(), budget, notes);
        log.accept(line(s));
        return s;
    }

    /** A stage as the command prints it. */
    public static String line(Stage s) {
        String time = s.name().equals("rescore") ? String.format(Locale.ROOT, "%9.1f ms", s.seconds() * 1000)
                : String.format(Locale.ROOT, "%10.2f s", s.seconds());
        String budget = s.budgetSeconds() == null ? "" : String.format(Locale.ROOT, " (budget %.0f s%s)", s.budgetSeconds(),
                s.seconds() > s.budgetSeconds() ? ", OVER" : "");
        return String.format(Locale.ROOT, "%-9s %s %,14.0f %s/s  heap peak %,6.0f MB, after GC %,6.0f MB%s  %s", s.name(), time,
                s.rate(), s.unit(), s.peakHeapMb(), s.afterGcHeapMb(), budget, s.notes());
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        Runtime rt = Runtime.getRuntime();
        m.put("processors", rt.availableProcessors());
        m.put("max_heap_mb", rt.maxMemory() / (1024 * 1024));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
        try {
            String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(null);
            if (cpu != null) {
                m.put("cpu", cpu);
            }
            String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(null);
            if (mem != null) {
                m.put("memory", mem);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the JVM's own facts suffice
        }
        return m;
    }

    private void write(Result r) {
        try {
            Files.createDirectories(r.csv().getParent());
            StringBuilder b = new StringBuilder("persons,seed,started_at,stage,seconds,items,unit,per_second,peak_heap_mb,after_gc_heap_mb,budget_seconds,notes\n");
            for (Stage s : r.stages()) {
                b.append(r.settings().persons()).append(',').append(r.settings().seed()).append(',').append(r.startedAt())
                        .append(',').append(s.name()).append(',').append(String.format(Locale.ROOT, "%.4f", s.seconds()))
                        .append(',').append(s.items()).append(',').append(s.unit().replace(' ', '_')).append(',')
                        .append(String.format(Locale.ROOT, "%.1f", s.rate())).append(',')
                        .append(String.format(Locale.ROOT, "%.0f", s.peakHeapMb())).append(',')
                        .append(String.format(Locale.ROOT, "%.0f", s.afterGcHeapMb())).append(',')
                        .append(s.budgetSeconds() == null ? "" : String.format(Locale.ROOT, "%.1f", s.budgetSeconds())).append(',')
                        .append('"').append(s.notes().replace("\"", "\"\"")).append('"').append('\n');
            }
            b.append(r.settings().persons()).append(',').append(r.settings().seed()).append(',').append(r.startedAt())
                    .append(",pipeline,").append(String.format(Locale.ROOT, "%.4f", r.pipelineSeconds())).append(',')
                    .append(r.settings().persons()).append(",persons,")
                    .append(String.format(Locale.ROOT, "%.1f", r.settings().persons() / r.pipelineSeconds())).append(',')
                    .append(String.format(Locale.ROOT, "%.0f", r.peakHeapMb())).append(',')
                    .append(String.format(Locale.ROOT, "%.0f", r.afterGcHeapMb())).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", r.pipelineTargetSeconds())).append(",\"")
                    .append(String.join(" + ", PIPELINE)).append("\"\n");
            Files.writeString(r.csv(), b.toString());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("persons", r.settings().persons());
            doc.put("seed", r.settings().seed());
            doc.put("started_at", r.startedAt());
            doc.put("version", r.settings().version());
            doc.put("machine", r.machine());
            List<Map<String, Object>> st = new ArrayList<>();
            for (Stage s : r.stages()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("stage", s.name());
                x.put("seconds", s.seconds());
                x.put("items", s.items());
                x.put("unit", s.unit());
                x.put("per_second", s.rate());
                x.put("peak_heap_mb", s.peakHeapMb());
                x.put("after_gc_heap_mb", s.afterGcHeapMb());
                x.put("budget_seconds", s.budgetSeconds());
                x.put("notes", s.notes());
                st.add(x);
            }
            doc.put("stages", st);
            doc.put("until", r.settings().until());
            doc.put("pipeline_stages", PIPELINE);
            doc.put("pipeline_seconds", r.pipelineSeconds());
            doc.put("pipeline_target_seconds", r.pipelineTargetSeconds());
            doc.put("rescore_target_ms", 100);
            doc.put("peak_heap_mb", r.peakHeapMb());
            doc.put("after_gc_heap_mb", r.afterGcHeapMb());
            Files.writeString(r.json(), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        try {
            org.iomworkbench.core.util.FileTrees.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The heap since the last reset: the peak used (sampled every 10 ms, garbage not yet collected
     * included) and the most the heap held just after a collection. The second is an upper bound of
     * the live data, not the live data itself: G1's young and mixed collections leave the old
     * regions' garbage in place until a marking cycle has found it, so it can be well above what a
     * full collection keeps (at 1,000,000 persons while linking: 3.6 GB after collections, 1.2 GB
     * kept by {@code jmap -histo:live} at four moments of the stage).
     */
    static final class HeapPeaks implements AutoCloseable {
        private final Set<String> heapPools = new java.util.HashSet<>(ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).toList());
        private final java.util.concurrent.atomic.AtomicLong afterGc = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong usedPeak = new java.util.concurrent.atomic.AtomicLong();
        private final List<Runnable> unregister = new ArrayList<>();
        private final java.util.concurrent.ScheduledExecutorService sampler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "bench-heap-sampler");
                    t.setDaemon(true);
                    return t;
                });

        HeapPeaks() {
            java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            sampler.scheduleAtFixedRate(() -> usedPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 10, java.util.concurrent.TimeUnit.MILLISECONDS);
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    javax.management.NotificationListener l = (n, handback) -> {
                        if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                            return;
                        }
                        var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                (javax.management.openmbean.CompositeData) n.getUserData());
                        long used = 0;
                        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                            if (heapPools.contains(e.getKey())) {
                                used += e.getValue().getUsed();
                            }
                        }
                        afterGc.accumulateAndGet(used, Math::max);
                    };
                    emitter.addNotificationListener(l, null, null);
                    unregister.add(() -> {
                        try {
                            emitter.removeNotificationListener(l);
                        } catch (javax.management.ListenerNotFoundException e) {
                            // already gone
                        }
                    });
                }
            }
        }

        void reset() {
            usedPeak.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            afterGc.set(0);
        }

        double peakMb() {
            return usedPeak.get() / (1024.0 * 1024.0);
        }

        /** The most the heap held after a collection since the reset (0 when none ran). */
        double afterGcMb() {
            return afterGc.get() / (1024.0 * 1024.0);
        }

        @Override
        public void close() {
            unregister.forEach(Runnable::run);
            sampler.shutdownNow();
        }
    }
}
