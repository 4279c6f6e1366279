package org.iomworkbench.core.model.data;

import org.iomworkbench.core.score.Band;
import org.iomworkbench.core.score.Labels;
import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.Scores;
import org.iomworkbench.core.score.ScoringConfig;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The people at risk at an as-at date T (band LOW, LOW_MEDIUM or HIGH_MEDIUM at T under the
 * frozen scoring configuration, with an offence on or before T), their inputs, and, for a
 * labelled set, their outcome over {@code (T, T + horizon]}:
 * <ul>
 * <li>when {@code T + horizon} is after the end of the data, outcomes are unknown and the
 * labelled set is empty (never counted as "did not escalate");</li>
 * <li>a person who spends more than {@code maxPrisonShare} of the follow-up in prison is left out
 * of a labelled set (little opportunity to offend; as negatives they would teach the model that
 * people bound for prison are low risk); "in prison at T" stays an input.</li>
 * </ul>
 * The audit columns (gender, age band, ethnicity) are kept apart from the inputs.
 */
public final class Dataset {
    public final LocalDate asAt;
    public final int[] person;
    public final double[][] x;
    /** Outcome (labelled sets only). */
    public final boolean[] y;
    /** Index into {@link #groups} of the next offence's crime group within the follow-up, or -1. */
    public final int[] nextGroup;
    /** Index into {@link #groups} of the last offence's crime group on or before T, or -1. */
    public final int[] lastGroup;
    public final int[] band;
    public final double[] rfsdi;
    public final String[] gender;
    public final String[] ageBand;
    public final String[] ethnicity;
    public final List<String> groups;
    /** People at risk left out: outcome unknown (follow-up incomplete), prison for most of the follow-up. */
    public final int atRisk;
    public final int excludedPrison;
    public final boolean labelled;

    private Dataset(LocalDate asAt, int n, int k, List<String> groups, int atRisk, int excludedPrison, boolean labelled) {
        this.asAt = asAt;
        this.person = new int[n];
        this.x = new double[n][k];
        this.y = new boolean[n];
        this.nextGroup = new int[n];
        this.lastGroup = new int[n];
        this.band = new int[n];
        this.rfsdi = new double[n];
        this.gender = new String[n];
        this.ageBand = new String[n];
        this.ethnicity = new String[n];
        this.groups = groups;
        this.atRisk = atRisk;
        this.excludedPrison = excludedPrison;
        this.labelled = labelled;
    }

    public int size() {
        return person.length;
    }

    public long positives() {
        long n = 0;
        for (boolean b : y) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** Options of a labelled set. */
    public record Labelling(Outcome outcome, int horizonDays, Set<String> violentGroups, double maxPrisonShare) {
    }

    /** The labelled set at T: the people at risk whose outcome is known and who are not left out. */
    public static Dataset labelled(ModelData md, ScoringConfig frozen, LocalDate t, Features f, Labelling l) {
        return build(md, frozen, t, f, l);
    }

    /** Everyone at risk at T, inputs only (the people a list would be for): nobody is left out. */
    public static Dataset forPrediction(ModelData md, ScoringConfig frozen, LocalDate t, Features f) {
        return build(md, frozen, t, f, null);
    }

    /**
     * Inputs only, for the given persons (e.g. a scoring run's people at risk, whose bands come
     * from that run), computed at T with the frozen configuration; in the given order.
     */
    public static Dataset forPersons(ModelData md, ScoringConfig frozen, LocalDate t, Features f, boolean[] persons) {
        return build(md, frozen, t, f, null, persons);
    }

    private static Dataset build(ModelData md, ScoringConfig frozen, LocalDate asAt, Features f, Labelling l) {
        return build(md, frozen, asAt, f, l, null);
    }

    private static Dataset build(ModelData md, ScoringConfig frozen, LocalDate asAt, Features f, Labelling l,
                                 boolean[] given) {
        ScoreData d = md.score();
        ScoringConfig cfg = frozen.withAsAt(asAt);
        Scores scores = Scorer.score(d, cfg);
        int t = (int) asAt.toEpochDay();
        int n = d.persons();
        boolean[] atRisk = new boolean[n];
        for (int p = 0; p < n; p++) {
            int from = d.offenceFrom(p);
            atRisk[p] = given != null ? given[p]
                    : from < d.offenceFrom(p + 1) && d.offenceDay(from) <= t && scores.band(p).ordinal() < Band.HIGH.ordinal();
        }
        int risk = 0;
        for (boolean b : atRisk) {
            if (b) {
                risk++;
            }
        }
        boolean[] keep = atRisk.clone();
        boolean[] outcome = new boolean[n];
        String[] next = new String[n];
        int excluded = 0;
        if (l != null) {
            int last = t + l.horizonDays();
            boolean complete = d.endOfData().isPresent() && last <= d.endOfData().get().toEpochDay();
            if (!complete) {
                java.util.Arrays.fill(keep, false);
            } else {
                Labels labels = Labels.compute(d, cfg, scores, l.horizonDays());
                for (int p = 0; p < n; p++) {
                    if (!keep[p]) {
                        continue;
                    }
                    if (prisonDays(d, p, t, last) > l.maxPrisonShare() * l.horizonDays()) {
                        keep[p] = false;
                        excluded++;
                        continue;
                    }
                    next[p] = labels.nextCrimeGroup(p);
                    outcome[p] = switch (l.outcome()) {
                        case ESCALATION -> Boolean.TRUE.equals(labels.escalates(p));
                        case ANY_OFFENCE -> next[p] != null;
                        case VIOLENT_OFFENCE -> violentIn(d, p, t, last, l.violentGroups());
                    };
                }
            }
        }
        int[] rows = IntStream.range(0, n).filter(p -> keep[p]).toArray();
        Dataset out = new Dataset(asAt, rows.length, f.count(), f.groups(), risk, excluded, l != null);
        IntStream.range(0, (rows.length + 1023) / 1024).parallel().forEach(b -> {
            for (int r = b * 1024, e = Math.min(rows.length, (b + 1) * 1024); r < e; r++) {
                int p = rows[r];
                out.person[r] = p;
                f.compute(md, scores, p, t, out.x[r]);
                out.y[r] = outcome[p];
                out.nextGroup[r] = next[p] == null ? -1 : f.groups().indexOf(next[p]);
                out.lastGroup[r] = lastGroup(d, p, t, f.groups());
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

    /** Days in prison during {@code (t, last]}: a stay holds the days [entry, release), an open one to the end. */
    static long prisonDays(ScoreData d, int p, int t, int last) {
        long days = 0;
        for (int s = d.prisonFrom(p), e = d.prisonFrom(p + 1); s < e; s++) {
            int entry = d.prisonEntryDay(s);
            int release = d.prisonReleaseDay(s);
            long lo = Math.max(entry, t + 1L);
            long hiExclusive = release == ScoreData.OPEN ? last + 1L : Math.min(release, last + 1L);
            days += Math.max(0, hiExclusive - lo);
        }
        return days;
    }

    private static boolean violentIn(ScoreData d, int p, int t, int last, Set<String> violent) {
        for (int i = d.offenceFrom(p), e = d.offenceFrom(p + 1); i < e; i++) {
            int day = d.offenceDay(i);
            if (day > last) {
                break;
            }
            if (day > t && violent.contains(d.offenceGroup(i))) {
                return true;
            }
        }
        return false;
    }

    private static int lastGroup(ScoreData d, int p, int t, List<String> groups) {
        int g = -1;
        for (int i = d.offenceFrom(p), e = d.offenceFrom(p + 1); i < e; i++) {
            if (d.offenceDay(i) > t) {
                break;
            }
            g = groups.indexOf(d.offenceGroup(i));
        }
        return g;
    }
}
