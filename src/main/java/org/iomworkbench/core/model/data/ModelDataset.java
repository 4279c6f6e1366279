package org.iomworkbench.core.model.data;

import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.Scores;
import org.iomworkbench.core.score.ScoringConfig;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One snapshot date T made ready for the models: the rows (persons), their inputs
 * ({@link Features}, from records dated on or before T), and for a labelled set their outcome
 * ({@link Outcomes}), next crime group and band at T; the audit columns (gender, age band at T,
 * ethnicity) are kept apart from the inputs and are never among them.
 * <ul>
 * <li>A <b>labelled</b> set ({@link #labelled}) holds the persons at risk at T whose outcome is
 * known and who are not excluded for prison during the follow-up. When {@code T + h} is after
 * the end of the data, nobody's outcome is known and the set is empty: the persons at risk are
 * counted in {@link #unknownFollowUp()}, never as negatives.</li>
 * <li>A <b>prediction</b> set ({@link #forPrediction}) holds every person at risk at T, inputs
 * only, nobody excluded.</li>
 * </ul>
 * Rows are in person order. The arrays returned by the accessors are the set's own (shared, not
 * copied, for speed): do not change them.
 */
public final class ModelDataset {
    /**
     * The options of a labelled set.
     *
     * @param outcome        what is predicted
     * @param horizonDays    the follow-up h, in days (default 365)
     * @param violentGroups  the crime groups of VIOLENT_OFFENCE (default VIOLENCE, ROBBERY, SEXUAL)
     * @param maxPrisonShare persons in prison for more than this share of the follow-up are left
     *                       out (default 0.5; 1.0 leaves nobody out)
     */
    public record Labelling(Outcome outcome, int horizonDays, Set<String> violentGroups, double maxPrisonShare) {
        public Labelling {
            if (outcome == null) {
                throw new IllegalArgumentException("an outcome is needed");
            }
            if (horizonDays < 1) {
                throw new IllegalArgumentException("the horizon must be at least one day");
            }
            if (!(maxPrisonShare >= 0 && maxPrisonShare <= 1)) {
                throw new IllegalArgumentException("the prison share must be between 0 and 1");
            }
            violentGroups = Set.copyOf(violentGroups);
        }

        /** The defaults for an outcome: 365 days, the default violent groups, a prison share of 0.5. */
        public static Labelling of(Outcome outcome) {
            return new Labelling(outcome, Outcomes.DEFAULT_HORIZON_DAYS, Outcomes.DEFAULT_VIOLENT_GROUPS,
                    Outcomes.DEFAULT_MAX_PRISON_SHARE);
        }
    }

    private static final int BLOCK = 2048;

    private final LocalDate asAt;
    private final Features features;
    private final Labelling labelling;
    private final int[] person;
    private final double[][] x;
    private final boolean[] y;
    private final int[] nextGroup;
    private final int[] lastGroup;
    private final int[] band;
    private final double[] rfsdi;
    private final int[] prisonDays;
    private final String[] gender;
    private final String[] ageBand;
    private final String[] ethnicity;
    private final int atRisk;
    private final int unknown;
    private final int excludedPrison;
    private final boolean complete;
    private final double ageImputed;
    private final double ageFirstImputed;

    private ModelDataset(LocalDate asAt, Features features, Labelling labelling, int[] rows, Features.Matrix m,
                         int atRisk, int unknown, int excludedPrison, boolean complete) {
        int n = rows.length;
        this.asAt = asAt;
        this.features = features;
        this.labelling = labelling;
        this.person = rows;
        this.x = m.rows();
        this.y = new boolean[n];
        this.nextGroup = new int[n];
        this.lastGroup = new int[n];
        this.band = new int[n];
        this.rfsdi = new double[n];
        this.prisonDays = new int[n];
        this.gender = new String[n];
        this.ageBand = new String[n];
        this.ethnicity = new String[n];
        this.atRisk = atRisk;
        this.unknown = unknown;
        this.excludedPrison = excludedPrison;
        this.complete = complete;
        this.ageImputed = m.ageAtTImputed();
        this.ageFirstImputed = m.ageAtFirstOffenceImputed();
    }

    /**
     * The labelled set at T: the persons at risk under {@code frozen} (applied at T) whose outcome
     * over {@code (T, T + h]} is known and who are not excluded for prison.
     */
    public static ModelDataset labelled(ModelData md, ScoringConfig frozen, LocalDate asAt, Features f, Labelling l) {
        return build(md, frozen, asAt, f, l, null);
    }

    /** Everyone at risk at T, inputs only: nobody is left out, no outcome. */
    public static ModelDataset forPrediction(ModelData md, ScoringConfig frozen, LocalDate asAt, Features f) {
        return build(md, frozen, asAt, f, null, null);
    }

    /**
     * Inputs only, for the given persons (e.g. a scoring run's persons at risk), computed at T
     * with the frozen configuration; rows in person order.
     */
    public static ModelDataset forPersons(ModelData md, ScoringConfig frozen, LocalDate asAt, Features f,
                                          boolean[] persons) {
        if (persons.length != md.persons()) {
            throw new IllegalArgumentException("one flag per person is needed");
        }
        return build(md, frozen, asAt, f, null, persons);
    }

    private static ModelDataset build(ModelData md, ScoringConfig frozen, LocalDate asAt, Features f, Labelling l,
                                      boolean[] given) {
        ScoreData d = md.score();
        ScoringConfig cfg = frozen.withAsAt(asAt);
        Scores scores = Scorer.score(d, cfg);
        int t = (int) asAt.toEpochDay();
        int n = d.persons();
        // who is at risk, and (labelled) whose outcome counts; the horizon only matters with a label
        Outcomes o = Outcomes.compute(d, cfg, scores, l == null ? Outcome.ANY_OFFENCE : l.outcome(),
                l == null ? Outcomes.DEFAULT_HORIZON_DAYS : l.horizonDays(),
                l == null ? Outcomes.DEFAULT_VIOLENT_GROUPS : l.violentGroups());
        boolean[] keep = new boolean[n];
        int unknown = 0;
        int excluded = 0;
        for (int p = 0; p < n; p++) {
            if (given != null) {
                keep[p] = given[p];
            } else if (l == null) {
                keep[p] = o.atRisk(p);
            } else if (o.atRisk(p)) {
                if (!o.known(p)) {
                    unknown++;
                } else if (o.excluded(p, l.maxPrisonShare())) {
                    excluded++;
                } else {
                    keep[p] = true;
                }
            }
        }
        int[] rows = IntStream.range(0, n).filter(p -> keep[p]).toArray();
        Features.Matrix m = f.matrix(md, scores, t, rows);
        ModelDataset out = new ModelDataset(asAt, f, l, rows, m, o.atRiskCount(), unknown, excluded, o.followUpComplete());
        int[] groupOfCode = f.groupOfCode(d);
        IntStream.range(0, (rows.length + BLOCK - 1) / BLOCK).parallel().forEach(b -> {
            for (int r = b * BLOCK, e = Math.min(rows.length, (b + 1) * BLOCK); r < e; r++) {
                int p = rows[r];
                if (l != null) {
                    out.y[r] = Boolean.TRUE.equals(o.label(p));
                    String next = o.nextCrimeGroup(p);
                    out.nextGroup[r] = next == null ? -1 : f.groups().indexOf(next);
                    out.prisonDays[r] = o.prisonDays(p);
                } else {
                    out.nextGroup[r] = -1;
                }
                out.lastGroup[r] = lastGroup(d, p, t, groupOfCode);
                out.band[r] = scores.band(p).ordinal();
                out.rfsdi[r] = scores.rfsdi(p);
                char g = md.gender(p);
                out.gender[r] = g == 'M' ? "M" : g == 'F' ? "F" : "U";
                out.ageBand[r] = md.ageBand(p, t);
                String eth = md.auditEthnicity(p);
                out.ethnicity[r] = eth == null || eth.isBlank() ? "unknown" : eth;
            }
        });
        return out;
    }

    private static int lastGroup(ScoreData d, int p, int t, int[] groupOfCode) {
        int g = -1;
        for (int i = d.offenceFrom(p), e = d.offenceFrom(p + 1); i < e; i++) {
            if (d.offenceDay(i) > t) {
                break;
            }
            g = groupOfCode[d.offenceCode(i)];
        }
        return g;
    }

    // ------------------------------------------------------------------ the set

    public LocalDate asAt() {
        return asAt;
    }

    public Features features() {
        return features;
    }

    public List<String> featureNames() {
        return features.names();
    }

    /** The options of a labelled set; null for a prediction set. */
    public Labelling labelling() {
        return labelling;
    }

    public boolean isLabelled() {
        return labelling != null;
    }

    public int size() {
        return person.length;
    }

    /** Row {@code i}'s person index (into {@link ScoreData} and {@link ModelData}). */
    public int person(int i) {
        return person[i];
    }

    /** Every row's person index. */
    public int[] persons() {
        return person;
    }

    /** The inputs, one row per person ({@link #featureNames()} order). */
    public double[][] x() {
        return x;
    }

    /** The inputs as one row-major array (n × k), a copy. */
    public double[] rowMajor() {
        int k = features.count();
        double[] out = new double[x.length * k];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, out, i * k, k);
        }
        return out;
    }

    /** The outcome per row (all false in a prediction set). */
    public boolean[] y() {
        return y;
    }

    /** Rows with the outcome. */
    public long positives() {
        long n = 0;
        for (boolean b : y) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** The share of rows with the outcome (NaN when empty). */
    public double baseRate() {
        return size() == 0 ? Double.NaN : positives() / (double) size();
    }

    /** The crime groups, sorted: what {@link #nextGroup()} and {@link #lastGroup()} index. */
    public List<String> groups() {
        return features.groups();
    }

    /** Per row the index in {@link #groups()} of the next offence's crime group in the follow-up, or -1. */
    public int[] nextGroup() {
        return nextGroup;
    }

    /** Per row the index in {@link #groups()} of the last offence's crime group on or before T, or -1. */
    public int[] lastGroup() {
        return lastGroup;
    }

    /** Per row the band ordinal at T. */
    public int[] band() {
        return band;
    }

    /** Per row the RFSDi at T. */
    public double[] rfsdi() {
        return rfsdi;
    }

    /** Per row the days in prison during the follow-up (labelled sets; 0 in a prediction set). */
    public int[] prisonDaysInFollowUp() {
        return prisonDays;
    }

    /** Audit only, never an input: 'M', 'F' or 'U' per row. */
    public String[] auditGender() {
        return gender;
    }

    /** Audit only: the age band at T per row ("under 18", "18-24", "25-34", "35-44", "45+", "unknown"). */
    public String[] auditAgeBand() {
        return ageBand;
    }

    /** Audit only, never an input: the ethnicity per row ("unknown" when not recorded). */
    public String[] auditEthnicity() {
        return ethnicity;
    }

    /** Persons at risk at T (before anyone is left out). */
    public int atRisk() {
        return atRisk;
    }

    /** Persons at risk whose outcome is unknown because the follow-up runs past the end of the data. */
    public int unknownFollowUp() {
        return unknown;
    }

    /** Persons at risk with a known outcome left out for prison during the follow-up. */
    public int excludedPrison() {
        return excludedPrison;
    }

    /** Whether {@code T + h} is on or before the end of the data (always false for a prediction set's horizon). */
    public boolean followUpComplete() {
        return labelling != null && complete;
    }

    /** The median age at T that filled unknown ages (see {@link Features}). */
    public double ageAtTImputed() {
        return ageImputed;
    }

    public double ageAtFirstOffenceImputed() {
        return ageFirstImputed;
    }
}
