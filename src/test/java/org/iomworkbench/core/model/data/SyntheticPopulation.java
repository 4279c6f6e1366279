package org.iomworkbench.core.model.data;

import org.iomworkbench.core.score.ScoreData;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded synthetic population built straight into the in-memory layouts ({@link ScoreData},
 * {@link ModelData}) without a workspace: {@code perPerson} offences each over ten years from
 * 2013 (20 offence codes in 7 groups), drug tests, markers, prison spells and custody. For speed
 * tests and the JMH benchmarks; it carries no ground truth and no test asserts accuracy on it.
 */
public final class SyntheticPopulation {
    private SyntheticPopulation() {
    }

    /** Offences over ten years from 2013, a harm index of twenty codes in seven groups, some tests, markers, prison, custody. */
    public static ModelData modelData(int persons, int perPerson, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int codes = 20;
        String[] code = new String[codes];
        String[] group = new String[codes];
        double[] harm = new double[codes];
        double[] h = new double[codes];
        for (int c = 0; c < codes; c++) {
            code[c] = "C" + c;
            group[c] = "G" + (c % 7);
            harm[c] = c == 0 ? 0 : Math.round(Math.pow(1.6, c));
            h[c] = Math.log10(1 + harm[c]);
        }
        int first = (int) LocalDate.of(2013, 1, 1).toEpochDay();
        int span = 3653;
        int n = persons * perPerson;
        String[] ids = new String[persons];
        String[] sources = new String[persons];
        int[] offStart = new int[persons + 1];
        int[] offDate = new int[n];
        double[] offH = new double[n];
        byte[] offAlcohol = new byte[n];
        int[] offCode = new int[n];
        int[] testStart = new int[persons + 1];
        int[] markerStart = new int[persons + 1];
        int[] prisonStart = new int[persons + 1];
        int[] custodyStart = new int[persons + 1];
        int[] testDate = new int[persons * 2];
        byte[] testKind = new byte[persons * 2];
        int[] markerFrom = new int[persons];
        int[] markerTo = new int[persons];
        int[] prisonEntry = new int[persons * 2];
        int[] prisonRelease = new int[persons * 2];
        int[] custody = new int[persons * 3];
        int[] dob = new int[persons];
        char[] gender = new char[persons];
        String[] ethnicity = new String[persons];
        int tests = 0;
        int markers = 0;
        int prisons = 0;
        int arrests = 0;
        int[] dates = new int[perPerson];
        for (int p = 0; p < persons; p++) {
            ids[p] = String.format("P%016x", p);
            sources[p] = "CRIMES:" + p;
            for (int k = 0; k < perPerson; k++) {
                dates[k] = first + r.nextInt(span);
            }
            Arrays.sort(dates);
            for (int k = 0; k < perPerson; k++) {
                int i = p * perPerson + k;
                int c = r.nextInt(codes);
                offDate[i] = dates[k];
                offCode[i] = c;
                offH[i] = h[c];
                offAlcohol[i] = (byte) (r.nextInt(5) == 0 ? 1 : 0);
            }
            offStart[p + 1] = (p + 1) * perPerson;
            for (int k = r.nextInt(3); k > 0; k--) {
                testDate[tests] = first + r.nextInt(span);
                testKind[tests++] = (byte) (1 + r.nextInt(3));
            }
            Arrays.sort(testDate, testStart[p], tests); // kinds are random anyway
            testStart[p + 1] = tests;
            if (r.nextInt(10) == 0) {
                markerFrom[markers] = first + r.nextInt(span);
                markerTo[markers] = r.nextBoolean() ? ScoreData.OPEN : markerFrom[markers] + r.nextInt(700);
                markers++;
            }
            markerStart[p + 1] = markers;
            for (int k = r.nextInt(4) == 0 ? 2 : 0; k > 0; k--) {
                prisonEntry[prisons] = first + r.nextInt(span);
                prisonRelease[prisons] = r.nextBoolean() ? ScoreData.OPEN : prisonEntry[prisons] + 1 + r.nextInt(900);
                prisons++;
            }
            if (prisons - prisonStart[p] == 2 && prisonEntry[prisons - 1] < prisonEntry[prisons - 2]) {
                int e = prisonEntry[prisons - 1];
                int rel = prisonRelease[prisons - 1];
                prisonEntry[prisons - 1] = prisonEntry[prisons - 2];
                prisonRelease[prisons - 1] = prisonRelease[prisons - 2];
                prisonEntry[prisons - 2] = e;
                prisonRelease[prisons - 2] = rel;
            }
            prisonStart[p + 1] = prisons;
            for (int k = r.nextInt(4); k > 0; k--) {
                custody[arrests++] = first + r.nextInt(span);
            }
            Arrays.sort(custody, custodyStart[p], arrests);
            custodyStart[p + 1] = arrests;
            dob[p] = r.nextInt(20) == 0 ? ModelData.NO_DATE : first - 365 * 14 - r.nextInt(365 * 30);
            gender[p] = "MFU".charAt(r.nextInt(3));
            ethnicity[p] = "E" + r.nextInt(5);
        }
        ScoreData d = new ScoreData(ids, sources, offStart, offDate, offH, offAlcohol, offCode, code, harm, group, testStart,
                Arrays.copyOf(testDate, tests), Arrays.copyOf(testKind, tests), markerStart, Arrays.copyOf(markerFrom, markers),
                Arrays.copyOf(markerTo, markers), prisonStart, Arrays.copyOf(prisonEntry, prisons),
                Arrays.copyOf(prisonRelease, prisons), "synthetic");
        return new ModelData(d, dob, gender, ethnicity, custodyStart, Arrays.copyOf(custody, arrests));
    }
}
