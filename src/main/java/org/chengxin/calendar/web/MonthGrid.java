package org.chengxin.calendar.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chengxin.calendar.CalendarYears.Day;
import org.chengxin.calendar.CalendarYears.DayKind;
import org.chengxin.calendar.CalendarYears.Year;

/** A month as the page draws it: weeks from Monday to Sunday, each day marked as a holiday, a worked weekend day, a rest day or a working day. */
record MonthGrid(int month, List<List<Cell>> weeks) {

    /** A day of the grid; null date for the blanks before the first and after the last day. */
    record Cell(LocalDate date, String kind, String title) {
    }

    static List<MonthGrid> of(Year year) {
        Map<LocalDate, Day> days = year.days().stream().collect(Collectors.toMap(Day::date, Function.identity()));
        List<MonthGrid> months = new ArrayList<>(12);
        for (int m = 1; m <= 12; m++) {
            months.add(month(YearMonth.of(year.year(), m), days));
        }
        return months;
    }

    private static MonthGrid month(YearMonth month, Map<LocalDate, Day> days) {
        List<List<Cell>> weeks = new ArrayList<>();
        List<Cell> week = new ArrayList<>(7);
        for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
            week.add(new Cell(null, "blank", ""));
        }
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            week.add(cell(date, days.get(date)));
            if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                weeks.add(week);
                week = new ArrayList<>(7);
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(new Cell(null, "blank", ""));
            }
            weeks.add(week);
        }
        return new MonthGrid(month.getMonthValue(), weeks);
    }

    private static Cell cell(LocalDate date, Day day) {
        if (day != null) {
            return new Cell(date, day.kind() == DayKind.HOLIDAY ? "holiday" : "worked", day.name() + " " + day.kind().label());
        }
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        return new Cell(date, weekend ? "rest" : "work", weekend ? "休息日" : "工作日");
    }
}
