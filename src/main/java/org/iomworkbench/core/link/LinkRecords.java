package org.iomworkbench.core.link;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.iomworkbench.core.util.Parallelism;
import org.iomworkbench.core.workspace.TableScan;
import org.iomworkbench.core.workspace.Workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot's person records held column-wise for linkage, in (source, source_person_id) order,
 * with every value normalised once: names, phonetic codes and postcodes become dictionary ids,
 * dates of birth yyyymmdd ints, and each record's event days (offences, arrests, drug tests) a
 * sorted int array, so that comparing a pair allocates nothing but the occasional Jaro-Winkler call.
 */
public final class LinkRecords {
    static final int NONE = -1;

    final int n;
    // as loaded (for the person table and for display)
    final long[] rowNo;
    final String[] source;
    final String[] sourceId;
    final String[] surnameRaw;
    final String[] forenamesRaw;
    final LocalDate[] dobRaw;
    final String[] genderRaw;
    final String[] ethnicity;
    final String[] postcodeRaw;
    final String[] pncRaw;
    // normalised, as dictionary ids (NONE when missing)
    final Dict names = new Dict();
    final Dict codes = new Dict();
    final int[] surname;
    final int[] forename1;
    final int[] forenames;
    final int[][] surnameParts;
    final int[] dob;
    final byte[] gender;
    final int[] postcode;
    final int[] sector;
    final int[] district;
    final int[] pnc;
    /** Per record: the number of its source system (0, 1, ... in order of first appearance). */
    final int[] sourceNo;
    /** The number of source systems. */
    final int sources;
    /**
     * Per record: the days (epoch days, ascending, each once) of its events in the event files
     * (offences, arrests into custody, drug tests), or null when it has none.
     */
    final int[][] eventDays;
    // per name id: Double Metaphone codes and nickname groups
    int[] dmPrimary;
    int[] dmAlternate;
    int[][] nicknameGroups;
    /** Per name id: its primary Double Metaphone code, or a code of its own when it has none (for blocking). */
    int[] phonetic;

    /** What reads the records' events into the collector (on a second thread when there is one). */
    private interface EventSource {
        void read(EventCollector events) throws SQLException;
    }

    private LinkRecords(List<Row> rows, EventSource eventSource) throws SQLException {
        n = rows.size();
        // The events need only the records' keys: H2 returns them on a second thread (when there is
        // a processor for it), found by the records' places as read, while this one puts the
        // records in key order and normalises their names, postcodes and identifiers.
        String[] readSource = new String[n];
        String[] readId = new String[n];
        for (int i = 0; i < n; i++) {
            readSource[i] = rows.get(i).source;
            readId[i] = rows.get(i).sourceId;
        }
        rowNo = new long[n];
        source = new String[n];
        sourceId = new String[n];
        surnameRaw = new String[n];
        forenamesRaw = new String[n];
        dobRaw = new LocalDate[n];
        genderRaw = new String[n];
        ethnicity = new String[n];
        postcodeRaw = new String[n];
        pncRaw = new String[n];
        surname = new int[n];
        forename1 = new int[n];
        forenames = new int[n];
        surnameParts = new int[n][];
        dob = new int[n];
        gender = new byte[n];
        postcode = new int[n];
        sector = new int[n];
        district = new int[n];
        pnc = new int[n];
        sourceNo = new int[n];
        eventDays = new int[n][];
        // placeOf[i] = the place in key order of the record read i-th
        int[] placeOf = new int[n];
        EventCollector events = new EventCollector(readSource, readId);
        try (Parallelism.Beside<Void, SQLException> reading = Parallelism.beside("link-events", () -> {
            eventSource.read(events);
            return null;
        })) {
            normalise(inKeyOrder(rows, placeOf));
            reading.join();
        }
        sources = sourceNumbers;
        events.finish(placeOf);
    }

    /** The rows in key order (source, then id; stably, as a list sort), each's place noted; fails on a key twice. */
    private List<Row> inKeyOrder(List<Row> rows, int[] placeOf) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            Row a = rows.get(x);
            Row b = rows.get(y);
            int c = a.source.compareTo(b.source);
            return c != 0 ? c : a.sourceId.compareTo(b.sourceId);
        });
        List<Row> sorted = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Row r = rows.get(order[k]);
            placeOf[order[k]] = k;
            if (k > 0 && r.source.equals(source[k - 1]) && r.sourceId.equals(sourceId[k - 1])) {
                throw new IllegalArgumentException("record " + r.source + ":" + r.sourceId + " appears twice");
            }
            source[k] = r.source;
            sourceId[k] = r.sourceId;
            sorted.add(r);
        }
        return sorted;
    }

    /** Set by {@link #normalise}: the number of source systems. */
    private int sourceNumbers;

    private void normalise(List<Row> rows) {
        Map<String, Integer> sourceIds = new HashMap<>();
        Dict postcodes = codes;
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            rowNo[i] = r.rowNo;
            surnameRaw[i] = r.surname;
            forenamesRaw[i] = r.forenames;
            dobRaw[i] = r.dob;
            genderRaw[i] = r.gender;
            ethnicity[i] = r.ethnicity;
            postcodeRaw[i] = r.postcode;
            pncRaw[i] = r.pnc;

            String sn = Normalise.name(r.surname);
            surname[i] = sn.isEmpty() ? NONE : names.id(sn);
            if (sn.indexOf(' ') > 0) {
                String[] parts = sn.split(" ");
                surnameParts[i] = new int[parts.length];
                for (int k = 0; k < parts.length; k++) {
                    surnameParts[i][k] = names.id(parts[k]);
                }
            }
            String fn = Normalise.name(r.forenames);
            forenames[i] = fn.isEmpty() ? NONE : codes.id("F:" + fn);
            int sp = fn.indexOf(' ');
            String first = sp < 0 ? fn : fn.substring(0, sp);
            forename1[i] = first.isEmpty() ? NONE : names.id(first);
            dob[i] = r.dob == null ? NONE : r.dob.getYear() * 10000 + r.dob.getMonthValue() * 100 + r.dob.getDayOfMonth();
            String g = r.gender == null ? "" : r.gender.strip().toUpperCase(java.util.Locale.ROOT);
            gender[i] = (byte) (g.equals("M") ? 1 : g.equals("F") ? 2 : 0);
            String pc = Normalise.code(r.postcode);
            if (pc.isEmpty()) {
                postcode[i] = sector[i] = district[i] = NONE;
            } else {
                String outward = pc.length() >= 5 ? pc.substring(0, pc.length() - 3) : pc;
                String sec = pc.length() >= 5 ? pc.substring(0, pc.length() - 2) : pc;
                postcode[i] = postcodes.id("P:" + pc);
                sector[i] = postcodes.id("S:" + sec);
                district[i] = postcodes.id("D:" + outward);
            }
            String id = Normalise.identifier(r.pnc);
            pnc[i] = id.isEmpty() ? NONE : codes.id("N:" + id);
            sourceNo[i] = sourceIds.computeIfAbsent(r.source, x -> sourceIds.size());
        }
        sourceNumbers = sourceIds.size();
        DoubleMetaphone dm = new DoubleMetaphone();
        dm.setMaxCodeLen(6);
        int k = names.size();
        dmPrimary = new int[k];
        dmAlternate = new int[k];
        nicknameGroups = new int[k][];
        for (int id = 0; id < k; id++) {
            String s = names.get(id);
            String p = dm.doubleMetaphone(s, false);
            String a = dm.doubleMetaphone(s, true);
            dmPrimary[id] = p == null || p.isEmpty() ? NONE : codes.id("M:" + p);
            dmAlternate[id] = a == null || a.isEmpty() ? dmPrimary[id] : codes.id("M:" + a);
            nicknameGroups[id] = Nicknames.groups(s);
        }
        phonetic = new int[k];
        for (int id = 0; id < k; id++) {
            phonetic[id] = dmPrimary[id] != NONE ? dmPrimary[id] : codes.id("X:" + names.get(id));
        }
    }

    public int size() {
        return n;
    }

    public RecordKey key(int i) {
        return new RecordKey(source[i], sourceId[i]);
    }

    /** The index of the record with this key, or -1 (records are in key order). */
    public int indexOf(RecordKey k) {
        return indexOf(k.source(), k.sourcePersonId());
    }

    private int indexOf(String src, String id) {
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = source[mid].compareTo(src);
            if (c == 0) {
                c = sourceId[mid].compareTo(id);
            }
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    int year(int i) {
        return dob[i] == NONE ? NONE : dob[i] / 10000;
    }

    char surnameInitial(int i) {
        return surname[i] == NONE ? 0 : names.get(surname[i]).charAt(0);
    }

    char forenameInitial(int i) {
        return forename1[i] == NONE ? 0 : names.get(forename1[i]).charAt(0);
    }

    int surnameCode(int i) {
        return surname[i] == NONE ? NONE : phonetic[surname[i]];
    }

    int forenameCode(int i) {
        return forename1[i] == NONE ? NONE : phonetic[forename1[i]];
    }

    /** Reads a snapshot's nominals. */
    public static LinkRecords load(Connection c, String schema) throws SQLException {
        List<Row> rows = new ArrayList<>();
        TableScan.scan(c, "row_no, source, source_person_id, surname, forenames, date_of_birth, gender, ethnicity, "
                + "postcode, pnc_id", schema + ".NOMINALS",
                rs -> rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10))));
        List<String[]> files = new ArrayList<>();
        for (String[] e : EVENT_FILES) {
            if (Workspace.hasTable(c, schema, e[0])) {
                files.add(e);
            }
        }
        return new LinkRecords(rows, events -> {
            for (String[] e : files) {
                TableScan.scan(c, "source_person_id, " + e[1], schema + "." + e[0],
                        rs -> events.add(e[2], rs.getString(1), rs.getObject(2, LocalDate.class)));
            }
        });
    }

    /** The event files whose days are compared: table, date column, the source system of its records. */
    private static final String[][] EVENT_FILES = {
            {"CRIMES", "offence_date", "CRIMES"},
            {"CUSTODY", "arrest_date", "CUSTODY"},
            {"DRUG_TESTS", "test_date", "DIP"}};

    /** Gathers (record, day) pairs, then sets each record's sorted days without repeats. */
    private final class EventCollector {
        private static final long DAY_OFFSET = 1L << 30; // keeps days before 1970 positive
        private long[] packed = new long[1024];
        private int size;
        /**
         * Each record's index + 1 by the hash of its (source, id), open addressing: millions of
         * event rows each find their record in a probe or two, where a binary search over the
         * sorted keys compared some twenty strings (a quarter of reading the records).
         */
        private int[] slots;
        /** The records' keys in the order they were read: the events refer to records by that place until {@link #finish}. */
        private final String[] source;
        private final String[] sourceId;

        EventCollector(String[] source, String[] sourceId) {
            this.source = source;
            this.sourceId = sourceId;
            slots = new int[Integer.highestOneBit(Math.max(2, n) * 2 - 1) * 2];
            int mask = slots.length - 1;
            for (int i = 0; i < n; i++) {
                int h = hash(source[i], sourceId[i]) & mask;
                while (slots[h] != 0) {
                    h = (h + 1) & mask;
                }
                slots[h] = i + 1;
            }
        }

        private static int hash(String src, String id) {
            int h = src.hashCode() * 31 + id.hashCode();
            return h ^ (h >>> 16);
        }

        /** The place, as read, of the record with this key, or -1. */
        private int find(String src, String id) {
            int mask = slots.length - 1;
            for (int h = hash(src, id) & mask; slots[h] != 0; h = (h + 1) & mask) {
                int i = slots[h] - 1;
                if (sourceId[i].equals(id) && source[i].equals(src)) {
                    return i;
                }
            }
            return -1;
        }

        void add(String src, String id, LocalDate day) {
            int i = id == null || day == null ? -1 : find(src, id);
            if (i < 0) {
                return;
            }
            if (size == packed.length) {
                packed = Arrays.copyOf(packed, size * 2);
            }
            packed[size++] = (long) i << 32 | (day.toEpochDay() + DAY_OFFSET);
        }

        /** Sets each record's days; {@code placeOf[i]} is the place in key order of the record read i-th. */
        void finish(int[] placeOf) {
            for (int k = 0; k < size; k++) {
                packed[k] = (long) placeOf[(int) (packed[k] >>> 32)] << 32 | (packed[k] & 0xFFFFFFFFL);
            }
            Arrays.sort(packed, 0, size);
            int k = 0;
            while (k < size) {
                int rec = (int) (packed[k] >>> 32);
                int end = k;
                int distinct = 0;
                long prev = -1;
                while (end < size && (int) (packed[end] >>> 32) == rec) {
                    if (packed[end] != prev) {
                        distinct++;
                        prev = packed[end];
                    }
                    end++;
                }
                int[] days = new int[distinct];
                prev = -1;
                for (int j = k, d = 0; j < end; j++) {
                    if (packed[j] != prev) {
                        days[d++] = (int) ((packed[j] & 0xFFFFFFFFL) - DAY_OFFSET);
                        prev = packed[j];
                    }
                }
                eventDays[rec] = days;
                k = end;
            }
            packed = null;
            slots = null;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Hand-made records, for tests and tools. */
    public static final class Builder {
        private final List<Row> rows = new ArrayList<>();
        private final List<Object[]> events = new ArrayList<>();

        /** An event of a record (an offence, an arrest, a drug test) on a day. */
        public Builder event(String source, String id, LocalDate day) {
            events.add(new Object[]{source, id, day});
            return this;
        }

        public Builder add(String source, String id, String surname, String forenames, LocalDate dob, String gender,
                           String ethnicity, String postcode, String pnc) {
            rows.add(new Row(rows.size() + 1, source, id, surname, forenames, dob, gender, ethnicity, postcode, pnc));
            return this;
        }

        public LinkRecords build() {
            try {
                return new LinkRecords(new ArrayList<>(rows), c -> {
                    for (Object[] e : events) {
                        c.add((String) e[0], (String) e[1], (LocalDate) e[2]);
                    }
                });
            } catch (SQLException e) {
                throw new IllegalStateException(e); // no database here
            }
        }
    }

    record Row(long rowNo, String source, String sourceId, String surname, String forenames, LocalDate dob,
               String gender, String ethnicity, String postcode, String pnc) {
    }

    /** Strings to dense ids. */
    static final class Dict {
        private final Map<String, Integer> ids = new HashMap<>();
        private String[] values = new String[1024];

        int id(String s) {
            Integer v = ids.get(s);
            if (v != null) {
                return v;
            }
            int id = ids.size();
            if (id == values.length) {
                values = Arrays.copyOf(values, id * 2);
            }
            values[id] = s;
            ids.put(s, id);
            return id;
        }

        String get(int id) {
            return values[id];
        }

        int size() {
            return ids.size();
        }
    }
}
