package org.iomworkbench.core.generate;

import org.iomworkbench.core.util.WorkbenchException;

import java.time.LocalDate;

/**
 * Every parameter of the extract generator, with the defaults documented in
 * {@code sample-data/GENERATOR.md}. The whole object is written to {@code truth/parameters.json},
 * so a test can read back the effects that were planted. Rates are per year unless named
 * otherwise; probabilities are in [0, 1]. Public fields keep it a plain, serialisable record of
 * the run; {@link #validate()} checks it before a run.
 */
public final class GeneratorParameters {
    /** Number of real persons (offenders) to generate. */
    public int persons = 1000;
    /** Seed of the deterministic random streams (one stream per person, derived from seed and index). */
    public long seed = 1;
    /** First day of the extract window: events before it are simulated but not written. */
    public LocalDate start = LocalDate.of(2014, 1, 1);
    /** Last day of the extract window (and the latest date in any file). */
    public LocalDate end = LocalDate.of(2024, 12, 31);

    public final Careers careers = new Careers();
    public final Substances substances = new Substances();
    public final Justice justice = new Justice();
    public final RecordErrors errors = new RecordErrors();
    public final Bias bias = new Bias();

    /** Offending careers: onset, personal rate, drift, age, desistance, specialisation. */
    public static final class Careers {
        /** Onset happens on a day uniformly drawn from (start - this many years, end]. */
        public int onsetYearsBeforeStart = 12;
        /** Age at onset: 10 + a log-normal with this median (years) and log-sd. */
        public double onsetAgeMedianAboveTen = 6.0;
        public double onsetAgeLogSd = 0.8;
        /** Personal base rate of offending (offences a year at peak age, stable phase): log-normal median and log-sd. */
        public double baseRateMedian = 0.6;
        public double baseRateLogSd = 0.9;
        /** Monthly chance of leaving the stable phase for an escalating, or for a de-escalating, phase. */
        public double escalationStartMonthly = 0.02;
        public double deescalationStartMonthly = 0.02;
        /** Monthly chance of an escalating or de-escalating phase returning to stable. */
        public double phaseEndMonthly = 0.07;
        /** Change of the log-rate per month of an escalating (+) or de-escalating (-) phase. */
        public double phaseDriftMonthly = 0.09;
        /** Change of the log-severity (the weight of offences with harm_days at least 180) per month of a phase. */
        public double severityDriftMonthly = 0.06;
        /** Monthly random-walk noise of the log-rate. */
        public double rateNoiseMonthly = 0.05;
        /** Age of peak offending; before it the rate ramps up from 60% at age 10, after it it decays. */
        public double peakAgeFrom = 17;
        public double peakAgeTo = 25;
        /** After the peak the rate falls by a factor e every this many years. */
        public double ageDecayYears = 16;
        /** Monthly hazard of desistance at age 18, plus this much per year of age above 18. */
        public double desistanceMonthly = 0.008;
        public double desistancePerYearOfAge = 0.0003;
        /** Personal specialisation: log-sd of each crime group's personal weight around the national mix. */
        public double specialisationLogSd = 0.7;
        /** Chance of one favourite crime group, and its weight multiplier. */
        public double favouriteGroupProbability = 0.5;
        public double favouriteGroupMultiplier = 3.0;
        /** Chance that an offence is committed with a co-offender (the previous person), listed under both. */
        public double coOffendingProbability = 0.04;
    }

    /** Alcohol dependency and drug use: prevalence, episode length, and the planted effects. */
    public static final class Substances {
        /** Chance that a person has an episode of alcohol dependency / opiate use / cocaine use in their career. */
        public double alcoholPrevalence = 0.18;
        public double opiatesPrevalence = 0.10;
        public double cocainePrevalence = 0.14;
        /** Mean length of an episode, years (exponential). Episodes start uniformly within the career. */
        public double episodeMeanYears = 4.0;
        /** Planted effect: the offending rate is multiplied by this while the state holds (multiplicative). */
        public double alcoholRateMultiplier = 1.6;
        public double opiatesRateMultiplier = 2.2;
        public double cocaineRateMultiplier = 1.5;
        /** Planted effect on the type: alcohol multiplies the weight of VIOLENCE, PUBLIC_ORDER and CRIMINAL_DAMAGE. */
        public double alcoholViolenceMultiplier = 2.5;
        /** Planted effect on the type: drugs multiply the weight of THEFT, BURGLARY, ROBBERY and DRUGS. */
        public double drugsAcquisitiveMultiplier = 3.0;
        /** Chance an offence is flagged alcohol_related: by dependency state and by type (violence, public order, damage). */
        public double alcoholRelatedDependentViolent = 0.65;
        public double alcoholRelatedDependentOther = 0.25;
        public double alcoholRelatedViolent = 0.15;
        public double alcoholRelatedOther = 0.03;
        /** Chance that alcohol_related is left empty on a crime row. */
        public double alcoholFlagMissing = 0.05;
        /** Drug test accuracy: chance of a positive when using (sensitivity), and a false positive when not. */
        public double testSensitivity = 0.92;
        public double testFalsePositive = 0.02;
        /** Chance that an arrest during dependency or drug use adds a marker (when none is active). */
        public double markerOnArrest = 0.5;
        /** Chance that a marker whose episode ended before the end date is closed with an end date. */
        public double markerClosed = 0.6;
    }

    /** Recording, arrests, drug tests and prison. */
    public static final class Justice {
        /** Chance that an offence is recorded as a crime linked to the person (the rest are never known). */
        public double recordProbability = 0.8;
        /** Chance of an arrest into custody after a recorded offence, by crime group (others: arrestOther). */
        public double arrestViolence = 0.55;
        public double arrestAcquisitive = 0.35;
        public double arrestDrugsWeapons = 0.8;
        public double arrestOther = 0.4;
        /** Chance that the custody record names the offence code. */
        public double custodyOffenceCode = 0.9;
        /** Chance of a drug test on arrest for a trigger offence (THEFT, BURGLARY, ROBBERY, DRUGS). */
        public double drugTestOnArrest = 0.6;
        /** Chance of a prison sentence after a recorded offence with harm_days at least 2000, at least 180, or less. */
        public double prisonVerySerious = 0.85;
        public double prisonSerious = 0.15;
        public double prisonMinor = 0.02;
        /** Extra chance of prison for a minor offence when the person has this many recorded offences in the last year. */
        public int persistentOffences = 5;
        public double prisonPersistentExtra = 0.06;
        /** Median days served for serious offences (log-normal, log-sd 0.6); very serious serve 40-60% of harm_days. */
        public double servedSeriousMedianDays = 150;
        /** Chance that a second record of the same crime is listed for the person (a later correction). */
        public double crimeListedTwice = 0.01;
    }

    /** Errors in the person records as the source systems hold them (each is a share of records). */
    public static final class RecordErrors {
        public double surnameTypo = 0.05;
        public double forenameNicknameOrInitial = 0.08;
        public double surnameChangedOrHyphenated = 0.03;
        public double namesSwapped = 0.01;
        public double surnameMissing = 0.002;
        public double dateOfBirthMissing = 0.04;
        public double dayMonthSwapped = 0.015;
        public double dateOfBirthDigitWrong = 0.02;
        public double postcodeMissing = 0.20;
        public double genderUnknown = 0.01;
        public double ethnicityMissing = 0.10;
        /** Share of persons with a second record in one system (CRIMES, CUSTODY or DIP). */
        public double secondRecord = 0.08;
        /** Share of a system's events that go to the second record. */
        public double secondRecordEventShare = 0.4;
        /** Share of records carrying the national identifier (always the right one). */
        public double pncCustody = 0.5;
        public double pncCrimes = 0.2;
        public double pncDip = 0.1;
        /** Home moves a year (the postcode changes). */
        public double movesPerYear = 0.12;
    }

    /**
     * A planted recording bias for fairness tests; none by default (ethnicity and gender have no
     * effect on true offending, recording or testing). The group is an ethnicity-code prefix
     * (e.g. {@code B} for the Black groups) or a gender ({@code M}/{@code F}) when {@code groupIsGender}.
     */
    public static final class Bias {
        /** NONE, RECORDING (the group's offences more likely to be recorded) or DRUG_TEST (more likely tested). */
        public String kind = "NONE";
        public String group = "B";
        public boolean groupIsGender = false;
        /** Multiplier on the recording or drug-test probability for the group (capped at 1). */
        public double factor = 1.25;
    }

    public boolean biasActive() {
        return !"NONE".equals(bias.kind);
    }

    /** Throws a bad-input {@link WorkbenchException} when the parameters cannot make a valid extract. */
    public GeneratorParameters validate() {
        if (persons < 1 || persons > 9_000_000) {
            throw bad("--persons must be between 1 and 9,000,000, not " + persons);
        }
        if (start == null || end == null || !start.isBefore(end)) {
            throw bad("the start date " + start + " must be before the end date " + end);
        }
        if (start.getYear() < 1950 || end.getYear() > 2200) {
            throw bad("the dates must lie between 1950 and 2200");
        }
        if (!bias.kind.equals("NONE") && !bias.kind.equals("RECORDING") && !bias.kind.equals("DRUG_TEST")) {
            throw bad("the bias kind must be NONE, RECORDING or DRUG_TEST, not " + bias.kind);
        }
        if (bias.factor <= 0 || bias.group == null || bias.group.isBlank()) {
            throw bad("the bias needs a group and a factor above 0");
        }
        return this;
    }

    private static WorkbenchException bad(String message) {
        return new WorkbenchException("Cannot generate: " + message, "Change the option and run again.", true);
    }
}
