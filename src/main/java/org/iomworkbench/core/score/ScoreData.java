package org.iomworkbench.core.score;

import org.iomworkbench.core.link.LinkStore;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.util.CancelledException;
import org.iomworkbench.core.util.Handoff;
import org.iomworkbench.core.util.Hashing;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.TableScan;
import org.iomworkbench.core.workspace.Workspace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot's scoring inputs laid out for speed, built once per snapshot: persons sorted by
 * id, and per person (compressed rows: {@code xStart[p] .. xStart[p+1]}) its merged offences
 * sorted by date (ties: most harmful, then smallest crime group, then smallest code, so the
 * first offence after a day is the next crime of section 8), its POSITIVE drug tests, its
 * {@code ALCOHOL_DEPENDENCY} markers and its prison records. Dates are epoch days; an open end
 * (release or marker end empty) is {@link #OPEN}. Re-scoring for any parameter reads only
 * these arrays.
 */
public final class ScoreData {
    /** An empty release or end date: never reached. */
    public static final int OPEN = Integer.MAX_VALUE;
    /** Drug-test kinds (bits): a positive test for opiates, for cocaine ({@code BOTH} sets both). */
    public static final byte OPIATES = 1;
    public static final byte COCAINE = 2;

    final int persons;
    final String[] personId;
    final String[] sourceIds;
    final int[] offStart;
    final int[] offDate;
    final double[] offH;
    final byte[] offAlcohol;
    final int[] offCode;
    final String[] codes;
    final double[] codeHarmDays;
    final String[] codeGroup;
    final int[] testStart;
    final int[] testDate;
    final byte[] testKind;
    final int[] markerStart;
    final int[] markerFrom;
    final int[] markerTo;
    final int[] prisonStart;
    final int[] prisonEntry;
    final int[] prisonRelease;
    final int endOfData;
    final int minDate;
    final String harmIndexVersion;

    /**
     * The arrays as they are (for synthetic data such as the benchmark's); {@link Builder}
     * makes them from table rows. Offences must be sorted by person then date as described
     * above; {@code offH[i]} must be {@code log10(1 + codeHarmDays[offCode[i]])}.
     */
    public ScoreData(String[] personId, String[] sourceIds, int[] offStart, int[] offDate, double[] offH,
                     byte[] offAlcohol, int[] offCode, String[] codes, double[] codeHarmDays, String[] codeGroup,
                     int[] testStart, int[] testDate, byte[] testKind, int[] markerStart, int[] markerFrom,
                     int[] markerTo, int[] prisonStart, int[] prisonEntry, int[] prisonRelease, String harmIndexVersion) {
        this.persons = personId.length;
        this.personId = personId;
        this.sourceIds = sourceIds;
        this.offStart = offStart;
        this.offDate = offDate;
        this.offH = offH;
        this.offAlcohol = offAlcohol;
        this.offCode = offCode;
        this.codes = codes;
        this.codeHarmDays = codeHarmDays;
        this.codeGroup = codeGroup;
        this.testStart = testStart;
        this.testDate = testDate;
        this.testKind = testKind;
        this.markerStart = markerStart;
        this.markerFrom = markerFrom;
        this.markerTo = markerTo;
        this.prisonStart = prisonStart;
        this.prisonEntry = prisonEntry;
        this.prisonRelease = prisonRelease;
        this.harmIndexVersion = harmIndexVersion;
        int end = Integer.MIN_VALUE;
        int min = Integer.MAX_VALUE;
        for (int d : offDate) {
            end = Math.max(end, d);
            min = Math.min(min, d);
        }
        this.endOfData = end;
        this.minDate = offDate.length == 0 ? 0 : min;
    }

    public int persons() {
        return persons;
    }

    public int offences() {
        return offDate.length;
    }

    public String personId(int p) {
        return personId[p];
    }

    /** The person's records as {@code SOURCE:ID}, sorted, joined by {@code ;}. */
    public String sourceIds(int p) {
        return sourceIds[p];
    }

    /** Index of a person id, or -1. */
    public int indexOf(String id) {
        int i = Arrays.binarySearch(personId, id);
        return i >= 0 ? i : -1;
    }

    /** E: the latest merged-offence date; empty when the snapshot has no offence. */
    public java.util.Optional<LocalDate> endOfData() {
        return offDate.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(LocalDate.ofEpochDay(endOfData));
    }

    public LocalDate requireEndOfData() {
        return endOfData().orElseThrow(() -> new WorkbenchException("The snapshot holds no offence, so there is nothing to score.",
                "Load an extract with crimes.", true));
    }

    /** One offence of a person as the score sees it: after the crime_ref merge of section 0. */
    public record Offence(LocalDate date, String code, String crimeGroup, double harmDays, double h,
                          boolean alcoholRelated) {
    }

    /** A prison record of a person; {@code release} is null while still in prison. */
    public record PrisonStay(LocalDate entry, LocalDate release) {
    }

    /** The person's offences in date order, for explaining a score. */
    public java.util.List<Offence> offences(int p) {
        java.util.List<Offence> out = new java.util.ArrayList<>(offStart[p + 1] - offStart[p]);
        for (int i = offStart[p]; i < offStart[p + 1]; i++) {
            int c = offCode[i];
            out.add(new Offence(LocalDate.ofEpochDay(offDate[i]), codes[c], codeGroup[c], codeHarmDays[c], offH[i],
                    offAlcohol[i] != 0));
        }
        return out;
    }

    /** The person's prison records in the order the clock reads them. */
    public java.util.List<PrisonStay> prisonStays(int p) {
        java.util.List<PrisonStay> out = new java.util.ArrayList<>();
        for (int i = prisonStart[p]; i < prisonStart[p + 1]; i++) {
            out.add(new PrisonStay(LocalDate.ofEpochDay(prisonEntry[i]),
                    prisonRelease[i] == OPEN ? null : LocalDate.ofEpochDay(prisonRelease[i])));
        }
        return out;
    }

    // ------------------------------------------------------------------ the layout, read-only, for the models

    /** First offence index of person {@code p}; the person's offences are {@code [offenceFrom(p), offenceFrom(p + 1))}, by date. */
    public int offenceFrom(int p) {
        return offStart[p];
    }

    /** Epoch day of offence {@code i}. */
    public int offenceDay(int i) {
        return offDate[i];
    }

    /** {@code h = log10(1 + harm days)} of offence {@code i}. */
    public double offenceH(int i) {
        return offH[i];
    }

    public boolean offenceAlcohol(int i) {
        return offAlcohol[i] != 0;
    }

    /** The crime group of offence {@code i}. */
    public String offenceGroup(int i) {
        return codeGroup[offCode[i]];
    }

    /** The harm-index code of offence {@code i}, as an index {@code 0 .. codeCount() - 1} (for per-code lookup tables). */
    public int offenceCode(int i) {
        return offCode[i];
    }

    /** How many codes the harm index holds. */
    public int codeCount() {
        return codes.length;
    }

    /** Harm-index code number {@code c} (upper case). */
    public String code(int c) {
        return codes[c];
    }

    /** The crime group of harm-index code number {@code c}. */
    public String codeGroup(int c) {
        return codeGroup[c];
    }

    /** First drug test of person {@code p}; tests are {@code [testFrom(p), testFrom(p + 1))}. */
    public int testFrom(int p) {
        return testStart[p];
    }

    public int testDay(int k) {
        return testDate[k];
    }

    /** The positive results of test {@code k} as bits {@link #OPIATES} and {@link #COCAINE}. */
    public byte testKind(int k) {
        return testKind[k];
    }

    /** First alcohol-dependency marker of person {@code p}; markers are {@code [markerIndexFrom(p), markerIndexFrom(p + 1))}. */
    public int markerIndexFrom(int p) {
        return markerStart[p];
    }

    public int markerStartDay(int k) {
        return markerFrom[k];
    }

    /** The marker's end day, or {@link #OPEN}. */
    public int markerEndDay(int k) {
        return markerTo[k];
    }

    /** First prison stay of person {@code p}; stays are {@code [prisonFrom(p), prisonFrom(p + 1))}. */
    public int prisonFrom(int p) {
        return prisonStart[p];
    }

    public int prisonEntryDay(int k) {
        return prisonEntry[k];
    }

    /** The release day, or {@link #OPEN} while still in prison. */
    public int prisonReleaseDay(int k) {
        return prisonRelease[k];
    }

    /** The crime groups of the harm index, sorted. */
    public java.util.List<String> crimeGroups() {
        return java.util.Arrays.stream(codeGroup).filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }

    /** SHA-256 over the harm index rows (code, crime group, harm days) in code order. */
    public String harmIndexVersion() {
        return harmIndexVersion;
    }

    // ------------------------------------------------------------------ loading

    /**
     * The audit actions after which a snapshot's layout must be read again: what changes its rows
     * (loading, disposal, erasure) or which records make which person (a link run, a review
     * decision).
     */
    public static final List<String> DATA_ACTIONS = List.of("snapshot.created", "snapshot.disposed", "record.erased",
            "link.run", "review.accepted", "review.rejected", "review.split", "review.withdrawn");

    /**
     * {@link #load}, kept by the workspace until one of {@link #DATA_ACTIONS} is audited, so that
     * scoring, training, predicting, publishing and explaining one linked snapshot read it once.
     * Not for a reader inside a transaction that changes the data (erasure reads with {@link #load}).
     */
    public static ScoreData loadShared(Workspace ws, Snapshot s) {
        return ws.remember("score-data", dataVersion(ws, s), ScoreData.class, () -> load(ws, s));
    }

    /** The version of snapshot {@code s}'s data: what anything read from it and kept is keyed by. */
    public static String dataVersion(Workspace ws, Snapshot s) {
        return s.id() + "@" + ws.dataVersion(DATA_ACTIONS);
    }

    /**
     * Reads a linked snapshot's tables into the layout. Bad input when the snapshot has not
     * been through match and merge.
     */
    public static ScoreData load(Workspace ws, Snapshot s) {
        new LinkStore(ws).requireRun(s);
        String schema = s.schema();
        Connection c = ws.connection();
        try (Statement st = c.createStatement()) {
            Builder b = new Builder(count(st, schema + ".PERSON_RECORD"), count(st, schema + ".CRIMES"));
            try (ResultSet rs = st.executeQuery("SELECT offence_code, crime_group, harm_days FROM " + schema + ".HARM_INDEX")) {
                while (rs.next()) {
                    b.harm(rs.getString(1), rs.getString(2), rs.getDouble(3));
                }
            }
            boolean prison = Workspace.hasTable(c, schema, "PRISON");
            boolean tests = Workspace.hasTable(c, schema, "DRUG_TESTS");
            boolean markers = Workspace.hasTable(c, schema, "MARKERS");
            // H2 returns the rows on a second thread (when there is a processor for it) while the
            // builder takes in the pages before: the two halves of the read's time side by side
            Handoff.<Rows>run(out -> {
                // each table in pages (TableScan): one query of millions of rows would be copied to a temporary file first
                Rows.read(c, Rows.RECORDS, "source, source_person_id, person_id", schema + ".PERSON_RECORD", 3, 0, out);
                Rows.read(c, Rows.CRIMES, "crime_ref, source_person_id, offence_code, alcohol_related, offence_date",
                        schema + ".CRIMES", 4, 1, out);
                if (prison) {
                    Rows.read(c, Rows.PRISON, "source, source_person_id, entry_date, release_date", schema + ".PRISON", 2, 2, out);
                }
                if (tests) {
                    Rows.read(c, Rows.TESTS, "source_person_id, substance, result, test_date", schema + ".DRUG_TESTS", 3, 1, out);
                }
                if (markers) {
                    Rows.read(c, Rows.MARKERS, "source, source_person_id, marker, start_date, end_date", schema + ".MARKERS",
                            3, 2, out);
                }
            }, page -> page.into(b));
            c.commit();
            return b.build();
        } catch (Exception e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the original failure is what matters
            }
            if (e instanceof SQLException se) {
                throw WorkbenchException.database(se);
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e);
        }
    }

    /**
     * A page of one table's rows as read: its text columns, then its date columns as epoch days
     * ({@link #OPEN} for none), in the order of the SELECT.
     */
    private static final class Rows {
        static final int RECORDS = 0;
        static final int CRIMES = 1;
        static final int PRISON = 2;
        static final int TESTS = 3;
        static final int MARKERS = 4;
        static final int SIZE = 4096;

        final int table;
        final String[][] text;
        final int[][] day;
        int size;

        Rows(int table, int texts, int days) {
            this.table = table;
            text = new String[texts][SIZE];
            day = new int[days][SIZE];
        }

        static void read(Connection c, int table, String columns, String from, int texts, int days, Handoff.Sink<Rows> out)
                throws Exception {
            Rows[] page = {new Rows(table, texts, days)};
            TableScan.scan(c, columns, from, rs -> {
                Rows r = page[0];
                int i = r.size++;
                for (int k = 0; k < texts; k++) {
                    r.text[k][i] = rs.getString(k + 1);
                }
                for (int k = 0; k < days; k++) {
                    LocalDate d = rs.getObject(texts + k + 1, LocalDate.class);
                    r.day[k][i] = d == null ? OPEN : (int) d.toEpochDay();
                }
                if (r.size == SIZE) {
                    try {
                        out.accept(r);
                    } catch (SQLException | RuntimeException e) {
                        throw e;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CancelledException();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    page[0] = new Rows(table, texts, days);
                }
            });
            if (page[0].size > 0) {
                out.accept(page[0]);
            }
        }

        void into(Builder b) {
            String[][] t = text;
            int[][] d = day;
            for (int i = 0; i < size; i++) {
                switch (table) {
                    case RECORDS -> b.record(t[0][i], t[1][i], t[2][i]);
                    case CRIMES -> b.crime(t[0][i], t[1][i], t[2][i], d[0][i], "Y".equals(t[3][i]));
                    case PRISON -> b.prison(t[0][i], t[1][i], d[0][i], d[1][i]);
                    case TESTS -> b.drugTest(t[0][i], d[0][i], t[1][i], t[2][i]);
                    default -> b.marker(t[0][i], t[1][i], t[2][i], d[0][i], d[1][i]);
                }
            }
        }
    }

    private static int count(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return (int) Math.min(Integer.MAX_VALUE, rs.getLong(1));
        }
    }

    /** Compares two strings in upper case by code point (the spec's tie-break order). */
    static int compareCodePoints(String a, String b) {
        String x = a.toUpperCase(java.util.Locale.ROOT);
        String y = b.toUpperCase(java.util.Locale.ROOT);
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int cx = x.codePointAt(i);
            int cy = y.codePointAt(j);
            if (cx != cy) {
                return Integer.compare(cx, cy);
            }
            i += Character.charCount(cx);
            j += Character.charCount(cy);
        }
        return Boolean.compare(i < x.length(), j < y.length());
    }

    /**
     * Builds the layout from table rows (the loaded snapshot, or rows a test writes by hand).
     * Crime rows sharing a {@code crime_ref} are merged once over all rows: the earliest date,
     * the code with the largest harm days (ties: the smallest code), alcohol-related when any
     * row says so; the merged offence belongs to every person with a row of it. Codes, sources,
     * substances, results and markers are compared in upper case, as the loader stores them.
     */
    public static final class Builder {
        private final Map<String, Integer> codeIndex = new HashMap<>();
        private final List<String> codes = new ArrayList<>();
        private final List<String> groups = new ArrayList<>();
        private final List<Double> harmDays = new ArrayList<>();
        /**
         * Persons are numbered as they first appear (their order by id is settled in {@link #build}),
         * so the rows refer to a person by number, not by looking up the id again.
         */
        private final Map<String, Integer> personNumber;
        private final List<String> personIds = new ArrayList<>();
        private final List<List<String>> recordsOf = new ArrayList<>();
        /** The person number of each record, per source (upper case): a crime row's look-up builds no key. */
        private final Map<String, Map<String, Integer>> personOfRecord = new HashMap<>();
        /** Each crime_ref's merged offence, in the order first seen (which settles exact ties). */
        private final Crimes crimes;
        private final List<Object[]> prisons = new ArrayList<>();
        private final List<Object[]> tests = new ArrayList<>();
        private final List<Object[]> markers = new ArrayList<>();

        /**
         * The merged offences, one per crime_ref in the order first seen, in parallel arrays found
         * through an open-addressing table of the refs (millions of crimes: a few bytes each
         * beside the ref, instead of a map entry, an object and an array each).
         */
        private static final class Crimes {
            private String[] ref;
            private int[] date;
            private int[] code;
            private boolean[] alcohol;
            /** The first person with a row of the crime, or -1. */
            private int[] person;
            /** Further persons with a row of it (each once), for the few crimes with more than one; else null. */
            private int[][] more;
            private int size;
            /** Index + 1 of the crime whose ref hashes there; 0 = empty. */
            private int[] slots;

            Crimes(int expected) {
                int cap = Math.max(16, expected);
                ref = new String[cap];
                date = new int[cap];
                code = new int[cap];
                alcohol = new boolean[cap];
                person = new int[cap];
                more = new int[cap][];
                slots = new int[Integer.highestOneBit(Math.max(16, cap) * 2 - 1) * 2];
            }

            /** The crime of {@code crimeRef}, added (no date, no code, no person) when first seen. */
            int of(String crimeRef) {
                int mask = slots.length - 1;
                int h = mix(crimeRef.hashCode()) & mask;
                while (slots[h] != 0) {
                    int k = slots[h] - 1;
                    if (ref[k].equals(crimeRef)) {
                        return k;
                    }
                    h = (h + 1) & mask;
                }
                if (size == ref.length) {
                    grow();
                    return of(crimeRef);
                }
                int k = size++;
                ref[k] = crimeRef;
                date[k] = Integer.MAX_VALUE;
                code[k] = -1;
                person[k] = -1;
                slots[h] = k + 1;
                if (size * 2 > slots.length) {
                    rehash(slots.length * 2);
                }
                return k;
            }

            void addPerson(int k, int p) {
                if (person[k] < 0) {
                    person[k] = p;
                    return;
                }
                if (person[k] == p) {
                    return;
                }
                int[] m = more[k];
                if (m == null) {
                    more[k] = new int[]{p};
                    return;
                }
                for (int q : m) {
                    if (q == p) {
                        return;
                    }
                }
                m = Arrays.copyOf(m, m.length + 1);
                m[m.length - 1] = p;
                more[k] = m;
            }

            int personCount(int k) {
                return person[k] < 0 ? 0 : 1 + (more[k] == null ? 0 : more[k].length);
            }

            /** The crime's {@code i}-th person, in the order their rows came. */
            int personAt(int k, int i) {
                return i == 0 ? person[k] : more[k][i - 1];
            }

            private void grow() {
                int cap = ref.length * 2;
                ref = Arrays.copyOf(ref, cap);
                date = Arrays.copyOf(date, cap);
                code = Arrays.copyOf(code, cap);
                alcohol = Arrays.copyOf(alcohol, cap);
                person = Arrays.copyOf(person, cap);
                more = Arrays.copyOf(more, cap);
            }

            private void rehash(int length) {
                slots = new int[length];
                int mask = length - 1;
                for (int k = 0; k < size; k++) {
                    int h = mix(ref[k].hashCode()) & mask;
                    while (slots[h] != 0) {
                        h = (h + 1) & mask;
                    }
                    slots[h] = k + 1;
                }
            }

            private static int mix(int h) {
                h *= 0x9E3779B9;
                return h ^ (h >>> 16);
            }
        }

        public Builder() {
            this(16, 16);
        }

        /** With room for about this many person records and crime rows (a hint: more fit). */
        public Builder(int records, int crimeRows) {
            personNumber = new HashMap<>(capacity(records));
            crimes = new Crimes(crimeRows);
        }

        private static int capacity(int entries) {
            return (int) Math.min(1 << 30, Math.max(16, entries / 0.75 + 1));
        }

        public Builder harm(String code, String crimeGroup, double days) {
            String k = code.toUpperCase(java.util.Locale.ROOT);
            if (codeIndex.containsKey(k)) {
                throw new IllegalArgumentException("harm index code twice: " + code);
            }
            codeIndex.put(k, codes.size());
            codes.add(k);
            groups.add(crimeGroup.toUpperCase(java.util.Locale.ROOT));
            harmDays.add(days);
            return this;
        }

        public Builder record(String source, String sourcePersonId, String personId) {
            String upper = source.toUpperCase(java.util.Locale.ROOT);
            int p = personNumber.computeIfAbsent(personId, k -> {
                personIds.add(k);
                recordsOf.add(new ArrayList<>(2));
                return personIds.size() - 1;
            });
            personOfRecord.computeIfAbsent(upper, k -> new HashMap<>()).put(sourcePersonId, p);
            recordsOf.get(p).add(upper + ":" + sourcePersonId);
            return this;
        }

        /** The number of the record's person, or null. */
        private Integer personOf(String upperSource, String sourcePersonId) {
            Map<String, Integer> m = personOfRecord.get(upperSource);
            return m == null ? null : m.get(sourcePersonId);
        }

        public Builder crime(String crimeRef, String crimesPersonId, String code, LocalDate date, boolean alcohol) {
            return crime(crimeRef, crimesPersonId, code, (int) date.toEpochDay(), alcohol);
        }

        /** {@link #crime(String, String, String, LocalDate, boolean)} with the date as an epoch day. */
        public Builder crime(String crimeRef, String crimesPersonId, String code, int day, boolean alcohol) {
            Integer ci = codeIndex.get(code.toUpperCase(java.util.Locale.ROOT));
            if (ci == null) {
                throw new WorkbenchException("Offence code " + code + " of crime " + crimeRef + " is not in the harm index.",
                        "Add the code to the harm index or exclude the row.", true);
            }
            int k = crimes.of(crimeRef);
            crimes.date[k] = Math.min(crimes.date[k], day);
            int had = crimes.code[k];
            if (had < 0) {
                crimes.code[k] = ci;
            } else {
                int cmp = Double.compare(harmDays.get(ci), harmDays.get(had));
                if (cmp > 0 || (cmp == 0 && compareCodePoints(codes.get(ci), codes.get(had)) < 0)) {
                    crimes.code[k] = ci;
                }
            }
            crimes.alcohol[k] |= alcohol;
            Integer person = personOf("CRIMES", crimesPersonId);
            if (person != null) {
                crimes.addPerson(k, person);
            }
            return this;
        }

        public Builder prison(String source, String sourcePersonId, LocalDate entry, LocalDate release) {
            return prison(source, sourcePersonId, (int) entry.toEpochDay(), release == null ? OPEN : (int) release.toEpochDay());
        }

        /** With the dates as epoch days, {@link #OPEN} for no release. */
        public Builder prison(String source, String sourcePersonId, int entryDay, int releaseDay) {
            prisons.add(new Object[]{source.toUpperCase(java.util.Locale.ROOT), sourcePersonId, entryDay, releaseDay});
            return this;
        }

        public Builder drugTest(String dipPersonId, LocalDate date, String substance, String result) {
            return drugTest(dipPersonId, (int) date.toEpochDay(), substance, result);
        }

        /** With the date as an epoch day. */
        public Builder drugTest(String dipPersonId, int day, String substance, String result) {
            if (!"POSITIVE".equalsIgnoreCase(result)) {
                return this;
            }
            String sub = substance.toUpperCase(java.util.Locale.ROOT);
            byte kind = switch (sub) {
                case "OPIATES" -> OPIATES;
                case "COCAINE" -> COCAINE;
                case "BOTH" -> (byte) (OPIATES | COCAINE);
                default -> 0;
            };
            if (kind != 0) {
                tests.add(new Object[]{"DIP", dipPersonId, day, kind});
            }
            return this;
        }

        public Builder marker(String source, String sourcePersonId, String marker, LocalDate start, LocalDate end) {
            return marker(source, sourcePersonId, marker, (int) start.toEpochDay(), end == null ? OPEN : (int) end.toEpochDay());
        }

        /** With the dates as epoch days, {@link #OPEN} for no end. */
        public Builder marker(String source, String sourcePersonId, String marker, int startDay, int endDay) {
            if ("ALCOHOL_DEPENDENCY".equalsIgnoreCase(marker)) {
                markers.add(new Object[]{source.toUpperCase(java.util.Locale.ROOT), sourcePersonId, startDay, endDay});
            }
            return this;
        }

        /**
         * Puts each person's crimes ({@code slot[start[p]..start[p+1])}, each range in ascending
         * crime number, the order first seen) in date order, then by the code's rank, ties staying
         * in the order first seen: as a stable sort by (date, rank) would. When the date span, the
         * ranks and the crime numbers fit in 63 bits together ({@code packed}; always, for
         * real extracts), each crime is one long and the range is sorted as numbers; otherwise
         * (or with {@code packed} false) with a comparator on boxed numbers.
         */
        static void orderOffences(int[] slot, int[] start, int[] date, int[] rank, int crimes, int ranks, boolean packed) {
            int minDate = Integer.MAX_VALUE;
            int maxDate = Integer.MIN_VALUE;
            for (int k = 0; k < crimes; k++) {
                minDate = Math.min(minDate, date[k]);
                maxDate = Math.max(maxDate, date[k]);
            }
            int kBits = bits(crimes);
            int rankBits = bits(ranks);
            int dateBits = crimes == 0 ? 0 : bits((long) maxDate - minDate + 1);
            boolean fits = dateBits + rankBits + kBits <= 63;
            int persons = start.length - 1;
            if (packed && fits) {
                long kMask = (1L << kBits) - 1;
                long[] key = new long[16];
                for (int p = 0; p < persons; p++) {
                    int from = start[p];
                    int m = start[p + 1] - from;
                    if (m < 2) {
                        continue;
                    }
                    if (key.length < m) {
                        key = new long[Math.max(m, key.length * 2)];
                    }
                    for (int i = 0; i < m; i++) {
                        int k = slot[from + i];
                        key[i] = (((long) date[k] - minDate) << (rankBits + kBits)) | ((long) rank[k] << kBits) | k;
                    }
                    Arrays.sort(key, 0, m);
                    for (int i = 0; i < m; i++) {
                        slot[from + i] = (int) (key[i] & kMask);
                    }
                }
                return;
            }
            for (int p = 0; p < persons; p++) {
                int from = start[p];
                Integer[] order = new Integer[start[p + 1] - from];
                for (int i = 0; i < order.length; i++) {
                    order[i] = slot[from + i];
                }
                Arrays.sort(order, (a, b) -> {
                    int cmp = Integer.compare(date[a], date[b]);
                    return cmp != 0 ? cmp : Integer.compare(rank[a], rank[b]);
                });
                for (int i = 0; i < order.length; i++) {
                    slot[from + i] = order[i];
                }
            }
        }

        /** Bits to hold 0..n-1 (at least one). */
        private static int bits(long n) {
            return Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
        }

        public ScoreData build() {
            // persons in the natural order of their ids (as a TreeMap would keep them; sorting once is cheaper)
            int n = personIds.size();
            Integer[] byId = new Integer[n];
            for (int p = 0; p < n; p++) {
                byId[p] = p;
            }
            Arrays.sort(byId, (a, b) -> personIds.get(a).compareTo(personIds.get(b)));
            // index[number] = the person's place in id order
            int[] index = new int[n];
            String[] personId = new String[n];
            String[] sourceIds = new String[n];
            for (int p = 0; p < n; p++) {
                int number = byId[p];
                index[number] = p;
                personId[p] = personIds.get(number);
                List<String> recs = recordsOf.get(number);
                recs.sort(String::compareTo);
                sourceIds[p] = String.join(";", recs);
            }
            // offences per person
            int[] count = new int[n + 1];
            for (int k = 0; k < crimes.size; k++) {
                for (int i = 0, m = crimes.personCount(k); i < m; i++) {
                    count[index[crimes.personAt(k, i)] + 1]++;
                }
            }
            int[] offStart = prefix(count);
            int total = offStart[n];
            int[] fill = Arrays.copyOf(offStart, n);
            int[] crimeOfSlot = new int[total];
            for (int k = 0; k < crimes.size; k++) {
                for (int i = 0, m = crimes.personCount(k); i < m; i++) {
                    crimeOfSlot[fill[index[crimes.personAt(k, i)]]++] = k;
                }
            }
            int[] crimeDate = crimes.date;
            int[] crimeCode = crimes.code;
            boolean[] crimeAlcohol = crimes.alcohol;
            // sort each person's offences by date, then most harmful, smallest group, smallest code
            Integer[] codeOrder = new Integer[codes.size()];
            for (int i = 0; i < codeOrder.length; i++) {
                codeOrder[i] = i;
            }
            Arrays.sort(codeOrder, (a, b) -> {
                int cmp = Double.compare(harmDays.get(b), harmDays.get(a));
                if (cmp != 0) {
                    return cmp;
                }
                cmp = compareCodePoints(groups.get(a), groups.get(b));
                return cmp != 0 ? cmp : compareCodePoints(codes.get(a), codes.get(b));
            });
            int[] rank = new int[codes.size()];
            for (int i = 0; i < codeOrder.length; i++) {
                rank[codeOrder[i]] = i;
            }
            int[] offDate = new int[total];
            double[] offH = new double[total];
            byte[] offAlcohol = new byte[total];
            int[] offCode = new int[total];
            double[] codeHarm = new double[codes.size()];
            for (int i = 0; i < codeHarm.length; i++) {
                codeHarm[i] = harmDays.get(i);
            }
            int[] rankOf = new int[crimes.size];
            for (int k = 0; k < crimes.size; k++) {
                rankOf[k] = rank[crimeCode[k]];
            }
            orderOffences(crimeOfSlot, offStart, crimeDate, rankOf, crimes.size, codes.size(), true);
            // the persons' ranges lie end to end: one pass over the slots fills them all
            for (int i = 0; i < total; i++) {
                int k = crimeOfSlot[i];
                offDate[i] = crimeDate[k];
                offCode[i] = crimeCode[k];
                offH[i] = Math.log10(1 + codeHarm[crimeCode[k]]);
                offAlcohol[i] = (byte) (crimeAlcohol[k] ? 1 : 0);
            }
            // tests, markers, prison
            int[][] t = events(tests, index, n);
            int[][] m = events(markers, index, n);
            int[][] pr = events(prisons, index, n);
            byte[] testKind = new byte[t[1].length];
            int[] testDate = t[1];
            // events() keeps the third field in t[2]
            for (int i = 0; i < testKind.length; i++) {
                testKind[i] = (byte) t[2][i];
            }
            StringBuilder hv = new StringBuilder();
            TreeMap<String, Integer> sortedCodes = new TreeMap<>(ScoreData::compareCodePoints);
            for (int i = 0; i < codes.size(); i++) {
                sortedCodes.put(codes.get(i), i);
            }
            for (Map.Entry<String, Integer> e : sortedCodes.entrySet()) {
                hv.append(e.getKey()).append(',').append(groups.get(e.getValue())).append(',')
                        .append(Double.toString(harmDays.get(e.getValue()))).append('\n');
            }
            return new ScoreData(personId, sourceIds, offStart, offDate, offH, offAlcohol, offCode,
                    codes.toArray(new String[0]), codeHarm, groups.toArray(new String[0]),
                    t[0], testDate, testKind, m[0], m[1], m[2], pr[0], pr[1], pr[2], Hashing.sha256(hv.toString()));
        }

        /** Groups rows {source, source person id, int, int-or-byte} by person: {start (n+1), first field, second field}, sorted by first field. */
        private int[][] events(List<Object[]> rows, int[] index, int n) {
            int[] count = new int[n + 1];
            List<int[]> kept = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                Integer person = personOf((String) r[0], (String) r[1]);
                if (person == null) {
                    continue;
                }
                int p = index[person];
                int second = r[3] instanceof Byte bt ? bt : (Integer) r[3];
                kept.add(new int[]{p, (Integer) r[2], second});
                count[p + 1]++;
            }
            kept.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0])
                    : a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[2], b[2]));
            int[] start = prefix(count);
            int[] first = new int[kept.size()];
            int[] second = new int[kept.size()];
            for (int i = 0; i < kept.size(); i++) {
                first[i] = kept.get(i)[1];
                second[i] = kept.get(i)[2];
            }
            return new int[][]{start, first, second};
        }

        private static int[] prefix(int[] count) {
            int[] out = count.clone();
            for (int i = 1; i < out.length; i++) {
                out[i] += out[i - 1];
            }
            return out;
        }
    }
}
