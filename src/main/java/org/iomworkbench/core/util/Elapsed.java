package org.iomworkbench.core.util;

import java.util.Locale;

/** Durations for the log: the time a step took, in seconds to a tenth. */
public final class Elapsed {
    private Elapsed() {
    }

    /** {@code nanos} nanoseconds as seconds, e.g. "12.3". */
    public static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** The seconds since {@code startNanos} (a {@link System#nanoTime()} reading). */
    public static String since(long startNanos) {
        return seconds(System.nanoTime() - startNanos);
    }
}
