package org.iomworkbench.core.publish;

import java.util.List;

/**
 * CSV cells that cannot run as a formula in a spreadsheet: a cell that begins with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe (the
 * OWASP advice for CSV injection), and every cell is quoted when it holds a comma, a quote or a
 * line break (RFC 4180).
 */
public final class SafeCsv {
    private SafeCsv() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** Appends {@link #cell}'s text for the value, without copying a value that needs nothing done. */
    public static void append(StringBuilder b, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        char first = value.charAt(0);
        boolean plain = !(first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r');
        for (int i = 0; plain && i < value.length(); i++) {
            char ch = value.charAt(i);
            plain = ch != ',' && ch != '"' && ch != '\n' && ch != '\r';
        }
        b.append(plain ? value : cell(value));
    }

    public static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            append(b, cells.get(i));
        }
        return b.append("\r\n").toString();
    }
}
