package org.iomworkbench.core.model;

import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.model.data.Dataset;
import org.iomworkbench.core.model.data.Features;
import org.iomworkbench.core.model.data.ModelData;
import org.iomworkbench.core.model.eval.BinaryMetrics;
import org.iomworkbench.core.model.eval.Bootstrap;
import org.iomworkbench.core.model.eval.Calibration;
import org.iomworkbench.core.model.eval.Evaluation;
import org.iomworkbench.core.model.eval.Calibrator;
import org.iomworkbench.core.model.eval.Confusion;
import org.iomworkbench.core.model.eval.IsotonicCalibration;
import org.iomworkbench.core.model.eval.MultiClassMetrics;
import org.iomworkbench.core.model.eval.PlattScaling;
import org.iomworkbench.core.model.eval.ThresholdSweep;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.ScoreRun;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Elapsed;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.util.Parallelism;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One model run, out of time: the scoring configuration is calibrated at T0 and frozen; the
 * models are fitted on the people at risk at T_train, their hyper-parameters, probability
 * calibration and threshold chosen on T_valid, and they are evaluated once on T_test. Pure
 * computation: {@link ModelStore} stores the outcome.
 */
public final class ModelRun {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelRun.class);

    static final int STAGES = 8;

    private ModelRun() {
    }

    /** One escalation model's outcome. */
    public static final class Fitted {
        public final String name;
        final FittedModel model;
        final Calibrator calibrator;
        public final double threshold;
        public final double validAuc;
        public final Map<String, Object> testMetrics;
        /** Seconds the fit took (grid, calibration and test scoring); not part of the stored metrics. */
        public double fitSeconds;
        /** Calibrated probabilities on the train, valid and test sets. */
        final double[][] p;

        Fitted(String name, FittedModel model, Calibrator calibrator, double threshold, double validAuc,
               Map<String, Object> testMetrics, double[][] p) {
            this.name = name;
            this.model = model;
            this.calibrator = calibrator;
            this.threshold = threshold;
            this.validAuc = validAuc;
            this.testMetrics = testMetrics;
            this.p = p;
        }
    }

    /** Everything a run produced. */
    public static final class Outcome {
        public ModelConfig config;
        public ModelConfig.Dates dates;
        public ScoringConfig scoring;
        public List<String> featureNames;
        public List<String> groups;
        public Dataset[] sets; // train, valid, test
        public final List<Fitted> escalation = new ArrayList<>();
        public String chosen;
        public FittedModel nextModel;
        public String nextChosen;
        /** Next-crime probabilities on the three sets (rows of each set), from the chosen next-crime model. */
        double[][][] nextP;
        List<FittedModel> nextCandidates = List.of();
        List<String> nextLabels = List.of();
        public Map<String, Object> metrics;
        public List<String> warnings = new ArrayList<>();
        /** The training year's medians that fill unknown ages: at T, at the first offence. */
        public double[] ageImputed;

        public Fitted chosenModel() {
            return escalation.stream().filter(f -> f.name.equals(chosen)).findFirst().orElseThrow();
        }
    }

    public static Outcome run(ModelData md, Snapshot snapshot, ModelConfig cfg, Progress progress, Cancellation cancel) {
        cfg.validate();
        long t0 = System.nanoTime();
        ScoreData d = md.score();
        Outcome o = new Outcome();
        o.config = cfg;
        LocalDate end = d.requireEndOfData();
        o.dates = cfg.dates(end);
        LocalDate first = d.offences() == 0 ? end : LocalDate.ofEpochDay(d.offenceDay(0));
        for (int p = 0; p < d.persons(); p++) {
            if (d.offenceFrom(p) < d.offenceFrom(p + 1)) {
                LocalDate f = LocalDate.ofEpochDay(d.offenceDay(d.offenceFrom(p)));
                if (f.isBefore(first)) {
                    first = f;
                }
            }
        }
        if (o.dates.calibration().isBefore(first.plusDays(365))) {
            throw new WorkbenchException("The data are too short for an out-of-time model run: the calibration date "
                    + o.dates.calibration() + " (a year before training at " + o.dates.train() + ") needs a year of "
                    + "history before it, and the data start on " + first + ".",
                    "Use an extract covering at least five years, or set the dates in the configuration.", true);
        }
        progress.update("Calibrating the scoring configuration at " + o.dates.calibration(), 0, STAGES);
        ScoreRun.Request req = new ScoreRun.Request(o.dates.train(), o.dates.calibration(), cfg.halfLifeDays, cfg.lookbackDays,
                cfg.windowDays, null, null, false);
        o.scoring = ScoreRun.configure(d, snapshot, req, null);
        cancel.check();

        progress.update("Building the training, validation and test sets", 1, STAGES);
        Features f = new Features(d.crimeGroups(), cfg.useGender, o.scoring.lookbackDays());
        o.featureNames = f.names();
        o.groups = f.groups();
        Dataset.Labelling l = new Dataset.Labelling(cfg.outcome, cfg.horizonDays, new HashSet<>(cfg.violentGroups),
                cfg.maxPrisonShare);
        Dataset train = Dataset.labelled(md, o.scoring, o.dates.train(), f, l);
        // unknown ages are filled with the training year's medians everywhere after it (validation, test, lists)
        o.ageImputed = new double[]{train.data.ageAtTImputed(), train.data.ageAtFirstOffenceImputed()};
        Features fixed = f.withImputation(o.ageImputed[0], o.ageImputed[1]);
        Dataset valid = Dataset.labelled(md, o.scoring, o.dates.valid(), fixed, l);
        Dataset test = Dataset.labelled(md, o.scoring, o.dates.test(), fixed, l);
        o.sets = new Dataset[]{train, valid, test};
        for (Dataset s : o.sets) {
            long pos = s.positives();
            if (pos < 10 || s.size() - pos < 10) {
                throw new WorkbenchException("Too few people to fit and judge a model at " + s.asAt + ": " + s.size()
                        + " at risk with a known outcome, " + pos + " of whom had the outcome.",
                        "Use a larger extract, or another outcome or horizon.", true);
            }
        }
        cancel.check();
        long t1 = System.nanoTime();
        String[] names = f.names().toArray(String[]::new);
        progress.update("Fitting " + String.join(", ", cfg.models).replace('_', ' ')
                + (cfg.nextCrime ? " and the next-crime-type models" : ""), 2, STAGES);
        // the next-crime-type models need none of the escalation models: with threads to spare they
        // are fitted alongside, else after them
        boolean alongside = cfg.nextCrime && Parallelism.threads() > 1;
        java.util.concurrent.Future<?> next = null;
        if (alongside) {
            java.util.concurrent.ExecutorService side = Parallelism.pool(1, "next-crime-fit");
            next = side.submit(() -> nextCrime(o, names, cfg));
            side.shutdown();
        }
        try {
            o.escalation.addAll(fitAll(cfg.models, train, valid, test, names, cfg, cancel));
        } finally {
            if (next != null) {
                await(next);
            }
        }
        if (cfg.nextCrime && !alongside) {
            cancel.check();
            nextCrime(o, names, cfg);
        }
        cancel.check();
        long t2 = System.nanoTime();
        // the chosen model: the highest AUC on the validation year
        Fitted best = null;
        for (Fitted x : o.escalation) {
            if (best == null || x.validAuc > best.validAuc) {
                best = x;
            }
        }
        o.chosen = best.name;

        cancel.check();
        progress.update("Baselines and the metrics", 6, STAGES);
        o.metrics = metrics(o, cfg);
        LOG.info("Configured and built the sets ({}, {}, {} people) in {} s, fitted in {} s, baselines and metrics in {} s",
                train.size(), valid.size(), test.size(), Elapsed.seconds(t1 - t0),
                Elapsed.seconds(t2 - t1), Elapsed.since(t2));
        progress.update("Done", STAGES, STAGES);
        return o;
    }

    private static <T> T await(java.util.concurrent.Future<T> f) {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.iomworkbench.core.util.CancelledException();
        }
    }

    /** One point of a model kind's grid, fitted and scored on the validation year. */
    private record Candidate(FittedModel model, double[] valid, double auc, double seconds) {
    }

    /**
     * Fits every point of every kind's grid side by side, one thread each up to the processors
     * (each fit is deterministic on its own: its seeds are set where it starts, and the random
     * forest's trees carry their own seeds); for each kind keeps the point with the highest AUC on
     * the validation year (the first of equals, in grid order), calibrates it and scores the test
     * year, and returns the kinds in the configured order.
     */
    static List<Fitted> fitAll(List<String> kinds, Dataset train, Dataset valid, Dataset test, String[] names,
                               ModelConfig cfg, Cancellation cancel) {
        List<String> kindOf = new ArrayList<>();
        List<java.util.concurrent.Callable<Candidate>> jobs = new ArrayList<>();
        for (String kind : kinds) {
            for (java.util.function.Supplier<FittedModel> fit : grid(kind, train, names, cfg)) {
                kindOf.add(kind);
                jobs.add(() -> {
                    cancel.check();
                    long t0 = System.nanoTime();
                    FittedModel m = fit.get();
                    double[] v = m.positive(valid.x);
                    long took = System.nanoTime() - t0;
                    Candidate c = new Candidate(m, v, BinaryMetrics.auc(v, valid.y), took / 1e9);
                    LOG.info("Fitted {} {} on {} people in {} s (validation AUC {})", kind, m.parameters, train.size(),
                            Elapsed.seconds(took), String.format("%.4f", c.auc()));
                    return c;
                });
            }
        }
        List<Candidate> done = runAll(jobs);
        cancel.check();
        List<java.util.concurrent.Callable<Fitted>> finishing = new ArrayList<>();
        for (String kind : kinds) {
            Candidate chosen = null;
            double fitting = 0;
            for (int i = 0; i < done.size(); i++) {
                if (kindOf.get(i).equals(kind)) {
                    Candidate c = done.get(i);
                    fitting += c.seconds();
                    if (chosen == null || c.auc() > chosen.auc()) {
                        chosen = c;
                    }
                }
            }
            Candidate best = chosen;
            double seconds = fitting;
            finishing.add(() -> {
                long t0 = System.nanoTime();
                Fitted f = finish(kind, best.model(), best.valid(), best.auc(), train, valid, test, cfg);
                f.fitSeconds = seconds + (System.nanoTime() - t0) / 1e9;
                return f;
            });
        }
        return runAll(finishing);
    }

    /** The fits of a kind's grid, in grid order. */
    private static List<java.util.function.Supplier<FittedModel>> grid(String kind, Dataset train, String[] names,
                                                                      ModelConfig cfg) {
        List<java.util.function.Supplier<FittedModel>> out = new ArrayList<>();
        switch (kind) {
            case FittedModel.LOGISTIC -> {
                for (double lambda : cfg.lambdas) {
                    out.add(() -> FittedModel.logistic(train.x, train.y, lambda, cfg.logisticMaxIterations));
                }
            }
            case FittedModel.FOREST -> {
                for (int nodeSize : cfg.forestNodeSizes) {
                    out.add(() -> FittedModel.forest(train.x, train.y, names, cfg.forestTrees, nodeSize, cfg.forestMaxNodes,
                            cfg.seed, cfg.balance, cfg.negativesPerPositive));
                }
            }
            case FittedModel.BOOSTING -> {
                for (int maxNodes : cfg.boostingMaxNodes) {
                    out.add(() -> FittedModel.boosting(train.x, train.y, names, cfg.boostingTrees, maxNodes,
                            cfg.boostingShrinkage, cfg.boostingSubsample, cfg.seed, cfg.balance, cfg.negativesPerPositive));
                }
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return out;
    }

    /** Runs the jobs on up to {@link Parallelism#threads()} threads; their results in the jobs' order. */
    private static <T> List<T> runAll(List<java.util.concurrent.Callable<T>> jobs) {
        int threads = Math.max(1, Math.min(jobs.size(), Parallelism.threads()));
        // a fork-join pool, so that Smile's own parallel streams inside a fit run on these threads too
        java.util.concurrent.ExecutorService pool = Parallelism.pool(threads, "model-fit");
        try {
            List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
            for (java.util.concurrent.Callable<T> j : jobs) {
                futures.add(pool.submit(j));
            }
            List<T> out = new ArrayList<>();
            try {
                for (java.util.concurrent.Future<T> f : futures) {
                    out.add(await(f));
                }
            } catch (RuntimeException | Error e) {
                futures.forEach(x -> x.cancel(false));
                throw e;
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static Fitted finish(String kind, FittedModel best, double[] bestValid, double bestAuc, Dataset train,
                                 Dataset valid, Dataset test, ModelConfig cfg) {
        Calibrator cal = calibrate(bestValid, valid.y, cfg.calibration, cfg.seed);
        double[] pValid = apply(cal, bestValid);
        double threshold = new ThresholdSweep(pValid, valid.y).thresholdForSpecificity(cfg.targetSpecificity);
        double[] pTrain = apply(cal, best.positive(train.x));
        double[] pTest = apply(cal, best.positive(test.x));
        Map<String, Object> m = binaryMetrics(pTest, test.y, threshold, cfg);
        m.put("validation_auc", bestAuc);
        m.put("parameters", best.parameters);
        m.put("calibration", cal.toJson().get("method"));
        return new Fitted(kind, best, cal, threshold, bestAuc, m, new double[][]{pTrain, pValid, pTest});
    }

    /**
     * Platt or isotonic, fitted on the validation year. "auto" fits each on one half of it and
     * scores the other half (both ways round), and keeps the method with the lower Brier score.
     */
    static Calibrator calibrate(double[] raw, boolean[] y, String method, long seed) {
        if (method.equals("auto")) {
            int n = raw.length;
            boolean[] half = new boolean[n];
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
            for (int i = 0; i < n; i++) {
                half[i] = r.nextBoolean();
            }
            double platt = 0;
            double iso = 0;
            for (int side = 0; side < 2; side++) {
                boolean fitSide = side == 0;
                List<Integer> fitRows = new ArrayList<>();
                List<Integer> testRows = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    (half[i] == fitSide ? fitRows : testRows).add(i);
                }
                double[] fr = pick(raw, fitRows);
                boolean[] fy = pick(y, fitRows);
                double[] tr = pick(raw, testRows);
                boolean[] ty = pick(y, testRows);
                platt += BinaryMetrics.brier(apply(PlattScaling.fit(fr, fy), tr), ty) * tr.length;
                iso += BinaryMetrics.brier(apply(IsotonicCalibration.fit(fr, fy), tr), ty) * tr.length;
            }
            method = iso < platt ? "isotonic" : "platt";
        }
        return method.equals("isotonic") ? IsotonicCalibration.fit(raw, y) : PlattScaling.fit(raw, y);
    }

    static double[] apply(Calibrator c, double[] raw) {
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = c.apply(raw[i]);
        }
        return out;
    }

    private static double[] pick(double[] a, List<Integer> rows) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[rows.get(i)];
        }
        return out;
    }

    private static boolean[] pick(boolean[] a, List<Integer> rows) {
        boolean[] out = new boolean[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[rows.get(i)];
        }
        return out;
    }

    /** The test-year metrics of calibrated probabilities at a threshold, with bootstrap intervals. */
    static Map<String, Object> binaryMetrics(double[] p, boolean[] y, double threshold, ModelConfig cfg) {
        Confusion c = Confusion.at(p, y, threshold);
        Bootstrap.Result b = Bootstrap.run(p, y, threshold, cfg.targetSpecificity, cfg.bootstrapReps, cfg.seed);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("auc", num(BinaryMetrics.auc(p, y)));
        m.put("auc_ci", ci(b.auc()));
        m.put("average_precision", num(BinaryMetrics.averagePrecision(p, y)));
        m.put("brier", num(BinaryMetrics.brier(p, y)));
        m.put("ece", num(Calibration.ece(p, y, 10)));
        m.put("threshold", Double.isInfinite(threshold) ? null : threshold);
        Evaluation.putConfusion(m, c, b);
        m.put("flagged_ci", ci(b.flagged()));
        m.put("p_target_met", num(b.pSpecificityMet()));
        m.put("n_test", (long) y.length);
        long pos = 0;
        for (boolean v : y) {
            if (v) {
                pos++;
            }
        }
        m.put("n_positive_test", pos);
        return m;
    }

    private static void nextCrime(Outcome o, String[] names, ModelConfig cfg) {
        long t0 = System.nanoTime();
        Dataset train = o.sets[0];
        int[] rows = rowsWithNext(train);
        if (rows.length < 20) {
            o.warnings.add("Too few people offended in the training year to fit a next-crime-type model.");
            return;
        }
        double[][] x = new double[rows.length][];
        int[] g = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = train.x[rows[i]];
            g[i] = train.nextGroup[rows[i]];
        }
        int k = o.groups.size();
        if (java.util.Arrays.stream(g).distinct().count() < 2) {
            o.warnings.add("Only one crime group follows in the training year: no next-crime-type model was fitted.");
            return;
        }
        Dataset valid = o.sets[1];
        int[] vr = rowsWithNext(valid);
        double[][] vx = select(valid.x, vr);
        int[] vg = selectInt(valid.nextGroup, vr);
        // each kind's grid point with the best top-1 accuracy on validation (the first of equals), as for escalation
        List<java.util.function.Supplier<FittedModel>> multinomials = new ArrayList<>();
        for (double lambda : cfg.nextCrimeLambdas) {
            multinomials.add(() -> FittedModel.multinomial(x, g, lambda, cfg.logisticMaxIterations));
        }
        List<java.util.function.Supplier<FittedModel>> forests = new ArrayList<>();
        for (int nodeSize : cfg.forestNodeSizes) {
            forests.add(() -> FittedModel.forestMulti(x, g, names, cfg.forestTrees, nodeSize, cfg.forestMaxNodes, cfg.seed));
        }
        List<FittedModel> candidates = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double chosenTop1 = -1;
        for (var kind : List.of(java.util.Map.entry(FittedModel.MULTINOMIAL, multinomials), java.util.Map.entry(FittedModel.FOREST, forests))) {
            FittedModel best = null;
            double bestTop1 = -1;
            for (java.util.function.Supplier<FittedModel> fit : kind.getValue()) {
                long t = System.nanoTime();
                FittedModel m = fit.get();
                double top1 = MultiClassMetrics.of(vg, m.groupProbabilities(vx, k), k).top1();
                LOG.info("Next crime type: fitted {} {} in {} s (validation top-1 {})", kind.getKey(), m.parameters,
                        Elapsed.since(t), String.format("%.4f", top1));
                if (top1 > bestTop1) {
                    bestTop1 = top1;
                    best = m;
                }
            }
            candidates.add(best);
            labels.add(kind.getKey());
            if (bestTop1 > chosenTop1) { // then the better kind (the first of equals)
                chosenTop1 = bestTop1;
                o.nextModel = best;
                o.nextChosen = kind.getKey();
            }
        }
        o.nextP = new double[3][][];
        for (int s = 0; s < 3; s++) {
            o.nextP[s] = o.nextModel.groupProbabilities(o.sets[s].x, k);
        }
        o.nextCandidates = candidates;
        o.nextLabels = labels;
        LOG.info("Next crime type: {} rows, fitted and judged in {} s", rows.length,
                Elapsed.since(t0));
    }

    static int[] rowsWithNext(Dataset s) {
        return java.util.stream.IntStream.range(0, s.size()).filter(i -> s.nextGroup[i] >= 0).toArray();
    }

    static double[][] select(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }

    static int[] selectInt(int[] a, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    private static Map<String, Object> metrics(Outcome o, ModelConfig cfg) {
        Map<String, Object> root = new LinkedHashMap<>();
        Dataset train = o.sets[0];
        Dataset test = o.sets[2];
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("outcome", cfg.outcome.name().toLowerCase(Locale.ROOT));
        run.put("horizon_days", cfg.horizonDays);
        run.put("calibration_date", o.dates.calibration().toString());
        run.put("train_date", o.dates.train().toString());
        run.put("valid_date", o.dates.valid().toString());
        run.put("test_date", o.dates.test().toString());
        run.put("use_gender", cfg.useGender);
        run.put("seed", cfg.seed);
        run.put("age_imputed", List.of(o.ageImputed[0], o.ageImputed[1]));
        String[] split = {"train", "valid", "test"};
        Map<String, Object> sets = new LinkedHashMap<>();
        for (int s = 0; s < 3; s++) {
            Dataset x = o.sets[s];
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("as_at", x.asAt.toString());
            m.put("at_risk", x.atRisk);
            m.put("excluded_prison", x.excludedPrison);
            m.put("n", x.size());
            m.put("positives", x.positives());
            m.put("base_rate", num((double) x.positives() / x.size()));
            sets.put(split[s], m);
        }
        run.put("sets", sets);
        root.put("run", run);

        Map<String, Object> esc = new LinkedHashMap<>();
        Map<String, Object> models = new LinkedHashMap<>();
        for (Fitted f : o.escalation) {
            models.put(f.name, f.testMetrics);
        }
        esc.put("models", models);
        esc.put("chosen", o.chosen);
        esc.put("chosen_by", "highest AUC on the validation year");
        esc.put("target_specificity", cfg.targetSpecificity);
        Fitted chosen = o.chosenModel();
        esc.put("ece", chosen.testMetrics.get("ece"));
        // baselines: logistic regression on the RFSDi alone (fitted at T_train), the current band as a score
        double[][] rTrain = column(train.rfsdi);
        FittedModel rOnly = FittedModel.logistic(rTrain, train.y, 1e-6, 500); // one input: converges long before
        double[] rTest = rOnly.positive(column(test.rfsdi));
        double[] bandTest = new double[test.size()];
        for (int i = 0; i < bandTest.length; i++) {
            bandTest[i] = test.band[i];
        }
        Map<String, Object> base = new LinkedHashMap<>();
        double[] chosenTest = o.chosenModel().p[2];
        double chosenAuc = BinaryMetrics.auc(chosenTest, test.y);
        double[] chosenAucs = Bootstrap.aucs(chosenTest, test.y, cfg.bootstrapReps, cfg.seed);
        base.put("rfsdi_only", baseline(rTest, chosenAuc, chosenAucs, test.y, cfg));
        base.put("current_band", baseline(bandTest, chosenAuc, chosenAucs, test.y, cfg));
        esc.put("baselines", base);
        Double spec = (Double) chosen.testMetrics.get("specificity");
        if (spec == null || spec < cfg.targetSpecificity - 0.01) {
            o.warnings.add(String.format(Locale.UK, "The chosen model's specificity on the test year is %s, short of the "
                    + "target %.3f by more than 0.01.", spec == null ? "undefined" : String.format(Locale.UK, "%.4f", spec),
                    cfg.targetSpecificity));
        }
        Double ece = (Double) chosen.testMetrics.get("ece");
        if (ece != null && ece > 0.03) {
            o.warnings.add(String.format(Locale.UK, "The chosen model's calibration error on the test year is %.4f "
                    + "(above 0.03).", ece));
        }
        double baseAuc = Math.max(num0(((Map<?, ?>) base.get("rfsdi_only")).get("auc")),
                num0(((Map<?, ?>) base.get("current_band")).get("auc")));
        if (num0(chosen.testMetrics.get("auc")) <= baseAuc) {
            o.warnings.add("The chosen model does not beat the baselines on the test year's AUC.");
        }
        esc.put("feature_effects", effects(o));
        root.put("escalation", esc);

        if (o.nextModel != null) {
            Map<String, Object> nc = new LinkedHashMap<>();
            int k = o.groups.size();
            int[] tr = rowsWithNext(test);
            int[] truth = selectInt(test.nextGroup, tr);
            Map<String, Object> nm = new LinkedHashMap<>();
            for (int c = 0; c < o.nextCandidates.size(); c++) {
                double[][] p = o.nextCandidates.get(c).groupProbabilities(select(test.x, tr), k);
                nm.put(o.nextLabels.get(c), MultiClassMetrics.of(truth, p, k).toJson(o.groups));
            }
            nc.put("models", nm);
            nc.put("chosen", o.nextChosen);
            nc.put("chosen_by", "highest top-1 accuracy on the validation year");
            // baselines: the most common group in training; the group of the person's last offence
            int[] trainRows = rowsWithNext(train);
            int[] counts = new int[k];
            for (int i : trainRows) {
                counts[train.nextGroup[i]]++;
            }
            int common = 0;
            for (int g = 1; g < k; g++) {
                if (counts[g] > counts[common]) {
                    common = g;
                }
            }
            int[] mostCommon = new int[tr.length];
            int[] lastGroup = new int[tr.length];
            for (int i = 0; i < tr.length; i++) {
                mostCommon[i] = common;
                int lg = test.lastGroup[tr[i]];
                lastGroup[i] = lg >= 0 ? lg : common;
            }
            Map<String, Object> nb = new LinkedHashMap<>();
            nb.put("most_common", MultiClassMetrics.ofPredicted(truth, mostCommon, k).toJson(o.groups));
            nb.put("last_offence_group", MultiClassMetrics.ofPredicted(truth, lastGroup, k).toJson(o.groups));
            nc.put("baselines", nb);
            nc.put("n_test", tr.length);
            nc.put("groups", o.groups);
            root.put("next_crime_type", nc);
            double chosenTop1 = num0(((Map<?, ?>) nm.get(o.nextChosen)).get("top1"));
            if (chosenTop1 <= Math.max(num0(((Map<?, ?>) nb.get("most_common")).get("top1")),
                    num0(((Map<?, ?>) nb.get("last_offence_group")).get("top1")))) {
                o.warnings.add("The next-crime-type model does not beat both baselines on top-1 accuracy.");
            }
        }
        root.put("warnings", o.warnings);
        return root;
    }

    /** Logistic regression's coefficients (per SD of each input) with odds ratios; tree models' importance. */
    private static Map<String, Object> effects(Outcome o) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Fitted f : o.escalation) {
            double[] c = f.model.coefficients();
            double[] imp = f.model.importance();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int j = 0; j < o.featureNames.size(); j++) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("feature", o.featureNames.get(j));
                if (c != null) {
                    r.put("coefficient", c[j]);
                    r.put("odds_ratio", Math.exp(c[j]));
                }
                if (imp != null) {
                    r.put("importance", imp[j]);
                }
                rows.add(r);
            }
            if (c != null) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("feature", "(intercept)");
                r.put("coefficient", c[c.length - 1]);
                r.put("odds_ratio", Math.exp(c[c.length - 1]));
                rows.add(r);
            }
            out.put(f.name, rows);
        }
        return out;
    }

    /**
     * A baseline's test AUC with its interval, and the chosen model's gain over it: AUC(chosen) −
     * AUC(baseline) with a paired bootstrap interval and the share of resamples in which the chosen
     * model's AUC is the higher.
     */
    private static Map<String, Object> baseline(double[] score, double chosenAuc, double[] chosenAucs, boolean[] y,
                                                ModelConfig cfg) {
        Map<String, Object> m = new LinkedHashMap<>();
        double auc = BinaryMetrics.auc(score, y);
        m.put("auc", num(auc));
        // the same resamples as every other interval of the run (one seed), drawn once for both uses
        double[] aucs = Bootstrap.aucs(score, y, cfg.bootstrapReps, cfg.seed);
        m.put("auc_ci", ci(Bootstrap.interval(aucs)));
        Bootstrap.Difference d = Bootstrap.difference(chosenAuc - auc, chosenAucs, aucs);
        m.put("chosen_auc_gain", num(d.auc()));
        m.put("chosen_auc_gain_ci", ci(d.interval()));
        m.put("p_chosen_higher", num(d.pAHigher()));
        return m;
    }

    private static double[][] column(double[] v) {
        double[][] x = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            x[i][0] = v[i];
        }
        return x;
    }

    static Double num(double v) {
        return Evaluation.nul(v);
    }

    private static double num0(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static List<Double> ci(Bootstrap.Interval i) {
        return Evaluation.ci(i);
    }
}
