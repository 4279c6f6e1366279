package org.iomworkbench.core.model.data;

/** What a model predicts for a person at risk at T, over the follow-up {@code (T, T + horizon]}. */
public enum Outcome {
    /** Band HIGH or SUPER_HIGH on some day of the follow-up (section 7 of the RFSDi spec). */
    ESCALATION,
    /** Any offence in the follow-up. */
    ANY_OFFENCE,
    /** An offence of a violent crime group in the follow-up. */
    VIOLENT_OFFENCE
}
