package org.iomworkbench.core.util;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers with a fixed count of decimals, character for character as
 * {@code String.format(Locale.ROOT, "%.Nf", x)} writes them (a published list's bytes must not
 * change, because a publication is reproduced and checked by its SHA-256), at about a third of
 * the cost: {@link java.util.Formatter} parses its pattern and builds a formatter for each call.
 * Like the formatter, it rounds half up on the shortest decimal that reads back as the same
 * double ({@link Double#toString}), and keeps the sign of a negative number that rounds to zero.
 */
public final class Decimals {
    private Decimals() {
    }

    public static String fixed(double x, int decimals) {
        if (!Double.isFinite(x)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", x);
        }
        String s = new BigDecimal(Double.toString(x)).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        if (Double.doubleToRawLongBits(x) < 0 && s.charAt(0) != '-') {
            return "-" + s; // -0.0 and small negatives: the formatter writes "-0.0000"
        }
        return s;
    }
}
