package org.iomworkbench.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.iomworkbench.core.model.data.Outcome;
import org.iomworkbench.core.util.WorkbenchException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Every setting of a model run, with its default; stored with the run and written by
 * {@code train --print-default-config}. Dates left null are derived from the end of the data E:
 * T_test = E − 365, T_valid = T_test − 365, T_train = T_valid − 365, calibration T0 = T_train − 365.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class ModelConfig {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Snapshot to train on; null = the latest. */
    public Integer snapshot;
    /** ISO dates (yyyy-mm-dd); null = derived. */
    public String trainDate;
    public String validDate;
    public String testDate;
    public String calibrationDate;
    /**
     * The scoring configuration behind the inputs and labels (the spec's half-life, lookback and
     * window in days); null = the spec's defaults. Weights and cut-offs are always estimated at the
     * calibration date.
     */
    public Double halfLifeDays;
    public Integer lookbackDays;
    public Integer windowDays;
    /** Days between the snapshots when derived. */
    public int spacingDays = 365;
    public Outcome outcome = Outcome.ESCALATION;
    public int horizonDays = 365;
    public List<String> violentGroups = new ArrayList<>(List.of("VIOLENCE", "ROBBERY", "SEXUAL"));
    /** People in prison for more than this share of the follow-up are left out of training and evaluation. */
    public double maxPrisonShare = 0.5;
    public double targetSpecificity = 0.95;
    /** Gender as an input: off by default; the choice is recorded with the run. */
    public boolean useGender = false;
    public long seed = 20240601L;
    public int bootstrapReps = 1000;
    /** Which escalation models to fit: logistic_regression, random_forest, gradient_boosting. */
    public List<String> models = new ArrayList<>(List.of("logistic_regression", "random_forest", "gradient_boosting"));
    /** L2 penalties tried for logistic regression (on standardised inputs), chosen on validation. */
    public List<Double> lambdas = new ArrayList<>(List.of(0.001, 0.01, 0.1, 1.0, 10.0));
    /**
     * The most iterations of Smile's L-BFGS for the logistic regressions (escalation and next crime
     * type; gradient tolerance 1e-6). On these inputs it seldom meets the tolerance, so this bounds
     * the fit: at 50,000 persons 100 instead of 500 moved no test AUC, the predicted probabilities by
     * 0.00003 on average (0.0033 at most) and 8 of 119,010 flags, in two fifths of the time.
     */
    public int logisticMaxIterations = 100;
    public int forestTrees = 200;
    /** Minimum node sizes tried for the random forest. */
    public List<Integer> forestNodeSizes = new ArrayList<>(List.of(5, 25));
    public int forestMaxNodes = 512;
    public int boostingTrees = 200;
    public List<Integer> boostingMaxNodes = new ArrayList<>(List.of(6, 16));
    public double boostingShrinkage = 0.05;
    public double boostingSubsample = 0.7;
    /**
     * Class imbalance in the tree models: each positive is repeated (negatives/positives)^balance
     * times (1 = the classes weigh alike, 0 = as they are); calibration on validation then puts
     * the probabilities right.
     */
    public double balance = 1.0;
    /**
     * The tree models' negatives: 0 = all of them; otherwise at most this many per positive, a
     * seeded random sample without replacement (before the positives are repeated): resampling for
     * the class imbalance, which also spares the trees most of the rows. Logistic regression always
     * sees every row. At 50,000 persons 10 (and 5) gave the forest and boosting the same test AUC
     * as all negatives (within 0.0005) and halved the training time.
     */
    public double negativesPerPositive = 10;
    /** Probability calibration on validation: auto (the better by cross-fitted Brier score), platt or isotonic. */
    public String calibration = "auto";
    /** Next crime type: multinomial logistic regression and random forest. */
    public boolean nextCrime = true;
    /**
     * L2 penalties tried for the next-crime multinomial regression (on standardised inputs), chosen
     * on validation by top-1 accuracy: Smile's default (0.1) and stronger ones, since twelve classes
     * fitted on the year's offenders have far more coefficients per row than escalation has (on
     * generated data of 4,000 persons validation top-1 rose with the penalty up to 10–100). Its
     * forest tries {@link #forestNodeSizes}.
     */
    public List<Double> nextCrimeLambdas = new ArrayList<>(List.of(0.1, 1.0, 10.0, 100.0));
    /** An escalation probability at or above this gets a next crime type in predictions. */
    public double nextCrimeFrom = 0.5;

    public static ModelConfig read(Path file) {
        try {
            ModelConfig c = JSON.readValue(file.toFile(), ModelConfig.class);
            c.validate();
            return c;
        } catch (IOException e) {
            throw new WorkbenchException("The model configuration " + file + " could not be read: " + e.getMessage(),
                    "Start from train --print-default-config.", true);
        }
    }

    public static ModelConfig fromJson(String json) {
        try {
            return JSON.readValue(json, ModelConfig.class);
        } catch (IOException e) {
            throw new IllegalStateException("A stored model configuration could not be read", e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void validate() {
        if (!(targetSpecificity > 0.5 && targetSpecificity < 1)) {
            throw bad("targetSpecificity must lie between 0.5 and 1 (it is " + targetSpecificity + ")");
        }
        if (horizonDays < 30 || horizonDays > 3650) {
            throw bad("horizonDays must lie between 30 and 3650");
        }
        if (spacingDays < horizonDays) {
            throw bad("spacingDays must be at least horizonDays, so that a year's outcomes never reach into the next year's inputs");
        }
        if (!(maxPrisonShare > 0 && maxPrisonShare <= 1)) {
            throw bad("maxPrisonShare must lie in (0, 1]");
        }
        if (bootstrapReps < 100) {
            throw bad("bootstrapReps must be at least 100");
        }
        if (models.isEmpty() || !List.of("logistic_regression", "random_forest", "gradient_boosting").containsAll(models)) {
            throw bad("models must name some of logistic_regression, random_forest, gradient_boosting");
        }
        if (logisticMaxIterations < 1) {
            throw bad("logisticMaxIterations must be at least 1");
        }
        if (halfLifeDays != null && !(halfLifeDays > 0 && Double.isFinite(halfLifeDays))) {
            throw bad("halfLifeDays must be a positive number of days");
        }
        if (lookbackDays != null && lookbackDays < 0 || windowDays != null && windowDays < 0) {
            throw bad("lookbackDays and windowDays must be at least 0");
        }
        if (lambdas.isEmpty() || forestNodeSizes.isEmpty() || boostingMaxNodes.isEmpty() || nextCrimeLambdas.isEmpty()) {
            throw bad("each grid needs at least one value");
        }
        if (!List.of("auto", "platt", "isotonic").contains(calibration)) {
            throw bad("calibration must be auto, platt or isotonic");
        }
        if (!(balance >= 0 && balance <= 1)) {
            throw bad("balance must lie between 0 and 1");
        }
        if (!(negativesPerPositive >= 0) || Double.isInfinite(negativesPerPositive)) {
            throw bad("negativesPerPositive must be 0 (all negatives) or a positive number");
        }
        if (forestTrees < 1 || boostingTrees < 1) {
            throw bad("forestTrees and boostingTrees must be at least 1");
        }
    }

    private static WorkbenchException bad(String why) {
        return new WorkbenchException("The model configuration cannot be used: " + why + ".",
                "See train --print-default-config for every setting and its default.", true);
    }

    /** The four dates of a run, derived from E where not set. */
    public record Dates(LocalDate calibration, LocalDate train, LocalDate valid, LocalDate test) {
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw bad("'" + s + "' is not a date (yyyy-mm-dd)");
        }
    }

    public Dates dates(LocalDate endOfData) {
        LocalDate test = testDate != null ? date(testDate) : endOfData.minusDays(horizonDays);
        LocalDate valid = validDate != null ? date(validDate) : test.minusDays(spacingDays);
        LocalDate train = trainDate != null ? date(trainDate) : valid.minusDays(spacingDays);
        LocalDate cal = calibrationDate != null ? date(calibrationDate) : train.minusDays(365);
        if (!(cal.isBefore(train) && train.isBefore(valid) && valid.isBefore(test))) {
            throw bad("the dates must be in the order calibration < train < valid < test (they are " + cal + ", " + train
                    + ", " + valid + ", " + test + ")");
        }
        // the weights are estimated from the outcomes of the year after the calibration date (the spec's Y):
        // that year must end where training begins, so that nothing after the training date informs the run
        if (cal.plusDays(365).isAfter(train)) {
            throw bad("the calibration date " + cal + " must be at least 365 days before the training date " + train
                    + ": the weights are estimated from the year after it, which would reach into training's follow-up");
        }
        if (train.plusDays(horizonDays).isAfter(valid) || valid.plusDays(horizonDays).isAfter(test)) {
            throw bad("each date must be at least horizonDays after the one before, so outcomes do not overlap inputs");
        }
        if (test.plusDays(horizonDays).isAfter(endOfData)) {
            throw bad("the test date " + test + " has no complete follow-up before the end of the data " + endOfData);
        }
        return new Dates(cal, train, valid, test);
    }
}
