package org.iomworkbench.core.generate;

import java.time.LocalDate;

/** Fast, allocation-light text helpers for the generator: CSV cells, dates and identifiers. */
final class Text {
    private Text() {
    }

    /** Appends {@code s} as an RFC 4180 cell: quoted only when it holds a comma, a quote or a line break. */
    static StringBuilder cell(StringBuilder sb, String s) {
        if (s == null || s.isEmpty()) {
            return sb;
        }
        boolean quote = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            return sb.append(s);
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        return sb.append('"');
    }

    /** The bijective 64-bit finaliser of SplitMix64: distinct inputs give distinct outputs. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** An opaque event reference, unique for each distinct (kind, person, sequence). */
    static String ref(String prefix, long salt, long person, int seq) {
        long x = mix64(((person << 20) | seq) ^ salt);
        String s = Long.toUnsignedString(x, 36).toUpperCase(java.util.Locale.ROOT);
        return prefix + "0".repeat(13 - s.length()) + s;
    }

    /** Pre-formatted yyyy-MM-dd strings for a range of days. */
    static final class Dates {
        private final long first;
        private final String[] text;

        Dates(LocalDate from, LocalDate to) {
            first = from.toEpochDay();
            int n = (int) (to.toEpochDay() - first + 1);
            text = new String[n];
            for (int i = 0; i < n; i++) {
                text[i] = LocalDate.ofEpochDay(first + i).toString();
            }
        }

        String of(long epochDay) {
            long i = epochDay - first;
            if (i >= 0 && i < text.length) {
                return text[(int) i];
            }
            return LocalDate.ofEpochDay(epochDay).toString();
        }
    }
}
