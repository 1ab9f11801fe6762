package org.chengxin.shared.listing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** What a list's filter bar sends, read leniently: a part that cannot be read is ignored and said in Chinese. */
public final class FilterInputs {

    private FilterInputs() {
    }

    /** A day written 年-月-日, or null when blank; a wrong one is ignored with a problem naming the field. */
    public static LocalDate date(String raw, String what, List<String> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            problems.add(what + "格式应为 年-月-日，已忽略");
            return null;
        }
    }

    /** The text stripped and cut to {@code max} characters, or null when blank. */
    public static String trimmed(String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }
}
