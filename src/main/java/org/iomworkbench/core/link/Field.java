package org.iomworkbench.core.link;

import java.util.List;

/**
 * The compared fields and their comparison levels, most specific first. Level 0 of every field
 * is "missing" (either record lacks the value): it carries no evidence (weight 0) and the m and u
 * probabilities of the other levels are conditional on both values being present. A pair's
 * levels are packed four bits a field into one int, the pair's comparison pattern.
 */
public enum Field {
    SURNAME("surname", "missing", "exact", "swapped with forename", "Jaro-Winkler >= 0.92", "one part of a double surname",
            "phonetic (Double Metaphone)", "Jaro-Winkler >= 0.80", "different"),
    FORENAMES("forenames", "missing", "exact", "first forename exact", "common nickname", "Jaro-Winkler >= 0.92",
            "phonetic (Double Metaphone)", "initial", "Jaro-Winkler >= 0.80", "different"),
    DOB("date of birth", "missing", "exact", "day and month swapped", "one digit off", "same year", "different"),
    GENDER("gender", "missing", "same", "different"),
    POSTCODE("postcode", "missing", "exact", "same sector", "same district", "different"),
    PNC("PNC id", "missing", "exact", "different"),
    /**
     * Whether the two records come from one source system or two: a person seldom has two records
     * in one system, so records of two systems are more often the same person. Estimated like
     * any field (u from random pairs, m by EM), never missing.
     */
    SOURCE("source system", "missing", "same system", "different systems"),
    /**
     * Whether records of two systems share the days of their events: an offence, an arrest into
     * custody, a drug test on arrest. One incident is often seen by several systems on one day
     * (the crime, the detention, the test in custody), so a shared day is evidence of one person.
     * Missing when either record has no event or both are of one system (within one system a
     * shared day is a crime with co-offenders, not one person). Estimated like any field.
     */
    EVENTS("shared event days", "missing", "two or more days shared", "one day shared", "no day shared",
            "no day shared, both with 3 or more");

    public static final List<Field> ALL = List.of(values());
    public static final int COUNT = ALL.size();
    static final int MISSING = 0;
    static final int EXACT = 1;

    private final String label;
    private final List<String> levels;

    Field(String label, String... levels) {
        this.label = label;
        this.levels = List.of(levels);
    }

    /** The field's name in the analyst's words. */
    public String label() {
        return label;
    }

    /** Level names, index = level number; 0 is "missing". */
    public List<String> levels() {
        return levels;
    }

    public int levelCount() {
        return levels.size();
    }

    /** This field's level in a packed pattern. */
    public int levelOf(int pattern) {
        return (pattern >>> (4 * ordinal())) & 0xF;
    }

    static int pack(int surname, int forenames, int dob, int gender, int postcode, int pnc, int source, int events) {
        return surname | forenames << 4 | dob << 8 | gender << 12 | postcode << 16 | pnc << 20 | source << 24
                | events << 28;
    }

    // level numbers, named for the comparisons
    static final int SN_SWAPPED = 2;
    static final int SN_JW_HIGH = 3;
    static final int SN_PART = 4;
    static final int SN_PHONETIC = 5;
    static final int SN_JW_LOW = 6;
    static final int SN_DIFFERENT = 7;
    static final int FN_FIRST = 2;
    static final int FN_NICKNAME = 3;
    static final int FN_JW_HIGH = 4;
    static final int FN_PHONETIC = 5;
    static final int FN_INITIAL = 6;
    static final int FN_JW_LOW = 7;
    static final int FN_DIFFERENT = 8;
    static final int DOB_SWAPPED = 2;
    static final int DOB_ONE_DIGIT = 3;
    static final int DOB_SAME_YEAR = 4;
    static final int DOB_DIFFERENT = 5;
    static final int GENDER_DIFFERENT = 2;
    static final int PC_SECTOR = 2;
    static final int PC_DISTRICT = 3;
    static final int PC_DIFFERENT = 4;
    static final int PNC_DIFFERENT = 2;
    static final int SOURCE_DIFFERENT = 2;
    static final int EVENTS_ONE_DAY = 2;
    static final int EVENTS_NONE_SHARED = 3;
    static final int EVENTS_NONE_OF_MANY = 4;
    /** From this many event days on both records, sharing none is a level of its own. */
    static final int EVENTS_MANY = 3;
}
