package org.iomworkbench.core.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds where a file stops being readable CSV (bytes that are not UTF-8, a quoted value that
 * never closes, text after a closing quote) with the record's starting line and the field.
 * Used only after the streaming parser has failed, to tell the analyst exactly where.
 */
final class CsvDiagnosis {

    /** @param field 0-based field index in the record */
    record Finding(long line, int field, String value, String reason) {
    }

    private CsvDiagnosis() {
    }

    static Finding locate(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return locate(in);
        }
    }

    static Finding locate(InputStream in) throws IOException {
        long line = 1;
        long recordLine = 1;
        int field = 0;
        boolean atFieldStart = true;
        boolean inQuotes = false;
        boolean afterClosingQuote = false;
        long quoteLine = 0;
        int quoteField = 0;
        StringBuilder fieldText = new StringBuilder();
        int pending = -2; // look-ahead byte inside quotes
        int continuation = 0;
        int lowerBound = 0x80;
        int upperBound = 0xBF;
        byte[] lead = new byte[4];
        int leadLen = 0;
        long offset = 0;
        boolean first = true;

        while (true) {
            int b = pending != -2 ? pending : in.read();
            pending = -2;
            if (b < 0) {
                break;
            }
            offset++;
            if (first) {
                first = false;
                if (b == 0xEF) { // a byte-order mark is allowed and skipped
                    int b2 = in.read();
                    int b3 = in.read();
                    if (b2 == 0xBB && b3 == 0xBF) {
                        continue;
                    }
                    return new Finding(line, field, "", "the file is not UTF-8 (invalid byte sequence near the start)");
                }
            }
            if (continuation > 0) {
                if (b < lowerBound || b > upperBound) {
                    return notUtf8(recordLine, field, fieldText, b);
                }
                lead[leadLen++] = (byte) b;
                lowerBound = 0x80;
                upperBound = 0xBF;
                if (--continuation == 0) {
                    appendLimited(fieldText, new String(lead, 0, leadLen, StandardCharsets.UTF_8));
                }
                atFieldStart = false;
                continue;
            }
            if (b >= 0x80) {
                leadLen = 0;
                lead[leadLen++] = (byte) b;
                if (b >= 0xC2 && b <= 0xDF) {
                    continuation = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    continuation = 2;
                    lowerBound = b == 0xE0 ? 0xA0 : 0x80;
                    upperBound = b == 0xED ? 0x9F : 0xBF;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    continuation = 3;
                    lowerBound = b == 0xF0 ? 0x90 : 0x80;
                    upperBound = b == 0xF4 ? 0x8F : 0xBF;
                } else {
                    return notUtf8(recordLine, field, fieldText, b);
                }
                if (afterClosingQuote) {
                    return new Finding(recordLine, field, fieldText.toString(),
                            "text follows the closing quote of a quoted value (unbalanced quotes)");
                }
                atFieldStart = false;
                continue;
            }
            char ch = (char) b;
            if (inQuotes) {
                if (ch == '"') {
                    int next = in.read();
                    if (next == '"') {
                        appendLimited(fieldText, "\"");
                    } else {
                        inQuotes = false;
                        afterClosingQuote = true;
                        pending = next;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    appendLimited(fieldText, String.valueOf(ch));
                }
                continue;
            }
            if (ch == ',') {
                field++;
                atFieldStart = true;
                afterClosingQuote = false;
                fieldText.setLength(0);
            } else if (ch == '\n') {
                line++;
                recordLine = line;
                field = 0;
                atFieldStart = true;
                afterClosingQuote = false;
                fieldText.setLength(0);
            } else if (ch == '\r') {
                // part of a CRLF line end
            } else if (afterClosingQuote) {
                return new Finding(recordLine, field, fieldText.toString(),
                        "text follows the closing quote of a quoted value (unbalanced quotes)");
            } else if (ch == '"' && atFieldStart) {
                inQuotes = true;
                quoteLine = recordLine;
                quoteField = field;
                atFieldStart = false;
            } else {
                atFieldStart = false;
                appendLimited(fieldText, String.valueOf(ch));
            }
        }
        if (continuation > 0) {
            return new Finding(recordLine, field, fieldText.toString(),
                    "the file is not UTF-8 (it ends inside a multi-byte character)");
        }
        if (inQuotes) {
            return new Finding(quoteLine, quoteField, fieldText.toString(),
                    "a quoted value opened here is never closed (unbalanced quotes)");
        }
        return null;
    }

    private static Finding notUtf8(long line, int field, StringBuilder fieldText, int b) {
        return new Finding(line, field, fieldText.toString(),
                String.format("the file is not UTF-8 (byte 0x%02X cannot start or continue a character here)", b));
    }

    private static void appendLimited(StringBuilder sb, String s) {
        if (sb.length() < 60) {
            sb.append(s);
        }
    }
}
