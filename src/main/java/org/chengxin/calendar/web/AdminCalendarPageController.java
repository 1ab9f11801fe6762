package org.chengxin.calendar.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.calendar.CalendarYears;
import org.chengxin.calendar.CalendarYears.Day;
import org.chengxin.calendar.CalendarYears.DayKind;
import org.chengxin.calendar.CalendarYears.Year;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.error.Problems;
import org.chengxin.shared.id.Masking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrator's calendar (工作日历): a year's months with its holidays and worked weekend days, the list of those days
 * with a form to add, change or remove one, and the notice the year rests on with its confirmation.
 */
@Controller
class AdminCalendarPageController {

    private static final String PAGE = "calendar/admin";

    private final CalendarYears calendar;
    private final Clock clock;

    AdminCalendarPageController(CalendarYears calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/admin/calendar")
    String show(@RequestParam(required = false) String year, @RequestParam(required = false) String edit, Model model) {
        int shown = year == null || year.isBlank() ? LocalDate.now(clock).getYear() : CalendarParams.year(year);
        Year y = calendar.year(shown);
        LocalDate editing = CalendarParams.date(edit);
        Form form = editing == null ? Form.EMPTY : y.days().stream().filter(d -> d.date().equals(editing)).findFirst()
                .map(Form::of).orElseThrow(() -> ChengxinException.notFound("CALENDAR_DAY_NOT_FOUND", "日历中没有 " + editing + " 这一天"));
        fill(model, y, form, y.source());
        return PAGE;
    }

    @PostMapping("/admin/calendar/days")
    String saveDay(@RequestParam(required = false) String year, @RequestParam(required = false) String replacing,
            @RequestParam(required = false) String date, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String name, @RequestParam(required = false) String note,
            HttpServletResponse response, Model model) {
        int y = CalendarParams.year(year);
        try {
            Day saved = calendar.saveDay(y, CalendarParams.date(replacing), CalendarParams.date(date), CalendarParams.kind(kind), name, note);
            return "redirect:/admin/calendar?year=" + y + "&saved=" + saved.date();
        } catch (ChengxinException e) {
            Form typed = new Form(replacing, date == null ? "" : masked(date.strip()), kind, masked(name), masked(note));
            return refused(e, y, typed, null, response, model);
        }
    }

    @PostMapping("/admin/calendar/days/{date}/removal")
    String removeDay(@PathVariable String date) {
        LocalDate day = CalendarParams.date(date);
        if (day == null) {
            throw ChengxinException.badRequest("CALENDAR_DATE_REQUIRED", "请指定要删除的日期");
        }
        calendar.removeDay(day);
        return "redirect:/admin/calendar?year=" + day.getYear() + "&removed=" + day;
    }

    @PostMapping("/admin/calendar/year")
    String describe(@RequestParam(required = false) String year, @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "false") boolean confirmed, HttpServletResponse response, Model model) {
        int y = CalendarParams.year(year);
        try {
            calendar.describe(y, source, confirmed);
            return "redirect:/admin/calendar?year=" + y + "&described=" + (confirmed ? "confirmed" : "open");
        } catch (ChengxinException e) {
            return refused(e, y, Form.EMPTY, masked(source), response, model);
        }
    }

    private String refused(ChengxinException e, int year, Form form, String source, HttpServletResponse response, Model model) {
        response.setStatus(Problems.statusOf(e.kind()).value());
        model.addAttribute("error", e);
        Year y = calendar.year(year);
        fill(model, y, form, source == null ? y.source() : source);
        return PAGE;
    }

    private void fill(Model model, Year year, Form form, String source) {
        TreeSet<Integer> years = new TreeSet<>(calendar.years());
        int today = LocalDate.now(clock).getYear();
        years.add(today);
        years.add(today + 1);
        years.add(year.year());
        model.addAttribute("year", year);
        model.addAttribute("years", List.copyOf(years));
        model.addAttribute("months", MonthGrid.of(year));
        model.addAttribute("form", form);
        model.addAttribute("source", source);
        model.addAttribute("kinds", DayKind.values());
        model.addAttribute("missingNextYear", calendar.missingNextYear().stream().boxed().findFirst().orElse(null));
    }

    private static String masked(String text) {
        return text == null ? null : Masking.maskIdShaped(text);
    }

    /** What the day form shows: empty for a new day, the day for a change, or what was typed when refused. */
    record Form(String replacing, String date, String kind, String name, String note) {

        static final Form EMPTY = new Form(null, "", DayKind.HOLIDAY.name(), "", "");

        static Form of(Day d) {
            return new Form(d.date().toString(), d.date().toString(), d.kind().name(), d.name(), d.note() == null ? "" : d.note());
        }
    }
}
