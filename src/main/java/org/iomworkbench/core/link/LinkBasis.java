package org.iomworkbench.core.link;

/** Why a pair has its status. */
public enum LinkBasis {
    /** The match weight against the thresholds. */
    MODEL,
    /** The records share a national identifier (PNC). */
    PNC,
    /** The analyst's review decision. */
    ANALYST
}
