package org.iomworkbench.core.generate;

import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Turns a simulated person into rows, as the source systems would hold them: a CRIMES record
 * for every offender, a CUSTODY record once arrested, a DIP record once drug-tested, sometimes a
 * second record in one system; each record with its own realistic errors, and the truth beside.
 */
final class RecordEmitter {
    static final String CRIMES = "CRIMES";
    static final String CUSTODY = "CUSTODY";
    static final String DIP = "DIP";
    private static final String[] SYSTEMS = {CRIMES, CUSTODY, DIP};
    private static final String[] SYSTEM_PREFIX = {"CR", "CU", "DP"};
    private static final long ID_PRIME = 2_147_483_647L;
    private static final long[] ID_MULT = {1_103_515_245L, 69_069L * 7919L, 48_271L * 127L};
    private static final long[] ID_ADD = {12_345L, 1_013_904_223L, 987_654_321L};
    private static final long PNC_PRIME = 9_999_991L;
    private static final String PNC_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY";
    private static final String[] MARKERS = {"ALCOHOL_DEPENDENCY", "DRUG_USE", "VIOLENT"};
    private static final String[] SUBSTANCES = {"OPIATES", "COCAINE", "BOTH"};
    private static final String[] PHASES = {"STABLE", "ESCALATING", "DEESCALATING"};
    private static final long CUSTODY_SALT = 0x13198A2E03707344L;
    private static final long TEST_SALT = 0xA4093822299F31D0L;
    private static final long SPLIT_TEST_SALT = 0x5C2B7E61D3A8F04BL;

    private final GeneratorParameters p;
    private final OffenceCatalogue cat;
    private final Text.Dates dates;
    private final long startDay;
    private final long endDay;
    private final double swapGivenEligible;

    RecordEmitter(GeneratorParameters p, OffenceCatalogue cat, Text.Dates dates) {
        this.p = p;
        this.cat = cat;
        this.dates = dates;
        this.startDay = p.start.toEpochDay();
        this.endDay = p.end.toEpochDay();
        // a day/month swap is only possible (a real, different date) for days 1-12 not equal to the month
        this.swapGivenEligible = Math.min(1, p.errors.dayMonthSwapped / (12.0 / 30.44 * 11.0 / 12.0));
    }

    /** The opaque source_person_id of record {@code no} (0 or 1) of person {@code index} in system {@code sys}. */
    static String nominalId(int sys, long index, int no) {
        long rec = 2 * index + no;
        long v = Math.floorMod(ID_MULT[sys] % ID_PRIME * rec + ID_ADD[sys], ID_PRIME);
        String s = Long.toString(v);
        return SYSTEM_PREFIX[sys] + "0".repeat(10 - s.length()) + s;
    }

    static String pnc(long index, long onsetDay) {
        int yy = LocalDate.ofEpochDay(onsetDay).getYear() % 100;
        long serial = Math.floorMod(7_654_321L * index + 1_234_567L, PNC_PRIME);
        long check = (yy * 10_000_000L + serial) % 23;
        return String.format(Locale.ROOT, "%02d/%07d%c", yy, serial, PNC_LETTERS.charAt((int) check));
    }

    /**
     * For each recorded offence of {@code b} in the window, with the co-offending chance, lists
     * {@code a} as a co-offender when {@code a} could have been there (in their career, free, 10 or over).
     */
    void coOffend(Person a, Person b, SplittableRandom rb) {
        int n = b.nOff;
        for (int i = 0; i < n; i++) {
            int day = b.offDay[i];
            if ((b.offFlags[i] & 1) == 0 || (b.offFlags[i] & 8) != 0 || day < startDay) {
                continue;
            }
            if (rb.nextDouble() >= p.careers.coOffendingProbability) {
                continue;
            }
            if (day < a.onset || day >= a.desist || day - a.dob < 10 * 365.25 || a.inPrison(day)) {
                continue;
            }
            int flags = 1 | 8 | (b.offFlags[i] & 6)
                    | (a.alcoholOn(day) ? 1 << 7 : 0) | (a.opiatesOn(day) ? 1 << 8 : 0) | (a.cocaineOn(day) ? 1 << 9 : 0);
            int k = a.addOffence(day, b.offCode[i], flags);
            a.offRef[k] = b.offRef[i];
            a.offRecordedDay[k] = b.offRecordedDay[i];
        }
    }

    void emit(Person x, SplittableRandom r, Chunk out) {
        GeneratorParameters.RecordErrors e = p.errors;
        boolean hasCustody = false;
        boolean hasDip = false;
        for (int i = 0; i < x.nOff; i++) {
            hasCustody |= x.arrestDay[i] >= startDay;
            hasDip |= x.testDay[i] >= startDay;
        }
        int dup = -1;
        if (r.nextDouble() < e.secondRecord) {
            double wCr = 0.6;
            double wCu = hasCustody ? 0.3 : 0;
            double wDp = hasDip ? 0.1 : 0;
            double u = r.nextDouble() * (wCr + wCu + wDp);
            dup = u < wCr ? 0 : u < wCr + wCu ? 1 : 2;
        }
        // first event day of each record, for its postcode
        long[] first = {Person.NONE, Person.NONE, Person.NONE, Person.NONE, Person.NONE, Person.NONE};
        String[] ids = new String[6];
        for (int s = 0; s < 3; s++) {
            ids[2 * s] = nominalId(s, x.index, 0);
            ids[2 * s + 1] = nominalId(s, x.index, 1);
        }
        boolean[] used = new boolean[6];
        used[0] = true;
        if (dup == 0) {
            used[1] = true;
        }
        StringBuilder crimes = out.sb(Output.CRIMES);
        StringBuilder custody = out.sb(Output.CUSTODY);
        StringBuilder tests = out.sb(Output.DRUG_TESTS);
        StringBuilder offences = out.sb(Output.OFFENCES);
        String pid = x.personId();
        int trueOffences = 0;
        int recordedOffences = 0;
        for (int i = 0; i < x.nOff; i++) {
            int day = x.offDay[i];
            if (day < startDay) {
                continue;
            }
            int f = x.offFlags[i];
            trueOffences++;
            boolean recorded = (f & 1) != 0;
            String code = cat.code[x.offCode[i]];
            String alcohol = (f & 4) != 0 ? "" : (f & 2) != 0 ? "Y" : "N";
            if (recorded) {
                recordedOffences++;
                int rec = dup == 0 && r.nextDouble() < e.secondRecordEventShare ? 1 : 0;
                first[rec] = Math.min(first[rec], day);
                crimeRow(crimes, x.offRef[i], ids[rec], code, day, x.offRecordedDay[i], alcohol);
                out.count(Output.CRIMES);
                if ((f & 16) != 0) {
                    crimeRow(crimes, x.offRef[i], ids[rec], code, day, x.offSecondRecordedDay[i], alcohol);
                    out.count(Output.CRIMES);
                }
            }
            offences.append(pid).append(',').append(recorded ? x.offRef[i] : "").append(',').append(code).append(',')
                    .append(dates.of(day)).append(',').append(recorded ? 'Y' : 'N').append(',').append(alcohol)
                    .append(',').append((f & 8) != 0 ? 'Y' : 'N').append(',').append(PHASES[(f >> 5) & 3])
                    .append(',').append(yn(f, 7)).append(',').append(yn(f, 8)).append(',').append(yn(f, 9))
                    .append('\n');
            out.count(Output.OFFENCES);
            if (x.arrestDay[i] >= startDay) {
                int rec = 2 + (dup == 1 && r.nextDouble() < e.secondRecordEventShare ? 1 : 0);
                used[rec] = true;
                first[rec] = Math.min(first[rec], x.arrestDay[i]);
                custody.append(Text.ref("CUS", CUSTODY_SALT, x.index, i)).append(',').append(ids[rec]).append(',')
                        .append(dates.of(x.arrestDay[i])).append(',');
                if (r.nextDouble() < p.justice.custodyOffenceCode) {
                    custody.append(code);
                }
                custody.append('\n');
                out.count(Output.CUSTODY);
            }
            if (x.testDay[i] >= startDay) {
                int rec = 4 + (dup == 2 && r.nextDouble() < e.secondRecordEventShare ? 1 : 0);
                used[rec] = true;
                first[rec] = Math.min(first[rec], x.testDay[i]);
                int info = x.testInfo[i];
                if ((info & 3) == Person.TEST_SPLIT) {
                    testRow(tests, Text.ref("DT", TEST_SALT, x.index, i), ids[rec], x.testDay[i], 0, (info & 4) != 0);
                    testRow(tests, Text.ref("DT", SPLIT_TEST_SALT, x.index, i), ids[rec], x.testDay[i], 1, (info & 8) != 0);
                    out.count(Output.DRUG_TESTS);
                } else {
                    testRow(tests, Text.ref("DT", TEST_SALT, x.index, i), ids[rec], x.testDay[i], info & 3, (info & 4) != 0);
                }
                out.count(Output.DRUG_TESTS);
            }
        }
        if (dup == 1 && !used[3]) {
            used[3] = true; // a second custody record created without a detention of its own in the window
        }
        if (dup == 2 && !used[5]) {
            used[5] = true;
        }
        // prison spells and markers go to the CRIMES record, or to the CUSTODY record where there is one
        boolean inPrisonAtEnd = false;
        StringBuilder prison = out.sb(Output.PRISON);
        for (int k = 0; k < x.nPrison; k++) {
            long entry = x.prisonEntry[k];
            long release = x.prisonRelease[k];
            if (entry > endDay || release < startDay) {
                continue;
            }
            int rec = used[2] && r.nextDouble() < 0.15 ? 2 : 0;
            prison.append(SYSTEMS[rec / 2]).append(',').append(ids[rec]).append(',').append(dates.of(entry)).append(',');
            if (release <= endDay) {
                prison.append(dates.of(release));
            } else {
                inPrisonAtEnd = true;
            }
            prison.append('\n');
            out.count(Output.PRISON);
            episode(out, pid, "PRISON", entry, release);
        }
        StringBuilder markers = out.sb(Output.MARKERS);
        for (int k = 0; k < x.nMarker; k++) {
            long s = x.markerStart[k];
            long end = x.markerEnd[k];
            if (s > endDay || end < startDay) {
                continue;
            }
            int rec = used[2] && r.nextDouble() < 0.7 ? 2 : 0;
            markers.append(SYSTEMS[rec / 2]).append(',').append(ids[rec]).append(',').append(MARKERS[x.markerKind[k]])
                    .append(',').append(dates.of(s)).append(',');
            if (end <= endDay) {
                markers.append(dates.of(end));
            }
            markers.append('\n');
            out.count(Output.MARKERS);
        }
        // the person records
        StringBuilder map = out.sb(Output.PERSON_MAP);
        for (int rec = 0; rec < 6; rec++) {
            if (!used[rec]) {
                continue;
            }
            long at = first[rec] != Person.NONE ? first[rec] : startDay + r.nextInt((int) (endDay - startDay + 1));
            nominal(x, r, out, SYSTEMS[rec / 2], ids[rec], x.postcodeOn(at));
            map.append(SYSTEMS[rec / 2]).append(',').append(ids[rec]).append(',').append(pid).append('\n');
            out.count(Output.PERSON_MAP);
        }
        // truth about the person
        StringBuilder persons = out.sb(Output.PERSONS);
        persons.append(pid).append(',');
        Text.cell(persons, x.surname).append(',');
        Text.cell(persons, x.forenames).append(',').append(dates.of(x.dob)).append(',').append(x.male ? 'M' : 'F')
                .append(',').append(x.ethnicity).append(',').append(x.postcodeOn(endDay)).append(',').append(x.pnc)
                .append(',').append(dates.of(x.onset)).append(',')
                .append(x.desist <= endDay ? dates.of(x.desist) : "").append(',')
                .append(String.format(Locale.ROOT, "%.4f", x.baseRate)).append(',')
                .append(x.favouriteGroup < 0 ? "" : OffenceCatalogue.GROUPS.get(x.favouriteGroup)).append(',')
                .append(x.biasGroup ? 'Y' : 'N').append(',').append(trueOffences).append(',').append(recordedOffences)
                .append(',').append(inPrisonAtEnd ? 'Y' : 'N').append('\n');
        out.count(Output.PERSONS);
        episode(out, pid, "CAREER", x.onset, x.desist);
        if (x.alcStart != Person.NONE) {
            episode(out, pid, "ALCOHOL_DEPENDENCY", x.alcStart, x.alcEnd);
        }
        if (x.opiStart != Person.NONE) {
            episode(out, pid, "OPIATES", x.opiStart, x.opiEnd);
        }
        if (x.cocStart != Person.NONE) {
            episode(out, pid, "COCAINE", x.cocStart, x.cocEnd);
        }
        for (int k = 0; k < x.nPhase; k++) {
            episode(out, pid, PHASES[x.phaseKind[k]], x.phaseStart[k], x.phaseEnd[k]);
        }
        out.persons++;
    }

    private static char yn(int flags, int bit) {
        return (flags & (1 << bit)) != 0 ? 'Y' : 'N';
    }

    private void crimeRow(StringBuilder sb, String ref, String id, String code, int day, int recorded, String alcohol) {
        sb.append(ref).append(',').append(id).append(',').append(code).append(',').append(dates.of(day)).append(',')
                .append(dates.of(recorded)).append(',').append(alcohol).append('\n');
    }

    /** Episodes are written with their true dates; an end after the window's end is left empty. */
    private void episode(Chunk out, String pid, String kind, long start, long end) {
        if (start > endDay || (end != Person.NONE && end < startDay)) {
            return;
        }
        out.count(Output.EPISODES);
        StringBuilder sb = out.sb(Output.EPISODES);
        sb.append(pid).append(',').append(kind).append(',').append(dates.of(start)).append(',');
        if (end != Person.NONE && end <= endDay) {
            sb.append(dates.of(end));
        }
        sb.append('\n');
    }

    private void nominal(Person x, SplittableRandom r, Chunk out, String system, String id, String postcode) {
        GeneratorParameters.RecordErrors e = p.errors;
        StringBuilder errors = new StringBuilder();
        String surname = x.surname;
        String forenames = x.forenames;
        if (r.nextDouble() < e.surnameChangedOrHyphenated) {
            String other = NameBank.anySurname(r);
            if (other.equals(surname)) {
                other = NameBank.anySurname(r);
            }
            if (r.nextDouble() < 0.5) {
                surname = r.nextDouble() < 0.5 ? surname + "-" + other : other + "-" + surname;
                label(errors, "SURNAME_HYPHENATED");
            } else if (!other.equals(surname)) {
                surname = other;
                label(errors, "SURNAME_CHANGED");
            }
        }
        if (r.nextDouble() < e.surnameTypo) {
            String t = typo(surname, r);
            if (!t.equals(surname)) {
                surname = t;
                label(errors, "SURNAME_TYPO");
            }
        }
        if (r.nextDouble() < e.forenameNicknameOrInitial) {
            int sp = forenames.indexOf(' ');
            String firstName = sp < 0 ? forenames : forenames.substring(0, sp);
            String nick = NameBank.nickname(firstName, r);
            if (nick != null && r.nextDouble() < 0.6) {
                forenames = nick + (sp < 0 ? "" : forenames.substring(sp));
                label(errors, "FORENAME_NICKNAME");
            } else {
                forenames = sp < 0 ? firstName.substring(0, 1)
                        : firstName.charAt(0) + " " + forenames.charAt(sp + 1);
                label(errors, "FORENAME_INITIAL");
            }
        }
        if (r.nextDouble() < e.namesSwapped && !surname.isEmpty()) {
            int sp = forenames.indexOf(' ');
            String firstName = sp < 0 ? forenames : forenames.substring(0, sp);
            forenames = surname + (sp < 0 ? "" : forenames.substring(sp));
            surname = firstName;
            label(errors, "NAMES_SWAPPED");
        }
        if (r.nextDouble() < e.surnameMissing) {
            surname = "";
            label(errors, "SURNAME_MISSING");
        }
        String dob = dates.of(x.dob);
        double u = r.nextDouble();
        if (u < e.dateOfBirthMissing) {
            dob = "";
            label(errors, "DOB_MISSING");
        } else {
            LocalDate d = LocalDate.ofEpochDay(x.dob);
            if (d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue()
                    && r.nextDouble() < swapGivenEligible) {
                dob = LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()).toString();
                label(errors, "DOB_DAY_MONTH_SWAPPED");
            } else if (r.nextDouble() < e.dateOfBirthDigitWrong) {
                String wrong = digitWrong(dob, r);
                if (wrong != null) {
                    dob = wrong;
                    label(errors, "DOB_DIGIT_WRONG");
                }
            }
        }
        char gender = x.male ? 'M' : 'F';
        if (r.nextDouble() < e.genderUnknown) {
            gender = 'U';
            label(errors, "GENDER_UNKNOWN");
        }
        String ethnicity = x.ethnicity;
        if (r.nextDouble() < e.ethnicityMissing) {
            ethnicity = "";
            label(errors, "ETHNICITY_MISSING");
        }
        if (r.nextDouble() < e.postcodeMissing) {
            postcode = "";
            label(errors, "POSTCODE_MISSING");
        }
        double pPnc = system.equals(CUSTODY) ? e.pncCustody : system.equals(CRIMES) ? e.pncCrimes : e.pncDip;
        String pnc = r.nextDouble() < pPnc ? x.pnc : "";
        StringBuilder sb = out.sb(Output.NOMINALS);
        sb.append(system).append(',').append(id).append(',');
        Text.cell(sb, surname).append(',');
        Text.cell(sb, forenames).append(',').append(dob).append(',').append(gender).append(',').append(ethnicity)
                .append(',').append(postcode).append(',').append(pnc).append('\n');
        out.count(Output.NOMINALS);
        out.sb(Output.RECORD_ERRORS).append(system).append(',').append(id).append(',').append(errors).append('\n');
        out.count(Output.RECORD_ERRORS);
    }

    private static void label(StringBuilder errors, String what) {
        if (errors.length() > 0) {
            errors.append(';');
        }
        errors.append(what);
    }

    private static String typo(String s, SplittableRandom r) {
        if (s.length() < 3) {
            return s;
        }
        StringBuilder b = new StringBuilder(s);
        int i = 1 + r.nextInt(s.length() - 1);
        switch (r.nextInt(4)) {
            case 0 -> b.setCharAt(i, (char) ('a' + r.nextInt(26)));
            case 1 -> b.deleteCharAt(i);
            case 2 -> {
                if (i == s.length() - 1) {
                    i--;
                }
                char c = b.charAt(i);
                b.setCharAt(i, b.charAt(i + 1));
                b.setCharAt(i + 1, c);
            }
            default -> b.insert(i, b.charAt(i));
        }
        return b.toString();
    }

    /** The date with one digit changed (year's last two, month's or day's last), or null when none works. */
    private String digitWrong(String dob, SplittableRandom r) {
        int[] positions = {3, 3, 3, 2, 6, 9, 9};
        for (int attempt = 0; attempt < 6; attempt++) {
            int pos = positions[r.nextInt(positions.length)];
            char old = dob.charAt(pos);
            char c = (char) ('0' + r.nextInt(10));
            if (c == old) {
                continue;
            }
            String cand = dob.substring(0, pos) + c + dob.substring(pos + 1);
            int y = Integer.parseInt(cand, 0, 4, 10);
            int m = Integer.parseInt(cand, 5, 7, 10);
            int d = Integer.parseInt(cand, 8, 10, 10);
            if (m < 1 || m > 12 || d < 1 || d > java.time.YearMonth.of(y, m).lengthOfMonth() || y < 1900) {
                continue;
            }
            if (LocalDate.of(y, m, d).toEpochDay() > endDay) {
                continue;
            }
            return cand;
        }
        return null;
    }

    private void testRow(StringBuilder tests, String ref, String recordId, int day, int substance, boolean positive) {
        tests.append(ref).append(',').append(recordId).append(',').append(dates.of(day)).append(',')
                .append(SUBSTANCES[substance]).append(',').append(positive ? "POSITIVE" : "NEGATIVE").append('\n');
    }
}
