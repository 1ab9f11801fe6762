package org.chengxin.ingestion.domain;

import java.util.Map;
import java.util.Set;

import org.chengxin.shared.text.UnicodeText;

/**
 * One row as a file or request carried it: its number (for the report: the line or row a person
 * sees in the file), its values by canonical column name, and the columns whose value the file held
 * as a number (an XLSX numeric, boolean or error cell, a JSON number) rather than as text: an
 * identifier in such a column may already have lost digits.
 */
public record RawRow(long rowNo, Map<String, String> values, Set<String> nonText) {

    // Markers start with NUL, which no header or JSON key a department writes can hold.

    /** Left by a reader when a CSV line has more or fewer cells than the header. */
    public static final String COLUMN_COUNT_MISMATCH = "\u0000columnCount";
    /** Left by a reader on a row of the national 双公示 formats. */
    public static final String DOUBLE_PUBLICITY = "\u0000doublePublicity";
    /** Left by a reader when a JSON record is not an object. */
    public static final String NOT_AN_OBJECT = "\u0000notAnObject";
    /** Left by the JSON Lines reader when a line is not JSON at all; the value is the column where it breaks. */
    public static final String MALFORMED_JSON = "\u0000malformedJson";

    public RawRow {
        nonText = Set.copyOf(nonText);
    }

    /** A row whose every value was text (CSV, or a row typed on a page). */
    public RawRow(long rowNo, Map<String, String> values) {
        this(rowNo, values, Set.of());
    }

    /** The value without white space or invisible characters at its ends; null when nothing is left. */
    public String get(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        String t = UnicodeText.stripInvisible(v);
        return t.isEmpty() ? null : t;
    }

    /** Whether the file held this column's value as a number, not as text. */
    public boolean heldAsNumber(String name) {
        return nonText.contains(name);
    }

    static boolean isMarker(String key) {
        return key.equals(COLUMN_COUNT_MISMATCH) || key.equals(DOUBLE_PUBLICITY) || key.equals(NOT_AN_OBJECT) || key.equals(MALFORMED_JSON);
    }
}
