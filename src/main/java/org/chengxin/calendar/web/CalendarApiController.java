package org.chengxin.calendar.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chengxin.calendar.CalendarYears;
import org.chengxin.calendar.CalendarYears.Day;
import org.chengxin.calendar.CalendarYears.Year;
import org.chengxin.shared.error.ApiAnswers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The year's holiday arrangement the platform counts its deadlines on, for department systems to count on the same days. */
@RestController
@Tag(name = "工作日历", description = "法定节假日与调休上班日（公开）")
class CalendarApiController {

    private final CalendarYears calendar;

    CalendarApiController(CalendarYears calendar) {
        this.calendar = calendar;
    }

    @ApiAnswers(open = true, problems = 404)
    @GetMapping("/api/v1/calendar/{year}")
    @Operation(summary = "某年的工作日历", description = "无需令牌。列出该年的放假日期和调休上班日期（均为星期六或星期日），"
            + "以及所依据的国务院办公厅通知和是否已按通知确认（confirmed=false 表示尚待国务院通知公布后确认）。"
            + "未列出的日期：星期一至星期五为工作日，星期六、星期日休息。平台的各项工作日期限均按此计算。"
            + "年份须在 2000 至 2100 之间（CALENDAR_YEAR_INVALID）。")
    CalendarResponse year(@PathVariable String year) {
        Year y = calendar.year(CalendarParams.year(year));
        return new CalendarResponse(y.year(), y.source(), y.confirmed(), y.updatedAt(),
                y.holidays().stream().map(CalendarApiController::entry).toList(),
                y.workdays().stream().map(CalendarApiController::entry).toList());
    }

    private static Entry entry(Day d) {
        return new Entry(d.date(), d.name(), d.note());
    }

    /**
     * @param holidays         days off
     * @param adjustedWorkdays Saturdays and Sundays worked (调休上班)
     */
    record CalendarResponse(int year, String source, boolean confirmed, Instant updatedAt, List<Entry> holidays,
            List<Entry> adjustedWorkdays) {
    }

    record Entry(LocalDate date, String name, String note) {
    }
}
