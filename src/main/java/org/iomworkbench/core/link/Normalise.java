package org.iomworkbench.core.link;

import java.text.Normalizer;
import java.util.Locale;

/** Text normalisation for comparison: upper case, accents and punctuation removed. */
final class Normalise {
    private Normalise() {
    }

    /**
     * A name in upper case A-Z with single spaces: accents are dropped, apostrophes removed
     * (O'Brien = OBRIEN), hyphens, dots and other marks become spaces (Smith-Jones = SMITH JONES).
     */
    static String name(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String s = raw;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                s = Normalizer.normalize(s, Normalizer.Form.NFD);
                break;
            }
        }
        s = s.toUpperCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.append(c);
            } else if (c == '\'' || c == '\u2019' || Character.getType(c) == Character.NON_SPACING_MARK) {
                // dropped without a break
            } else {
                space = true;
            }
        }
        return b.toString();
    }

    /** A postcode in upper case letters and digits only. */
    static String code(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = Character.toUpperCase(raw.charAt(i));
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Runs of white space (compiled once: an identifier is normalised for every record). */
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    /** An identifier with surrounding and inner spaces removed, upper case. */
    static String identifier(String raw) {
        if (raw == null) {
            return "";
        }
        return WHITESPACE.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
    }
}
