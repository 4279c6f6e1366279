package org.iomworkbench.core.util;

/** Long work stopped at the analyst's request; whatever it started has been undone. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled");
    }
}
