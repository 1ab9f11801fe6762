package org.chengxin.catalog.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The types an item's own fields can have, and how a pushed text value is read as one. */
public enum FieldType {
    STRING("文本"),
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

    /** Whether a non-blank text is a value of this type (dates as yyyy-MM-dd). */
    public boolean accepts(String text) {
        String t = text.strip();
        try {
            switch (this) {
                case STRING -> {
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
