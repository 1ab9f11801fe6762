package org.chengxin.calendar.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.chengxin.calendar.CalendarYears.Day;
import org.chengxin.calendar.CalendarYears.DayKind;
import org.chengxin.shared.time.FixedWorkingCalendar;
import org.chengxin.shared.time.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * The platform's working calendar: the days of calendar_day, held in memory. It is read again when the administrator's
 * change commits, and at the latest a minute after it was read, so that every instance of a cluster follows a change
 * made on another. A year without days counts weekends only.
 */
@Component
class StoredWorkingCalendar implements WorkingCalendar {

    static final Duration KEPT = Duration.ofMinutes(1);

    private final JdbcCalendar store;
    private volatile Snapshot snapshot;

    StoredWorkingCalendar(JdbcCalendar store) {
        this.store = store;
    }

    private record Snapshot(FixedWorkingCalendar days, long readAt) {
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return current().isWorkingDay(day);
    }

    // each counted on one snapshot: a change committed meanwhile does not split a deadline between two calendars

    @Override
    public LocalDate plusWorkingDays(LocalDate from, int days) {
        return current().plusWorkingDays(from, days);
    }

    @Override
    public LocalDate plusCalendarDays(LocalDate from, int days) {
        return current().plusCalendarDays(from, days);
    }

    @Override
    public long workingDaysBetween(LocalDate from, LocalDate to) {
        return current().workingDaysBetween(from, to);
    }

    /** The days as they are now in the table. */
    FixedWorkingCalendar current() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.readAt() > KEPT.toNanos()) {
            s = refresh();
        }
        return s.days();
    }

    synchronized Snapshot refresh() {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> worked = new HashSet<>();
        for (Day d : store.allDays()) {
            (d.kind() == DayKind.HOLIDAY ? holidays : worked).add(d.date());
        }
        Snapshot s = new Snapshot(new FixedWorkingCalendar(holidays, worked), System.nanoTime());
        snapshot = s;
        return s;
    }
}
