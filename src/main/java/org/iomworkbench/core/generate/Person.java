package org.iomworkbench.core.generate;

import java.util.Arrays;

/**
 * One simulated person: true identity, career and everything that happened to them, held only
 * while the person (and their co-offending partner) is being simulated and written.
 * Days are epoch days.
 */
final class Person {
    static final long NONE = Long.MAX_VALUE;
    static final int PHASE_STABLE = 0;
    static final int PHASE_ESCALATING = 1;
    static final int PHASE_DEESCALATING = 2;

    final long index;
    boolean male;
    String ethnicity;
    int namePool;
    String surname;
    String forenames;
    long dob;
    long onset;
    long desist = NONE;
    double baseRate;
    int favouriteGroup = -1;
    boolean biasGroup;
    String pnc;
    /** Substance episodes [start, end); NONE start when the person never has one. */
    long alcStart = NONE;
    long alcEnd = NONE;
    long opiStart = NONE;
    long opiEnd = NONE;
    long cocStart = NONE;
    long cocEnd = NONE;
    /** Home moves: the postcode from each day on. */
    long[] moveDay = new long[4];
    String[] postcode = new String[4];
    int moves;

    // offences (in-window and before, in date order; co-offences appended after the partner's simulation)
    int nOff;
    int[] offDay = new int[16];
    int[] offCode = new int[16];
    /** bit 0 recorded, 1 alcohol_related Y, 2 alcohol flag missing, 3 co-offence, 4 listed twice, 5-6 phase,
     *  7 alcohol dependent, 8 opiates, 9 cocaine, 10 arrested, 11 tested. */
    int[] offFlags = new int[16];
    String[] offRef = new String[16];
    int[] offRecordedDay = new int[16];
    int[] offSecondRecordedDay = new int[16];
    int[] arrestDay = new int[16];
    int[] testDay = new int[16];
    /** A test for both substances with different results: bit 2 opiates positive, bit 3 cocaine positive. */
    static final int TEST_SPLIT = 3;
    /** substance tested: 0 OPIATES, 1 COCAINE, 2 BOTH (bit 2 positive), or {@link #TEST_SPLIT}. */
    int[] testInfo = new int[16];

    // prison spells
    int nPrison;
    long[] prisonEntry = new long[4];
    long[] prisonRelease = new long[4];

    // phases (escalating / de-escalating episodes)
    int nPhase;
    int[] phaseKind = new int[8];
    long[] phaseStart = new long[8];
    long[] phaseEnd = new long[8];

    // markers: kind 0 ALCOHOL_DEPENDENCY, 1 DRUG_USE, 2 VIOLENT
    int nMarker;
    int[] markerKind = new int[4];
    long[] markerStart = new long[4];
    long[] markerEnd = new long[4];

    Person(long index) {
        this.index = index;
    }

    void reset() {
        nOff = 0;
        nPrison = 0;
        nPhase = 0;
        nMarker = 0;
        moves = 0;
        desist = NONE;
        favouriteGroup = -1;
        alcStart = alcEnd = opiStart = opiEnd = cocStart = cocEnd = NONE;
    }

    int addOffence(int day, int code, int flags) {
        if (nOff == offDay.length) {
            int n = nOff * 2;
            offDay = Arrays.copyOf(offDay, n);
            offCode = Arrays.copyOf(offCode, n);
            offFlags = Arrays.copyOf(offFlags, n);
            offRef = Arrays.copyOf(offRef, n);
            offRecordedDay = Arrays.copyOf(offRecordedDay, n);
            offSecondRecordedDay = Arrays.copyOf(offSecondRecordedDay, n);
            arrestDay = Arrays.copyOf(arrestDay, n);
            testDay = Arrays.copyOf(testDay, n);
            testInfo = Arrays.copyOf(testInfo, n);
        }
        int i = nOff++;
        offDay[i] = day;
        offCode[i] = code;
        offFlags[i] = flags;
        offRef[i] = null;
        arrestDay[i] = -1;
        testDay[i] = -1;
        return i;
    }

    void addPrison(long entry, long release) {
        if (nPrison == prisonEntry.length) {
            prisonEntry = Arrays.copyOf(prisonEntry, nPrison * 2);
            prisonRelease = Arrays.copyOf(prisonRelease, nPrison * 2);
        }
        prisonEntry[nPrison] = entry;
        prisonRelease[nPrison++] = release;
    }

    void addPhase(int kind, long start, long end) {
        if (nPhase == phaseKind.length) {
            phaseKind = Arrays.copyOf(phaseKind, nPhase * 2);
            phaseStart = Arrays.copyOf(phaseStart, nPhase * 2);
            phaseEnd = Arrays.copyOf(phaseEnd, nPhase * 2);
        }
        phaseKind[nPhase] = kind;
        phaseStart[nPhase] = start;
        phaseEnd[nPhase++] = end;
    }

    void addMarker(int kind, long start, long end) {
        if (nMarker == markerKind.length) {
            markerKind = Arrays.copyOf(markerKind, nMarker * 2);
            markerStart = Arrays.copyOf(markerStart, nMarker * 2);
            markerEnd = Arrays.copyOf(markerEnd, nMarker * 2);
        }
        markerKind[nMarker] = kind;
        markerStart[nMarker] = start;
        markerEnd[nMarker++] = end;
    }

    void addHome(long day, String pc) {
        if (moves == moveDay.length) {
            moveDay = Arrays.copyOf(moveDay, moves * 2);
            postcode = Arrays.copyOf(postcode, moves * 2);
        }
        moveDay[moves] = day;
        postcode[moves++] = pc;
    }

    String postcodeOn(long day) {
        String pc = postcode[0];
        for (int i = 1; i < moves && moveDay[i] <= day; i++) {
            pc = postcode[i];
        }
        return pc;
    }

    boolean inPrison(long day) {
        for (int i = 0; i < nPrison; i++) {
            if (prisonEntry[i] <= day && day < prisonRelease[i]) {
                return true;
            }
        }
        return false;
    }

    boolean alcoholOn(long day) {
        return alcStart <= day && day < alcEnd;
    }

    boolean opiatesOn(long day) {
        return opiStart <= day && day < opiEnd;
    }

    boolean cocaineOn(long day) {
        return cocStart <= day && day < cocEnd;
    }

    String personId() {
        return "P" + (index + 1);
    }
}
