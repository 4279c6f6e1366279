package org.iomworkbench.core.load;

/**
 * A row kept out of a snapshot, or the reason a whole load was refused.
 *
 * @param file   the extract file's name
 * @param line   1-based physical line on which the record starts (the header is line 1); 0 for the file as a whole
 * @param column the column's header as written, or empty when the problem is not one cell's
 * @param value  the offending value as read
 * @param reason what is wrong, in plain words
 */
public record Rejection(String file, long line, String column, String value, String reason) {

    public String describe() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(" line ").append(line);
        }
        if (!column.isEmpty()) {
            sb.append(", column ").append(column);
        }
        if (!value.isEmpty()) {
            String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
            sb.append(", value '").append(shown.replace("\r", "\\r").replace("\n", "\\n")).append('\'');
        }
        return sb.append(": ").append(reason).toString();
    }
}
