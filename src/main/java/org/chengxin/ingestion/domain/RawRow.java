package org.chengxin.ingestion.domain;

import java.util.Map;

/**
 * One row as a file or request carried it: its number (for the report: the line or row a person
 * sees in the file) and its values by canonical column name.
 */
public record RawRow(long rowNo, Map<String, String> values) {

    // Markers start with NUL, which no header or JSON key a department writes can hold.

    /** Left by a reader when a CSV line has more or fewer cells than the header. */
    public static final String COLUMN_COUNT_MISMATCH = "\u0000columnCount";
    /** Left by a reader on a row of the national 双公示 formats. */
    public static final String DOUBLE_PUBLICITY = "\u0000doublePublicity";
    /** Left by a reader when a JSON record is not an object. */
    public static final String NOT_AN_OBJECT = "\u0000notAnObject";

    public String get(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
