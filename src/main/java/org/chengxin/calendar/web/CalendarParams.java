package org.chengxin.calendar.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.chengxin.calendar.CalendarYears.DayKind;
import org.chengxin.shared.error.ChengxinException;

/** Form and path values read as text, so that a malformed one is refused in Chinese with a code, never a bare 400. */
final class CalendarParams {

    private CalendarParams() {
    }

    static int year(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw ChengxinException.badRequest("CALENDAR_YEAR_INVALID", "年份须为四位数字，如 2027");
        }
    }

    /** Null when blank. */
    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ChengxinException.badRequest("CALENDAR_DATE_INVALID", "日期格式应为 年-月-日，如 2027-10-01");
        }
    }

    /** Null when blank. */
    static DayKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DayKind.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw ChengxinException.badRequest("CALENDAR_KIND_REQUIRED", "请选择类型：放假或调休上班");
        }
    }
}
