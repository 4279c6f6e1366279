package org.iomworkbench.core.model.data;

import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.Scores;
import org.iomworkbench.core.score.ScoringConfig;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The model inputs (the feature specification and its computation): a fixed list of columns,
 * in a stable order given by the crime groups, the gender option and the lookback, each computed
 * for a person at an as-at date T from records dated on or before T only.
 * <h2>Rules</h2>
 * <ul>
 * <li>A window of N days is the days {@code (T − N, T]}: an offence on T is in every window, an
 * offence exactly N days before T is not in the N-day window (it is in the next one). The
 * windows are 91, 182, 365 and 730 days (3, 6, 12 and 24 months), measured back from T (the
 * calendar), whereas the RFSDi and its components are measured back from the spec's clock.</li>
 * <li>A prison stay entered on or before T and not released by T (release after T, or none) is
 * "in prison at T"; its release date is not known at T and is never used: its days count up to
 * and including T only. A stay holds the days {@code [entry, release)} (the release day is a day
 * out, as in the spec's clock). Stays entered after T do not exist at T. Overlapping stays count
 * each day once.</li>
 * <li>A marker is active at T when it started on or before T and had not ended by T (an end after
 * T is not known at T, so the marker counts as active). Drug tests and custody arrests count when
 * dated on or before T.</li>
 * <li>Day counts with nothing to count from (no offence, no release) take {@link #CAP_DAYS}, and
 * larger values are capped there.</li>
 * <li>Age is in completed years. A date of birth that is missing, after T, or after the first
 * offence (a mistyped date) is unknown: {@link #compute(ModelData, Scores, int, int, double[])}
 * then leaves {@code age_at_t} and {@code age_at_first_offence} as NaN and sets
 * {@code age_unknown} to 1; {@link #matrix} fills them with the median of the known values
 * among the rows it builds (each median reported with the matrix), or with fixed values
 * ({@link #withImputation}).</li>
 * <li>Never an input: ethnicity, names, postcodes, identifiers. Gender only when the option is on
 * (two 0/1 columns, {@code gender_m} and {@code gender_f}; U is both 0).</li>
 * </ul>
 * See {@link #columns()} for each column's meaning.
 */
public final class Features {
    /** The window lengths in days: 3, 6, 12 and 24 months. */
    public static final List<Integer> WINDOW_DAYS = List.of(91, 182, 365, 730);
    static final int[] WINDOWS = {91, 182, 365, 730};
    /** The cap of day counts, and their value when there is nothing to count from. */
    public static final int CAP_DAYS = 3650;
    private static final int BLOCK = 2048;

    /** A column: its name and what it holds. */
    public record Column(String name, String meaning) {
    }

    private final List<Column> columns;
    private final List<String> names;
    private final List<String> groups;
    private final boolean gender;
    private final int lookback;
    private final int ageAtT;
    private final int ageAtFirst;
    private final int ageUnknown;
    private final int groupBase;
    /** Fixed values for unknown ages, or NaN: the median of the rows built. */
    private final double fixedAgeAtT;
    private final double fixedAgeAtFirst;

    /**
     * @param groups   the crime groups (one count column each), in a fixed order (normally
     *                 {@link ScoreData#crimeGroups()}, sorted)
     * @param gender   whether the two gender columns are inputs
     * @param lookback the scoring configuration's lookback (days) for the drug-test columns
     */
    public Features(List<String> groups, boolean gender, int lookback) {
        this(groups, gender, lookback, Double.NaN, Double.NaN);
    }

    private Features(List<String> groups, boolean gender, int lookback, double fixedAgeAtT, double fixedAgeAtFirst) {
        this.fixedAgeAtT = fixedAgeAtT;
        this.fixedAgeAtFirst = fixedAgeAtFirst;
        if (lookback < 0) {
            throw new IllegalArgumentException("the lookback must be at least 0 days");
        }
        this.groups = List.copyOf(groups);
        this.gender = gender;
        this.lookback = lookback;
        List<Column> c = new ArrayList<>();
        for (int w : WINDOWS) {
            c.add(new Column("offences_" + w + "d", "offences dated in the " + w + " days up to T, (T-" + w + ", T]"));
        }
        for (int w : WINDOWS) {
            c.add(new Column("harm_" + w + "d", "sum of h = log10(1 + harm days) over the offences of offences_" + w + "d"));
        }
        c.add(new Column("offences_total", "offences dated on or before T"));
        c.add(new Column("harm_total", "sum of h over the offences dated on or before T"));
        c.add(new Column("days_since_last_offence", "T minus the date of the last offence on or before T, capped at "
                + CAP_DAYS + " (" + CAP_DAYS + " when none)"));
        c.add(new Column("career_days", "last minus first offence date, both on or before T (0 with one offence)"));
        c.add(new Column("age_at_t", "age in completed years at T; unknown: the median of the known (see age_unknown)"));
        c.add(new Column("age_at_first_offence", "age in completed years on the first offence's date; unknown: the median"
                + " of the known"));
        c.add(new Column("age_unknown", "1 when the date of birth is missing or impossible (after T or the first offence)"));
        for (String g : this.groups) {
            c.add(new Column(groupColumn(g), "offences of crime group " + g + " dated on or before T"));
        }
        c.add(new Column("alcohol_offences_total", "alcohol-related offences dated on or before T"));
        c.add(new Column("alcohol_offences_730d", "alcohol-related offences in (T-730, T]"));
        c.add(new Column("custody_365d", "custody arrests in (T-365, T]"));
        c.add(new Column("custody_730d", "custody arrests in (T-730, T]"));
        c.add(new Column("custody_total", "custody arrests dated on or before T"));
        c.add(new Column("prison_stays", "prison stays entered on or before T"));
        c.add(new Column("prison_days_730d", "days in prison in (T-730, T], a stay holding [entry, release), counted up"
                + " to T only"));
        c.add(new Column("in_prison_at_t", "1 when a stay was entered on or before T and not released by T"));
        c.add(new Column("days_since_release", "T minus the latest release on or before T, capped at " + CAP_DAYS
                + " (" + CAP_DAYS + " when none)"));
        c.add(new Column("opiates_positive_lookback", "positive tests for opiates (or both) in (T-lookback, T], lookback "
                + lookback + " days"));
        c.add(new Column("cocaine_positive_lookback", "positive tests for cocaine (or both) in (T-lookback, T]"));
        c.add(new Column("opiates_positive_total", "positive tests for opiates (or both) dated on or before T"));
        c.add(new Column("cocaine_positive_total", "positive tests for cocaine (or both) dated on or before T"));
        c.add(new Column("alcohol_marker_active", "1 when an ALCOHOL_DEPENDENCY marker started on or before T and had"
                + " not ended by T"));
        c.add(new Column("s", "the base harm S at T (spec section 2)"));
        c.add(new Column("ln1p_s", "ln(1 + S)"));
        c.add(new Column("rfsdi", "the RFSDi at T under the frozen weights (section 4)"));
        c.add(new Column("ln1p_rfsdi", "ln(1 + RFSDi)"));
        c.add(new Column("band", "the band at T under the frozen cut-offs, 0 LOW .. 4 SUPER_HIGH"));
        c.add(new Column("x_alcohol_crime", "the indicator alcohol_crime at T (section 3, 0/1)"));
        c.add(new Column("x_alcohol_dependency", "the indicator alcohol_dependency at T (0/1)"));
        c.add(new Column("x_opiates_positive", "the indicator opiates_positive at T (0/1)"));
        c.add(new Column("x_cocaine_positive", "the indicator cocaine_positive at T (0/1)"));
        c.add(new Column("x_harm_trend", "the trend harm_trend at T (-1, 0, +1)"));
        c.add(new Column("x_freq_trend", "the trend freq_trend at T (-1, 0, +1)"));
        if (gender) {
            c.add(new Column("gender_m", "1 when the gender is M (only with the gender option on)"));
            c.add(new Column("gender_f", "1 when the gender is F (only with the gender option on)"));
        }
        this.columns = List.copyOf(c);
        this.names = columns.stream().map(Column::name).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("two crime groups give the same column name: " + groups);
        }
        this.ageAtT = names.indexOf("age_at_t");
        this.ageAtFirst = names.indexOf("age_at_first_offence");
        this.ageUnknown = names.indexOf("age_unknown");
        this.groupBase = ageUnknown + 1;
    }

    /** The inputs for a snapshot's crime groups (sorted) and the configuration's lookback. */
    public static Features of(ScoreData d, ScoringConfig cfg, boolean gender) {
        return new Features(d.crimeGroups(), gender, cfg.lookbackDays());
    }

    /**
     * The same columns, with unknown ages filled by the given values instead of the medians of the
     * rows built (e.g. a training set's {@link Matrix#ageAtTImputed()}, to predict with what the
     * model was trained on). NaN for either: the median again.
     */
    public Features withImputation(double ageAtT, double ageAtFirstOffence) {
        return new Features(groups, gender, lookback, ageAtT, ageAtFirstOffence);
    }

    /** The column name of a crime group's count. */
    public static String groupColumn(String group) {
        return "group_" + group.toLowerCase(Locale.ROOT);
    }

    public List<String> names() {
        return names;
    }

    /** Every column with its meaning, in order. */
    public List<Column> columns() {
        return columns;
    }

    /** Column name to meaning, in order (for a run's record). */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Column c : columns) {
            m.put(c.name(), c.meaning());
        }
        return Collections.unmodifiableMap(m);
    }

    /** The position of a column, or -1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    public int count() {
        return names.size();
    }

    public List<String> groups() {
        return groups;
    }

    public boolean usesGender() {
        return gender;
    }

    public int lookbackDays() {
        return lookback;
    }

    /** Per harm-index code, the index of its crime group in {@link #groups()}, or -1. */
    int[] groupOfCode(ScoreData d) {
        int[] out = new int[d.codeCount()];
        for (int c = 0; c < out.length; c++) {
            out[c] = groups.indexOf(d.codeGroup(c));
        }
        return out;
    }

    /**
     * Person {@code p}'s inputs at epoch day {@code t} into {@code out} (length {@link #count()}),
     * with {@code scores} the scores at {@code t} under the frozen configuration. An unknown age
     * is left NaN (see the class notes); {@link #matrix} imputes it.
     */
    public void compute(ModelData md, Scores scores, int p, int t, double[] out) {
        kernel(md, scores, p, t, groupOfCode(md.score()), out);
    }

    /** The inputs of a set of persons, one row per person, with the medians that filled unknown ages. */
    public record Matrix(List<String> names, int[] persons, double[][] rows, double ageAtTImputed,
                         double ageAtFirstOffenceImputed) {
        public int size() {
            return rows.length;
        }

        /** The rows as one row-major array (n × k). */
        public double[] rowMajor() {
            int k = names.size();
            double[] out = new double[rows.length * k];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(rows[i], 0, out, i * k, k);
            }
            return out;
        }
    }

    /**
     * The inputs of {@code persons} at {@code asAt}: the RFSDi parts from
     * {@code Scorer.score(md.score(), frozen.withAsAt(asAt))}.
     */
    public Matrix matrix(ModelData md, ScoringConfig frozen, LocalDate asAt, int[] persons) {
        Scores scores = Scorer.score(md.score(), frozen.withAsAt(asAt));
        return matrix(md, scores, (int) asAt.toEpochDay(), persons);
    }

    /**
     * The inputs of {@code persons} at epoch day {@code t}, {@code scores} being the scores at
     * {@code t}; rows in the order of {@code persons}, computed in parallel blocks (each row
     * independent, so the result does not depend on the threads). Unknown ages are filled with
     * the median of the known values among these rows (0 when none is known).
     */
    public Matrix matrix(ModelData md, Scores scores, int t, int[] persons) {
        int n = persons.length;
        int k = count();
        double[][] rows = new double[n][];
        int[] groupOfCode = groupOfCode(md.score());
        IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().forEach(b -> {
            for (int r = b * BLOCK, e = Math.min(n, (b + 1) * BLOCK); r < e; r++) {
                double[] row = new double[k];
                kernel(md, scores, persons[r], t, groupOfCode, row);
                rows[r] = row;
            }
        });
        double medianAge = impute(rows, ageAtT, fixedAgeAtT);
        double medianFirst = impute(rows, ageAtFirst, fixedAgeAtFirst);
        return new Matrix(names, persons.clone(), rows, medianAge, medianFirst);
    }

    /**
     * Fills the NaN cells of column {@code col} with {@code fixed}, or when that is NaN with the
     * median of the others (0 when there are none); returns the value used.
     */
    private static double impute(double[][] rows, int col, double fixed) {
        double[] known = new double[Double.isNaN(fixed) ? rows.length : 0];
        int m = 0;
        if (Double.isNaN(fixed)) {
            for (double[] r : rows) {
                if (!Double.isNaN(r[col])) {
                    known[m++] = r[col];
                }
            }
        }
        double median = Double.isNaN(fixed) ? 0 : fixed;
        if (m > 0) {
            Arrays.sort(known, 0, m);
            median = m % 2 == 1 ? known[m / 2] : (known[m / 2 - 1] + known[m / 2]) / 2;
        }
        if (m < rows.length) {
            for (double[] r : rows) {
                if (Double.isNaN(r[col])) {
                    r[col] = median;
                }
            }
        }
        return median;
    }

    private void kernel(ModelData md, Scores scores, int p, int t, int[] groupOfCode, double[] out) {
        ScoreData d = md.score();
        int k = 0;
        int cnt0 = 0;
        int cnt1 = 0;
        int cnt2 = 0;
        int cnt3 = 0;
        double harm0 = 0;
        double harm1 = 0;
        double harm2 = 0;
        double harm3 = 0;
        int total = 0;
        double harmTotal = 0;
        int first = Integer.MIN_VALUE;
        int last = Integer.MIN_VALUE;
        int alcohol = 0;
        int alcohol730 = 0;
        for (int g = 0; g < groups.size(); g++) {
            out[groupBase + g] = 0;
        }
        for (int i = d.offenceFrom(p), e = d.offenceFrom(p + 1); i < e; i++) {
            int day = d.offenceDay(i);
            if (day > t) {
                break; // sorted by date: nothing after T is read
            }
            total++;
            double h = d.offenceH(i);
            harmTotal += h;
            if (first == Integer.MIN_VALUE) {
                first = day;
            }
            last = day;
            int ago = t - day; // 0 on T
            if (ago < 730) {
                cnt3++;
                harm3 += h;
                if (ago < 365) {
                    cnt2++;
                    harm2 += h;
                    if (ago < 182) {
                        cnt1++;
                        harm1 += h;
                        if (ago < 91) {
                            cnt0++;
                            harm0 += h;
                        }
                    }
                }
            }
            if (d.offenceAlcohol(i)) {
                alcohol++;
                if (ago < 730) {
                    alcohol730++;
                }
            }
            int g = groupOfCode[d.offenceCode(i)];
            if (g >= 0) {
                out[groupBase + g]++;
            }
        }
        out[k++] = cnt0;
        out[k++] = cnt1;
        out[k++] = cnt2;
        out[k++] = cnt3;
        out[k++] = harm0;
        out[k++] = harm1;
        out[k++] = harm2;
        out[k++] = harm3;
        out[k++] = total;
        out[k++] = harmTotal;
        out[k++] = total == 0 ? CAP_DAYS : Math.min(CAP_DAYS, t - last);
        out[k++] = total == 0 ? 0 : last - first;
        // age: the date of birth must be on or before T and the first offence
        int birth = md.dateOfBirth(p);
        int limit = total == 0 ? t : first;
        boolean known = birth != ModelData.NO_DATE && birth <= limit;
        out[k++] = known ? ModelData.age(birth, t) : Double.NaN;
        out[k++] = known && total > 0 ? ModelData.age(birth, first) : Double.NaN;
        out[k++] = known ? 0 : 1;
        k += groups.size(); // filled in the offence loop
        out[k++] = alcohol;
        out[k++] = alcohol730;
        int c365 = 0;
        int c730 = 0;
        int cTotal = 0;
        for (int c = md.custodyFrom(p), e = md.custodyFrom(p + 1); c < e; c++) {
            int day = md.custodyDay(c);
            if (day > t) {
                break; // sorted
            }
            cTotal++;
            int ago = t - day;
            if (ago < 730) {
                c730++;
                if (ago < 365) {
                    c365++;
                }
            }
        }
        out[k++] = c365;
        out[k++] = c730;
        out[k++] = cTotal;
        // prison: stays in entry order (as ScoreData lays them out); days [entry, release) up to T only, each day once
        int stays = 0;
        long days730 = 0;
        boolean inPrison = false;
        int lastRelease = Integer.MIN_VALUE;
        long covered = (long) t - 730 + 1; // the first day not yet counted
        for (int s = d.prisonFrom(p), e = d.prisonFrom(p + 1); s < e; s++) {
            int entry = d.prisonEntryDay(s);
            if (entry > t) {
                continue; // not yet in existence at T
            }
            stays++;
            int release = d.prisonReleaseDay(s);
            boolean releasedByT = release != ScoreData.OPEN && release <= t;
            long endExclusive = releasedByT ? release : t + 1L; // an unknown release: count up to T
            long lo = Math.max(entry, covered);
            if (endExclusive > lo) {
                days730 += endExclusive - lo;
                covered = endExclusive;
            }
            if (releasedByT) {
                lastRelease = Math.max(lastRelease, release);
            } else {
                inPrison = true;
            }
        }
        out[k++] = stays;
        out[k++] = days730;
        out[k++] = inPrison ? 1 : 0;
        out[k++] = lastRelease == Integer.MIN_VALUE ? CAP_DAYS : Math.min(CAP_DAYS, t - lastRelease);
        int opL = 0;
        int coL = 0;
        int opT = 0;
        int coT = 0;
        for (int q = d.testFrom(p), e = d.testFrom(p + 1); q < e; q++) {
            int day = d.testDay(q);
            if (day > t) {
                continue;
            }
            byte kind = d.testKind(q);
            boolean recent = t - day < lookback;
            if ((kind & ScoreData.OPIATES) != 0) {
                opT++;
                if (recent) {
                    opL++;
                }
            }
            if ((kind & ScoreData.COCAINE) != 0) {
                coT++;
                if (recent) {
                    coL++;
                }
            }
        }
        out[k++] = opL;
        out[k++] = coL;
        out[k++] = opT;
        out[k++] = coT;
        boolean marker = false;
        for (int m = d.markerIndexFrom(p), e = d.markerIndexFrom(p + 1); m < e; m++) {
            int end = d.markerEndDay(m);
            if (d.markerStartDay(m) <= t && (end == ScoreData.OPEN || end > t)) {
                marker = true;
                break;
            }
        }
        out[k++] = marker ? 1 : 0;
        double s = scores.s(p);
        double r = scores.rfsdi(p);
        out[k++] = s;
        out[k++] = Math.log1p(s);
        out[k++] = r;
        out[k++] = Math.log1p(r);
        out[k++] = scores.band(p) == null ? -1 : scores.band(p).ordinal();
        for (int x = 0; x < 6; x++) {
            out[k++] = scores.x(p, x);
        }
        if (gender) {
            char g = md.gender(p);
            out[k++] = g == 'M' ? 1 : 0;
            out[k++] = g == 'F' ? 1 : 0;
        }
    }
}
