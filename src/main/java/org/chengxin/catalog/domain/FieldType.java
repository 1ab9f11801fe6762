package org.chengxin.catalog.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The types an item's own fields can have, and how a pushed text value is read as one. An
 * {@link #IDENTIFIER} is text that names something (a certificate, case or plate number): like the
 * record's own identifiers it must arrive as text, never from a spreadsheet's number cell.
 */
public enum FieldType {
    STRING("文本"),
    IDENTIFIER("编号（文本）"),
    DATE("日期"),
    DECIMAL("数值"),
    INTEGER("整数"),
    BOOLEAN("是/否");

    private final String label;

    FieldType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the value is text a person writes freely, where tabs and line breaks belong. */
    public boolean multiline() {
        return this == STRING;
    }

    /** Whether a non-blank text is a value of this type (dates as yyyy-MM-dd). */
    public boolean accepts(String text) {
        String t = text.strip();
        try {
            switch (this) {
                case STRING, IDENTIFIER -> {
                    return true;
                }
                case DATE -> LocalDate.parse(t);
                case DECIMAL -> new BigDecimal(t);
                case INTEGER -> Long.parseLong(t);
                case BOOLEAN -> {
                    return t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false") || t.equals("是") || t.equals("否");
                }
                default -> throw new IllegalStateException();
            }
            return true;
        } catch (DateTimeParseException | NumberFormatException e) {
            return false;
        }
    }
}
