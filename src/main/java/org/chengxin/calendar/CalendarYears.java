package org.chengxin.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The holiday arrangement of each year, as the administrator keeps it. Every change is audited and the platform's
 * working calendar counts on it from the moment it is committed.
 */
public interface CalendarYears {

    /** A year with its days in date order; a year nobody entered comes back empty, not confirmed, without a source. */
    Year year(int year);

    /** The years that have an arrangement, in order. */
    List<Integer> years();

    /**
     * Adds a day ({@code replacing} null) or changes the day at {@code replacing}. Refused with CALENDAR_YEAR_INVALID,
     * CALENDAR_DATE_REQUIRED, CALENDAR_DATE_OUTSIDE_YEAR, CALENDAR_KIND_REQUIRED, CALENDAR_NAME_REQUIRED,
     * CALENDAR_NAME_TOO_LONG, CALENDAR_NOTE_TOO_LONG, CALENDAR_PERSONAL_DATA, CALENDAR_WORKDAY_NOT_WEEKEND,
     * CALENDAR_DAY_DUPLICATE, CALENDAR_DAY_NOT_FOUND.
     */
    Day saveDay(int year, LocalDate replacing, LocalDate date, DayKind kind, String name, String note);

    /** Removes a day: it becomes an ordinary day again. Refused with CALENDAR_DAY_NOT_FOUND. */
    void removeDay(LocalDate date);

    /**
     * Records the notice a year rests on and whether it is confirmed against it. Refused with CALENDAR_YEAR_INVALID,
     * CALENDAR_SOURCE_REQUIRED (confirming without a source), CALENDAR_SOURCE_TOO_LONG, CALENDAR_PERSONAL_DATA.
     */
    Year describe(int year, String source, boolean confirmed);

    /** From December on, next year when it has no day yet: deadlines into it would count weekends only. */
    OptionalInt missingNextYear();

    enum DayKind {
        HOLIDAY("放假"), ADJUSTED_WORKDAY("调休上班");

        private final String label;

        DayKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A day the notice names: a holiday, or a Saturday or Sunday worked. */
    record Day(LocalDate date, DayKind kind, String name, String note, Instant updatedAt, String updatedBy) {

        /** 星期一 … 星期日. */
        public String weekday() {
            return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA);
        }
    }

    /**
     * A year's arrangement.
     *
     * @param source    the notice it rests on, e.g. 国务院办公厅关于2026年部分节假日安排的通知
     * @param confirmed checked against the notice; a year seeded from the statutory days alone is not
     * @param updatedAt null for a year nobody entered
     */
    record Year(int year, String source, boolean confirmed, Instant updatedAt, String updatedBy, List<Day> days) {

        public boolean entered() {
            return updatedAt != null;
        }

        public List<Day> holidays() {
            return days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).toList();
        }

        public List<Day> workdays() {
            return days.stream().filter(d -> d.kind() == DayKind.ADJUSTED_WORKDAY).toList();
        }
    }
}
