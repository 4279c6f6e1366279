package org.iomworkbench.core.score;

/** The five RFSDi bands of section 5, lowest first. */
public enum Band {
    LOW, LOW_MEDIUM, HIGH_MEDIUM, HIGH, SUPER_HIGH;

    private static final Band[] ALL = values();

    public static Band of(int ordinal) {
        return ALL[ordinal];
    }

    /** HIGH or SUPER_HIGH: what an escalation reaches. */
    public boolean isHigh() {
        return this == HIGH || this == SUPER_HIGH;
    }
}
