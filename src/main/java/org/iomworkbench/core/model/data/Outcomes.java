package org.iomworkbench.core.model.data;

import org.iomworkbench.core.score.Band;
import org.iomworkbench.core.score.Labels;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.Scores;
import org.iomworkbench.core.score.ScoringConfig;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What happened to each person at risk at T over the follow-up {@code (T, T + h]} (sections 7 and
 * 8 of the RFSDi spec, with the horizon h as a parameter):
 * <ul>
 * <li>at risk: band LOW, LOW_MEDIUM or HIGH_MEDIUM at T under the frozen configuration, and an
 * offence on or before T (as {@link Labels});</li>
 * <li>the label for the chosen {@link Outcome}: ESCALATION is {@link Labels}' rule (HIGH or
 * SUPER_HIGH on some day of the follow-up); ANY_OFFENCE is an offence dated in the follow-up;
 * VIOLENT_OFFENCE is an offence in the follow-up whose crime group is in the violent set;</li>
 * <li><b>unknown, never negative</b>, when {@code T + h} is after the end of the data E: the
 * follow-up is cut short for everyone, whatever happened so far;</li>
 * <li>the next crime group: that of the first offence in the follow-up (the spec's tie rule: the
 * most harmful, then the smallest group, then the smallest code), null when none or unknown;</li>
 * <li>the days in prison during the follow-up (a stay holds the days {@code [entry, release)}, an
 * open stay to the end of the follow-up, overlaps counted once). Rule: a person who spends more
 * than {@code maxPrisonShare} of the follow-up in prison is {@linkplain #excluded excluded} from
 * training and evaluation, whatever the label (little opportunity to offend; as negatives they
 * would teach a model that people bound for prison are low risk). A share of 1.0 excludes nobody.
 * "In prison at T" stays an input.</li>
 * </ul>
 * The persons not at risk have no label, no next group, and are never excluded (they are not in
 * the population).
 */
public final class Outcomes {
    /** The default violent crime groups. */
    public static final Set<String> DEFAULT_VIOLENT_GROUPS = Set.of("VIOLENCE", "ROBBERY", "SEXUAL");
    public static final int DEFAULT_HORIZON_DAYS = 365;
    public static final double DEFAULT_MAX_PRISON_SHARE = 0.5;
    private static final int BLOCK = 2048;

    private final LocalDate asAt;
    private final int t;
    private final int horizon;
    private final Outcome kind;
    private final boolean complete;
    private final byte[] atRisk;
    /** 1 yes, 0 no, -1 unknown or not at risk. */
    private final byte[] label;
    private final String[] next;
    private final int[] prisonDays;
    private int atRiskCount;

    private Outcomes(LocalDate asAt, int horizon, Outcome kind, boolean complete, int n) {
        this.asAt = asAt;
        this.t = (int) asAt.toEpochDay();
        this.horizon = horizon;
        this.kind = kind;
        this.complete = complete;
        this.atRisk = new byte[n];
        this.label = new byte[n];
        this.next = new String[n];
        this.prisonDays = new int[n];
        java.util.Arrays.fill(label, (byte) -1);
    }

    /** The outcomes at {@code asAt} under the frozen configuration (scored here at {@code asAt}). */
    public static Outcomes compute(ScoreData d, ScoringConfig frozen, LocalDate asAt, Outcome kind, int horizonDays,
                                   Set<String> violentGroups) {
        ScoringConfig cfg = frozen.withAsAt(asAt);
        return compute(d, cfg, Scorer.score(d, cfg), kind, horizonDays, violentGroups);
    }

    /**
     * The outcomes at {@code cfg.asAt()}, {@code scores} being {@code Scorer.score(d, cfg)} (the
     * bands at T decide who is at risk).
     */
    public static Outcomes compute(ScoreData d, ScoringConfig cfg, Scores scores, Outcome kind, int horizonDays,
                                   Set<String> violentGroups) {
        if (horizonDays < 1) {
            throw new IllegalArgumentException("the horizon must be at least one day");
        }
        if (cfg.cutoffs() == null) {
            throw new IllegalArgumentException("the configuration has no cut-offs, so nobody has a band");
        }
        if (scores.size() != d.persons()) {
            throw new IllegalArgumentException("the scores are not of these data");
        }
        LocalDate asAt = cfg.asAt();
        int t = (int) asAt.toEpochDay();
        int last = t + horizonDays;
        boolean complete = d.endOfData().isPresent() && last <= d.endOfData().get().toEpochDay();
        int n = d.persons();
        Outcomes o = new Outcomes(asAt, horizonDays, kind, complete, n);
        Labels labels = kind == Outcome.ESCALATION ? Labels.compute(d, cfg, scores, horizonDays) : null;
        boolean[] violentCode = new boolean[d.codeCount()];
        Set<String> violent = violentGroups.stream().map(g -> g.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        for (int c = 0; c < violentCode.length; c++) {
            violentCode[c] = violent.contains(d.codeGroup(c).toUpperCase(Locale.ROOT));
        }
        int risk = IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().map(b -> {
            int count = 0;
            for (int p = b * BLOCK, e = Math.min(n, (b + 1) * BLOCK); p < e; p++) {
                int from = d.offenceFrom(p);
                int to = d.offenceFrom(p + 1);
                boolean offended = from < to && d.offenceDay(from) <= t;
                if (!offended || scores.band(p).ordinal() >= Band.HIGH.ordinal()) {
                    continue;
                }
                o.atRisk[p] = 1;
                count++;
                o.prisonDays[p] = prisonDays(d, p, t, last);
                if (!complete) {
                    continue;
                }
                boolean any = false;
                boolean violentOffence = false;
                for (int i = from; i < to; i++) {
                    int day = d.offenceDay(i);
                    if (day <= t) {
                        continue;
                    }
                    if (day > last) {
                        break;
                    }
                    if (!any) {
                        o.next[p] = d.offenceGroup(i); // first after T: the tie rule is the layout's order
                        any = true;
                    }
                    if (violentCode[d.offenceCode(i)]) {
                        violentOffence = true;
                        break;
                    }
                }
                boolean y = switch (kind) {
                    case ESCALATION -> Boolean.TRUE.equals(labels.escalates(p));
                    case ANY_OFFENCE -> any;
                    case VIOLENT_OFFENCE -> violentOffence;
                };
                o.label[p] = (byte) (y ? 1 : 0);
            }
            return count;
        }).sum();
        o.atRiskCount = risk;
        return o;
    }

    /**
     * Days of {@code (t, last]} that person {@code p} spends in prison: a stay holds the days
     * {@code [entry, release)}, an open one runs past {@code last}; overlapping stays count once.
     */
    static int prisonDays(ScoreData d, int p, int t, int last) {
        long days = 0;
        long covered = t + 1L; // the first day not yet counted
        long end = last + 1L;
        for (int s = d.prisonFrom(p), e = d.prisonFrom(p + 1); s < e; s++) {
            int release = d.prisonReleaseDay(s);
            long lo = Math.max(d.prisonEntryDay(s), covered);
            long hi = release == ScoreData.OPEN ? end : Math.min(release, end);
            if (hi > lo) {
                days += hi - lo;
                covered = hi;
            }
        }
        return (int) days;
    }

    public LocalDate asAt() {
        return asAt;
    }

    public int horizonDays() {
        return horizon;
    }

    /** The last day of the follow-up, {@code T + h}. */
    public LocalDate followUpEnd() {
        return asAt.plusDays(horizon);
    }

    public Outcome kind() {
        return kind;
    }

    /** Whether {@code T + h} is on or before the end of the data, so that the labels are known. */
    public boolean followUpComplete() {
        return complete;
    }

    public int persons() {
        return atRisk.length;
    }

    public boolean atRisk(int p) {
        return atRisk[p] != 0;
    }

    /** The number of persons at risk at T. */
    public int atRiskCount() {
        return atRiskCount;
    }

    /** Whether the person had the outcome; null when not at risk or when the follow-up is incomplete (unknown). */
    public Boolean label(int p) {
        return label[p] < 0 ? null : label[p] == 1;
    }

    /** Whether the label is known (at risk and the follow-up complete). */
    public boolean known(int p) {
        return label[p] >= 0;
    }

    /** The crime group of the first offence in the follow-up; null when none, unknown or not at risk. */
    public String nextCrimeGroup(int p) {
        return next[p];
    }

    /** Days in prison during {@code (T, T + h]} (computed for persons at risk; 0 for the others). */
    public int prisonDays(int p) {
        return prisonDays[p];
    }

    /** The share of the follow-up spent in prison, 0 to 1. */
    public double prisonShare(int p) {
        return prisonDays[p] / (double) horizon;
    }

    /**
     * Whether a person with a known label is left out of training and evaluation: in prison for
     * more than {@code maxPrisonShare} of the follow-up ({@code 1.0} leaves nobody out).
     */
    public boolean excluded(int p, double maxPrisonShare) {
        return known(p) && prisonDays[p] > maxPrisonShare * horizon;
    }

    /** The persons at risk with a known label, not excluded: the population of a labelled set. */
    public boolean inPopulation(int p, double maxPrisonShare) {
        return known(p) && !excluded(p, maxPrisonShare);
    }
}
