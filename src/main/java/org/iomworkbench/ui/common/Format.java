package org.iomworkbench.ui.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How numbers, sizes and times read in the workbench, the same in every view. */
public final class Format {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.UK);

    private Format() {
    }

    public static String count(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.UK, "%.1f %s", v, units[u]);
    }

    /** An ISO instant as the analyst's local date and time; the text as it was when it is not one. */
    public static String localTime(String isoInstant) {
        try {
            return LOCAL_TIME.format(Instant.parse(isoInstant).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            return isoInstant;
        }
    }

    /** "1 row", "2 rows": counts in sentences. */
    public static String plural(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }
}
