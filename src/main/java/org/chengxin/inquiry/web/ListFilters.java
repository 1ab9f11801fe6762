package org.chengxin.inquiry.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reading the auditor's list filters from request parameters: anything unreadable is left out and said, never an error page. */
final class ListFilters {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ListFilters() {
    }

    static LocalDate date(String raw, String what, List<String> problems) {
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

    static String trimmed(String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }

    static Integer integer(String raw) {
        try {
            return raw == null ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String range(String what, LocalDate from, LocalDate to) {
        return what + " " + (from == null ? "…" : from) + " 至 " + (to == null ? "…" : to);
    }
}
