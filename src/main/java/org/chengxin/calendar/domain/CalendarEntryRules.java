package org.chengxin.calendar.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

import org.chengxin.calendar.CalendarYears.DayKind;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.text.UnicodeText;

/**
 * What the administrator may enter: a day inside its year, named (春节, 国庆节 …), and a worked day (调休上班) only on a
 * Saturday or a Sunday, since a weekday is a working day already. The texts are public information, so no ID number.
 */
public final class CalendarEntryRules {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    public static final int MAX_NAME = 20;
    public static final int MAX_NOTE = 100;
    public static final int MAX_SOURCE = 200;

    private CalendarEntryRules() {
    }

    /** A day as it will be stored: name and note stripped, a blank note none. */
    public record Entry(LocalDate date, DayKind kind, String name, String note) {
    }

    public static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ChengxinException.badRequest("CALENDAR_YEAR_INVALID", "年份须在 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 之间");
        }
    }

    public static Entry entry(int year, LocalDate date, DayKind kind, String name, String note) {
        checkYear(year);
        if (date == null) {
            throw ChengxinException.badRequest("CALENDAR_DATE_REQUIRED", "请填写日期（如 " + year + "-10-01）");
        }
        if (date.getYear() != year) {
            throw ChengxinException.badRequest("CALENDAR_DATE_OUTSIDE_YEAR", "日期 " + date + " 不在 " + year + " 年内");
        }
        if (kind == null) {
            throw ChengxinException.badRequest("CALENDAR_KIND_REQUIRED", "请选择类型：放假或调休上班");
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw ChengxinException.badRequest("CALENDAR_NAME_REQUIRED", "请填写节日名称（如 春节、国庆节）");
        }
        if (UnicodeText.longerThan(n, MAX_NAME)) {
            throw ChengxinException.badRequest("CALENDAR_NAME_TOO_LONG", "节日名称不超过 " + MAX_NAME + " 个字");
        }
        String t = note == null || note.isBlank() ? null : note.strip();
        if (t != null && UnicodeText.longerThan(t, MAX_NOTE)) {
            throw ChengxinException.badRequest("CALENDAR_NOTE_TOO_LONG", "备注不超过 " + MAX_NOTE + " 个字");
        }
        refuseIdNumbers(n + "\n" + (t == null ? "" : t));
        if (kind == DayKind.ADJUSTED_WORKDAY && !weekend(date)) {
            throw ChengxinException.badRequest("CALENDAR_WORKDAY_NOT_WEEKEND", "调休上班日须为星期六或星期日：" + date + " 是"
                    + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA) + "，本来就是工作日");
        }
        return new Entry(date, kind, n, t);
    }

    /** The notice a year rests on, stripped; none when blank. Confirming a year needs one. */
    public static String source(int year, String source, boolean confirmed) {
        checkYear(year);
        String s = source == null || source.isBlank() ? null : source.strip();
        if (s == null && confirmed) {
            throw ChengxinException.badRequest("CALENDAR_SOURCE_REQUIRED",
                    "确认年度安排须写明所依据的通知（如 国务院办公厅关于" + year + "年部分节假日安排的通知）");
        }
        if (s != null && UnicodeText.longerThan(s, MAX_SOURCE)) {
            throw ChengxinException.badRequest("CALENDAR_SOURCE_TOO_LONG", "依据的通知不超过 " + MAX_SOURCE + " 个字");
        }
        if (s != null) {
            refuseIdNumbers(s);
        }
        return s;
    }

    public static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static void refuseIdNumbers(String text) {
        if (!Masking.maskIdShaped(text).equals(text)) {
            throw ChengxinException.badRequest("CALENDAR_PERSONAL_DATA", "工作日历是公开信息，不得包含身份证号码");
        }
    }
}
