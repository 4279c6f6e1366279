package org.iomworkbench.core.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Simulates one person's life and offending career (the generative model of
 * {@code sample-data/GENERATOR.md}):
 * <ol>
 * <li>identity: gender, ethnicity code, names from a pool matched to it, a home that moves;</li>
 * <li>onset on a day drawn uniformly from the years before and within the window, at an age of
 *     10 or more; date of birth follows;</li>
 * <li>a personal base rate (log-normal), a crime-type specialisation around the national mix,
 *     and episodes of alcohol dependency, opiate use and cocaine use;</li>
 * <li>month by month: offences ~ Poisson(rate), where rate = base x age curve x drift x the
 *     substance multipliers; the drift is a random walk whose escalating and de-escalating
 *     phases push the log-rate and the weight of serious offences up or down; desistance is a
 *     monthly hazard rising with age; nobody offends in prison;</li>
 * <li>each offence: a code from the personal mix shifted by the substances (alcohol towards
 *     violence, public order and damage; drugs towards theft, burglary, robbery and drugs), the
 *     alcohol_related flag, recording, arrest, a drug test on arrest for trigger offences (its
 *     result follows true use), a marker, and a prison sentence for serious or persistent
 *     offending.</li>
 * </ol>
 * Ethnicity and gender play no part in any of it, unless a recording or testing bias is planted.
 * A person is drawn again (from the same stream) until they have at least one recorded offence of
 * their own in the window: the extracts hold offenders.
 */
final class CareerSimulator {
    private static final double DAYS_PER_YEAR = 365.25;
    private static final int STEP = 30;

    private final GeneratorParameters p;
    private final OffenceCatalogue cat;
    private final long startDay;
    private final long endDay;
    private final double[] codeWeight;
    private final double[] groupMult = new double[OffenceCatalogue.GROUPS.size()];

    CareerSimulator(GeneratorParameters p, OffenceCatalogue cat) {
        this.p = p;
        this.cat = cat;
        this.startDay = p.start.toEpochDay();
        this.endDay = p.end.toEpochDay();
        this.codeWeight = new double[cat.size()];
    }

    /** The person's own random stream: a function of the seed and the index only. */
    static SplittableRandom stream(long seed, long index) {
        return new SplittableRandom(Text.mix64(seed * 0x9E3779B97F4A7C15L + Text.mix64(index + 0x5851F42D4C957F2DL)));
    }

    void simulate(Person person, SplittableRandom r) {
        identity(person, r);
        for (int attempt = 0; ; attempt++) {
            person.reset();
            career(person, r, attempt);
            if (ownRecordedInWindow(person) > 0) {
                break;
            }
        }
        homes(person, r);
    }

    int ownRecordedInWindow(Person x) {
        int n = 0;
        for (int i = 0; i < x.nOff; i++) {
            if ((x.offFlags[i] & 1) != 0 && (x.offFlags[i] & 8) == 0 && x.offDay[i] >= startDay) {
                n++;
            }
        }
        return n;
    }

    private void identity(Person x, SplittableRandom r) {
        x.male = r.nextDouble() < 0.85;
        x.ethnicity = NameBank.ethnicity(r);
        x.namePool = NameBank.pool(x.ethnicity, r);
        x.surname = NameBank.surname(x.namePool, r);
        String first = NameBank.forename(x.namePool, x.male, r);
        if (r.nextDouble() < 0.45) {
            String middle = NameBank.forename(x.namePool, x.male, r);
            x.forenames = middle.equals(first) ? first : first + " " + middle;
        } else {
            x.forenames = first;
        }
        GeneratorParameters.Bias b = p.bias;
        x.biasGroup = b.groupIsGender ? (x.male ? "M" : "F").equals(b.group) : x.ethnicity.startsWith(b.group);
    }

    private void homes(Person x, SplittableRandom r) {
        int district = NameBank.district(r);
        long from = Math.min(x.onset, startDay) - 365;
        x.addHome(from, NameBank.postcode(district, r));
        double rate = p.errors.movesPerYear / DAYS_PER_YEAR;
        long day = from;
        while (rate > 0) {
            day += (long) Math.ceil(-Math.log(1 - r.nextDouble()) / rate);
            if (day > endDay) {
                break;
            }
            if (r.nextDouble() < 0.3) {
                district = NameBank.district(r);
            }
            x.addHome(day, NameBank.postcode(district, r));
        }
    }

    private void career(Person x, SplittableRandom r, int attempt) {
        GeneratorParameters.Careers c = p.careers;
        GeneratorParameters.Substances s = p.substances;
        long span = (long) (c.onsetYearsBeforeStart * DAYS_PER_YEAR) + (endDay - startDay);
        x.onset = endDay - (long) (r.nextDouble() * span);
        double onsetAge = 10 + c.onsetAgeMedianAboveTen * Math.exp(c.onsetAgeLogSd * r.nextGaussian());
        onsetAge = Math.min(onsetAge, 70);
        x.dob = x.onset - (long) Math.ceil(onsetAge * DAYS_PER_YEAR);
        x.baseRate = c.baseRateMedian * Math.exp(c.baseRateLogSd * r.nextGaussian()) * (1 + attempt / 20.0);
        // specialisation: each group's weight varies around the national mix (mean-preserving log-normal)
        double sd = c.specialisationLogSd;
        for (int g = 0; g < groupMult.length; g++) {
            groupMult[g] = Math.exp(sd * r.nextGaussian() - sd * sd / 2);
        }
        if (r.nextDouble() < c.favouriteGroupProbability) {
            // a favourite among the groups, chosen in proportion to the national mix
            int code = pickNational(r);
            x.favouriteGroup = cat.groupIndex[code];
            groupMult[x.favouriteGroup] *= c.favouriteGroupMultiplier;
        }
        for (int i = 0; i < codeWeight.length; i++) {
            codeWeight[i] = cat.nationalShare[i] * groupMult[cat.groupIndex[i]];
        }
        long careerSpan = (long) (12 * DAYS_PER_YEAR);
        if (r.nextDouble() < s.alcoholPrevalence) {
            x.alcStart = x.onset - 365 + (long) (r.nextDouble() * careerSpan);
            x.alcEnd = x.alcStart + episodeLength(r);
        }
        if (r.nextDouble() < s.opiatesPrevalence) {
            x.opiStart = x.onset - 365 + (long) (r.nextDouble() * careerSpan);
            x.opiEnd = x.opiStart + episodeLength(r);
        }
        if (r.nextDouble() < s.cocainePrevalence) {
            x.cocStart = x.onset - 365 + (long) (r.nextDouble() * careerSpan);
            x.cocEnd = x.cocStart + episodeLength(r);
        }

        double drift = 0;
        double severity = 0;
        int phase = Person.PHASE_STABLE;
        long phaseStart = 0;
        long pendingEntry = Person.NONE;
        int[] days = new int[8];
        for (long t = x.onset; t <= endDay; t += STEP) {
            double age = (t - x.dob) / DAYS_PER_YEAR;
            double rate = x.baseRate * ageFactor(age) * Math.exp(drift);
            boolean alc = x.alcoholOn(t);
            boolean opi = x.opiatesOn(t);
            boolean coc = x.cocaineOn(t);
            if (alc) {
                rate *= s.alcoholRateMultiplier;
            }
            if (opi) {
                rate *= s.opiatesRateMultiplier;
            }
            if (coc) {
                rate *= s.cocaineRateMultiplier;
            }
            int n = poisson(rate * STEP / DAYS_PER_YEAR, r);
            if (n > days.length) {
                days = new int[n];
            }
            for (int k = 0; k < n; k++) {
                days[k] = (int) (t + r.nextInt(STEP));
            }
            Arrays.sort(days, 0, n);
            for (int k = 0; k < n; k++) {
                int day = days[k];
                if (day > endDay || x.inPrison(day)) {
                    continue;
                }
                pendingEntry = offence(x, r, day, phase, severity, pendingEntry);
            }
            // drift: phases of escalation and de-escalation
            int before = phase;
            double u = r.nextDouble();
            if (phase == Person.PHASE_STABLE) {
                if (u < c.escalationStartMonthly) {
                    phase = Person.PHASE_ESCALATING;
                } else if (u < c.escalationStartMonthly + c.deescalationStartMonthly) {
                    phase = Person.PHASE_DEESCALATING;
                }
            } else if (u < c.phaseEndMonthly) {
                phase = Person.PHASE_STABLE;
            }
            if (phase != before) {
                long at = t + STEP;
                if (before != Person.PHASE_STABLE) {
                    x.addPhase(before, phaseStart, at);
                }
                phaseStart = at;
            }
            if (phase == Person.PHASE_ESCALATING) {
                drift = Math.min(drift + c.phaseDriftMonthly, 2.5);
                severity = Math.min(severity + c.severityDriftMonthly, 1.5);
            } else if (phase == Person.PHASE_DEESCALATING) {
                drift = Math.max(drift - c.phaseDriftMonthly, -2.5);
                severity = Math.max(severity - c.severityDriftMonthly, -1.0);
            }
            drift += c.rateNoiseMonthly * r.nextGaussian();
            // desistance
            double hazard = c.desistanceMonthly + c.desistancePerYearOfAge * Math.max(0, age - 18);
            if (r.nextDouble() < hazard) {
                x.desist = t + STEP;
                break;
            }
        }
        if (phase != Person.PHASE_STABLE) {
            long stop = x.desist == Person.NONE ? Person.NONE : x.desist;
            x.addPhase(phase, phaseStart, stop);
        }
    }

    private long episodeLength(SplittableRandom r) {
        return 90 + (long) (-Math.log(1 - r.nextDouble()) * p.substances.episodeMeanYears * DAYS_PER_YEAR);
    }

    private double ageFactor(double age) {
        GeneratorParameters.Careers c = p.careers;
        if (age < c.peakAgeFrom) {
            return 0.6 + 0.4 * Math.max(0, age - 10) / (c.peakAgeFrom - 10);
        }
        if (age <= c.peakAgeTo) {
            return 1;
        }
        return Math.exp(-(age - c.peakAgeTo) / c.ageDecayYears);
    }

    /** One offence on {@code day}; returns the (possibly new) pending prison entry day. */
    private long offence(Person x, SplittableRandom r, int day, int phase, double severity, long pendingEntry) {
        GeneratorParameters.Substances s = p.substances;
        GeneratorParameters.Justice j = p.justice;
        boolean alc = x.alcoholOn(day);
        boolean opi = x.opiatesOn(day);
        boolean coc = x.cocaineOn(day);
        int code = pickCode(r, alc, opi || coc, severity);
        int flags = phase << 5;
        if (alc) {
            flags |= 1 << 7;
        }
        if (opi) {
            flags |= 1 << 8;
        }
        if (coc) {
            flags |= 1 << 9;
        }
        double pAlc = cat.alcoholType[code]
                ? (alc ? s.alcoholRelatedDependentViolent : s.alcoholRelatedViolent)
                : (alc ? s.alcoholRelatedDependentOther : s.alcoholRelatedOther);
        if (r.nextDouble() < pAlc) {
            flags |= 2;
        }
        if (r.nextDouble() < s.alcoholFlagMissing) {
            flags |= 4;
        }
        double pRecord = j.recordProbability;
        if (x.biasGroup && "RECORDING".equals(p.bias.kind)) {
            pRecord = Math.min(1, pRecord * p.bias.factor);
        }
        boolean recorded = r.nextDouble() < pRecord;
        if (recorded) {
            flags |= 1;
            if (r.nextDouble() < j.crimeListedTwice) {
                flags |= 16;
            }
        }
        int i = x.addOffence(day, code, flags);
        x.offRef[i] = Text.ref("CRM", 0x243F6A8885A308D3L, x.index, i);
        x.offRecordedDay[i] = (int) Math.min(endDay, day + geometric(r, 0.35, 60));
        x.offSecondRecordedDay[i] = (int) Math.min(endDay, x.offRecordedDay[i] + 1 + r.nextInt(60));
        if (!recorded) {
            return pendingEntry;
        }
        // arrest into custody
        String g = cat.group[code];
        double pArrest = switch (g) {
            case "VIOLENCE", "SEXUAL", "PUBLIC_ORDER", "ROBBERY" -> j.arrestViolence;
            case "THEFT", "BURGLARY", "VEHICLE", "FRAUD", "CRIMINAL_DAMAGE" -> j.arrestAcquisitive;
            case "DRUGS", "WEAPONS" -> j.arrestDrugsWeapons;
            default -> j.arrestOther;
        };
        if (cat.harm[code] >= 2000) {
            pArrest = 0.95;
        }
        if (r.nextDouble() < pArrest) {
            long arrest = day + (r.nextDouble() < 0.6 ? 0 : 1 + geometric(r, 0.08, 120));
            if (arrest <= endDay && !x.inPrison(arrest)) {
                x.arrestDay[i] = (int) arrest;
                x.offFlags[i] |= 1 << 10;
                arrestConsequences(x, r, i, code, arrest);
            }
        }
        // prison
        if (pendingEntry != Person.NONE && day < pendingEntry) {
            return pendingEntry; // a sentence is already pending: this offence is dealt with alongside
        }
        double h = cat.harm[code];
        double pPrison = h >= 2000 ? j.prisonVerySerious : h >= 180 ? j.prisonSerious : j.prisonMinor;
        if (h < 180 && recentRecorded(x, day) >= j.persistentOffences) {
            pPrison += j.prisonPersistentExtra;
        }
        if (r.nextDouble() < pPrison) {
            long entry;
            long served;
            if (h >= 2000) {
                entry = day + 1 + r.nextInt(30);
                served = (long) (h * (0.4 + 0.2 * r.nextDouble()));
            } else if (h >= 180) {
                entry = day + 1 + (r.nextDouble() < 0.4 ? r.nextInt(14) : 30 + r.nextInt(120));
                served = Math.max(14, Math.min(1500,
                        (long) (j.servedSeriousMedianDays * Math.exp(0.6 * r.nextGaussian()))));
            } else {
                entry = day + 14 + r.nextInt(76);
                served = 14 + r.nextInt(107);
            }
            x.addPrison(entry, entry + served);
            return entry;
        }
        return pendingEntry;
    }

    private void arrestConsequences(Person x, SplittableRandom r, int i, int code, long arrest) {
        GeneratorParameters.Substances s = p.substances;
        double pTest = p.justice.drugTestOnArrest;
        if (x.biasGroup && "DRUG_TEST".equals(p.bias.kind)) {
            pTest = Math.min(1, pTest * p.bias.factor);
        }
        if (cat.drugTestTrigger[code] && r.nextDouble() < pTest) {
            double u = r.nextDouble();
            int substance = u < 0.8 ? 2 : u < 0.9 ? 0 : 1;
            boolean opi = x.opiatesOn(arrest);
            boolean coc = x.cocaineOn(arrest);
            boolean opiPositive = substance != 1 && r.nextDouble() < (opi ? s.testSensitivity : s.testFalsePositive);
            boolean cocPositive = substance != 0 && r.nextDouble() < (coc ? s.testSensitivity : s.testFalsePositive);
            x.testDay[i] = (int) arrest;
            // DIP reports a result per substance: a test for both whose results differ is two rows
            x.testInfo[i] = substance == 2 && opiPositive != cocPositive
                    ? Person.TEST_SPLIT | (opiPositive ? 4 : 0) | (cocPositive ? 8 : 0)
                    : substance | (opiPositive || cocPositive ? 4 : 0);
            x.offFlags[i] |= 1 << 11;
        }
        // markers, when no marker of the kind is active
        if (x.alcoholOn(arrest) && !markerActive(x, 0, arrest) && r.nextDouble() < s.markerOnArrest) {
            x.addMarker(0, arrest, markerEnd(r, x.alcEnd));
        }
        if ((x.opiatesOn(arrest) || x.cocaineOn(arrest)) && !markerActive(x, 1, arrest)
                && r.nextDouble() < s.markerOnArrest) {
            long useEnd = Math.max(x.opiatesOn(arrest) ? x.opiEnd : 0, x.cocaineOn(arrest) ? x.cocEnd : 0);
            x.addMarker(1, arrest, markerEnd(r, useEnd));
        }
        if (cat.group[code].equals("VIOLENCE") && cat.harm[code] >= 180 && !markerActive(x, 2, arrest)
                && r.nextDouble() < 0.3) {
            x.addMarker(2, arrest, Person.NONE);
        }
    }

    private long markerEnd(SplittableRandom r, long episodeEnd) {
        if (episodeEnd == Person.NONE || r.nextDouble() >= p.substances.markerClosed) {
            return Person.NONE;
        }
        return episodeEnd + r.nextInt(90);
    }

    private static boolean markerActive(Person x, int kind, long day) {
        for (int m = 0; m < x.nMarker; m++) {
            if (x.markerKind[m] == kind && x.markerStart[m] <= day && day < x.markerEnd[m]) {
                return true;
            }
        }
        return false;
    }

    private static int recentRecorded(Person x, int day) {
        int n = 0;
        for (int k = x.nOff - 1; k >= 0 && x.offDay[k] > day - 365; k--) {
            if ((x.offFlags[k] & 1) != 0) {
                n++;
            }
        }
        return n;
    }

    private int pickCode(SplittableRandom r, boolean alc, boolean drugs, double severity) {
        GeneratorParameters.Substances s = p.substances;
        double sev = Math.exp(severity);
        double total = 0;
        int n = codeWeight.length;
        double[] w = scratch;
        for (int i = 0; i < n; i++) {
            double v = codeWeight[i];
            if (alc && cat.alcoholType[i]) {
                v *= s.alcoholViolenceMultiplier;
            }
            if (drugs && cat.drugType[i]) {
                v *= s.drugsAcquisitiveMultiplier;
            }
            if (cat.harm[i] >= 180) {
                v *= sev;
            }
            w[i] = v;
            total += v;
        }
        double u = r.nextDouble() * total;
        for (int i = 0; i < n; i++) {
            u -= w[i];
            if (u < 0) {
                return i;
            }
        }
        return n - 1;
    }

    private final double[] scratch = new double[64];

    private int pickNational(SplittableRandom r) {
        double u = r.nextDouble();
        for (int i = 0; i < cat.size(); i++) {
            u -= cat.nationalShare[i];
            if (u < 0) {
                return i;
            }
        }
        return cat.size() - 1;
    }

    /** A geometric number of days (chance {@code q} of stopping each day), at most {@code max}. */
    private static long geometric(SplittableRandom r, double q, int max) {
        double u = r.nextDouble();
        long k = (long) Math.floor(Math.log(1 - u) / Math.log(1 - q));
        return Math.min(k, max);
    }

    private static int poisson(double mean, SplittableRandom r) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double prod = r.nextDouble();
        while (prod > l) {
            k++;
            prod *= r.nextDouble();
        }
        return k;
    }
}
