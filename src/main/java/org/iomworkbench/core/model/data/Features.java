package org.iomworkbench.core.model.data;

import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.Scores;

import java.util.ArrayList;
import java.util.List;

/**
 * The model inputs of a person at an as-at date T, from records dated on or before T only. A
 * window of N days is the days {@code (T − N, T]}. A prison stay entered on or before T counts
 * up to T only (its release, if after T, is not known at T); a marker is active at T when it
 * started on or before T and had not ended by T. Never ethnicity, names, postcodes or
 * identifiers; gender only when asked (two 0/1 columns).
 */
public final class Features {
    static final int[] WINDOWS = {91, 182, 365, 730};
    static final int CAP_DAYS = 3650;

    private final List<String> names;
    private final List<String> groups;
    private final boolean gender;
    private final int lookback;

    /**
     * @param groups   the crime groups (one count column each), in a fixed order
     * @param lookback the scoring configuration's lookback (days) for the drug-test columns
     */
    public Features(List<String> groups, boolean gender, int lookback) {
        this.groups = List.copyOf(groups);
        this.gender = gender;
        this.lookback = lookback;
        List<String> n = new ArrayList<>();
        for (int w : WINDOWS) {
            n.add("offences_" + w + "d");
        }
        for (int w : WINDOWS) {
            n.add("harm_" + w + "d");
        }
        n.addAll(List.of("offences_total", "harm_total", "days_since_last_offence", "career_days", "age_at_t",
                "age_at_first_offence", "age_unknown"));
        for (String g : this.groups) {
            n.add("group_" + g.toLowerCase(java.util.Locale.ROOT));
        }
        n.addAll(List.of("alcohol_offences_total", "alcohol_offences_730d", "custody_365d", "custody_730d",
                "custody_total", "prison_stays", "prison_days_730d", "in_prison_at_t", "days_since_release",
                "opiates_positive_lookback", "cocaine_positive_lookback", "opiates_positive_total",
                "cocaine_positive_total", "alcohol_marker_active", "s", "ln1p_s", "rfsdi", "ln1p_rfsdi", "band",
                "x_alcohol_crime", "x_alcohol_dependency", "x_opiates_positive", "x_cocaine_positive", "x_harm_trend",
                "x_freq_trend"));
        if (gender) {
            n.add("gender_m");
            n.add("gender_f");
        }
        this.names = List.copyOf(n);
    }

    public List<String> names() {
        return names;
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

    /** The person's inputs at epoch day {@code t}, into {@code out} (length {@link #count()}). */
    public void compute(ModelData md, Scores scores, int p, int t, double[] out) {
        ScoreData d = md.score();
        int k = 0;
        int from = d.offenceFrom(p);
        int to = d.offenceFrom(p + 1);
        int[] cnt = new int[WINDOWS.length];
        double[] harm = new double[WINDOWS.length];
        int total = 0;
        double harmTotal = 0;
        int first = -1;
        int last = -1;
        int alcohol = 0;
        int alcohol730 = 0;
        double[] group = new double[groups.size()];
        for (int i = from; i < to; i++) {
            int day = d.offenceDay(i);
            if (day > t) {
                break;
            }
            total++;
            double h = d.offenceH(i);
            harmTotal += h;
            if (first < 0) {
                first = day;
            }
            last = day;
            for (int w = 0; w < WINDOWS.length; w++) {
                if (day > t - WINDOWS[w]) {
                    cnt[w]++;
                    harm[w] += h;
                }
            }
            if (d.offenceAlcohol(i)) {
                alcohol++;
                if (day > t - 730) {
                    alcohol730++;
                }
            }
            int g = groups.indexOf(d.offenceGroup(i));
            if (g >= 0) {
                group[g]++;
            }
        }
        for (int w = 0; w < WINDOWS.length; w++) {
            out[k++] = cnt[w];
        }
        for (int w = 0; w < WINDOWS.length; w++) {
            out[k++] = harm[w];
        }
        out[k++] = total;
        out[k++] = harmTotal;
        out[k++] = last < 0 ? CAP_DAYS : Math.min(CAP_DAYS, t - last);
        out[k++] = first < 0 ? 0 : t - first;
        int age = md.ageAt(p, t);
        out[k++] = age < 0 ? 0 : age;
        out[k++] = age < 0 || first < 0 ? 0 : md.ageAt(p, first);
        out[k++] = age < 0 ? 1 : 0;
        for (double g : group) {
            out[k++] = g;
        }
        out[k++] = alcohol;
        out[k++] = alcohol730;
        int c365 = 0;
        int c730 = 0;
        int cTotal = 0;
        for (int c = md.custodyFrom(p), e = md.custodyFrom(p + 1); c < e; c++) {
            int day = md.custodyDay(c);
            if (day > t) {
                break;
            }
            cTotal++;
            if (day > t - 730) {
                c730++;
                if (day > t - 365) {
                    c365++;
                }
            }
        }
        out[k++] = c365;
        out[k++] = c730;
        out[k++] = cTotal;
        int stays = 0;
        long days730 = 0;
        boolean inPrison = false;
        int lastRelease = -1;
        for (int s = d.prisonFrom(p), e = d.prisonFrom(p + 1); s < e; s++) {
            int entry = d.prisonEntryDay(s);
            if (entry > t) {
                continue;
            }
            stays++;
            int release = d.prisonReleaseDay(s);
            boolean releasedByT = release != ScoreData.OPEN && release <= t;
            // in prison on the days [entry, release), counted up to T only
            int endExclusive = releasedByT ? release : t + 1;
            int lo = Math.max(entry, t - 730 + 1);
            days730 += Math.max(0, endExclusive - lo);
            if (!releasedByT) {
                inPrison = true;
            } else {
                lastRelease = Math.max(lastRelease, release);
            }
        }
        out[k++] = stays;
        out[k++] = days730;
        out[k++] = inPrison ? 1 : 0;
        out[k++] = lastRelease < 0 ? CAP_DAYS : Math.min(CAP_DAYS, t - lastRelease);
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
            boolean recent = day > t - lookback;
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
            int start = d.markerStartDay(m);
            int end = d.markerEndDay(m);
            if (start <= t && (end == ScoreData.OPEN || end > t)) {
                marker = true;
            }
        }
        out[k++] = marker ? 1 : 0;
        double s = scores.s(p);
        out[k++] = s;
        out[k++] = Math.log1p(s);
        out[k++] = scores.rfsdi(p);
        out[k++] = Math.log1p(scores.rfsdi(p));
        out[k++] = scores.band(p).ordinal();
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
