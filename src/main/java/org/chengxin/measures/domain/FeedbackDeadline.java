package org.chengxin.measures.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * When the feedback of a check is due: a number of working days after the day of the check. Weekends
 * are skipped; public holidays are not known to the platform yet, so around a holiday the deadline can
 * fall earlier than the calendar would allow.
 */
public final class FeedbackDeadline {

    private FeedbackDeadline() {
    }

    public static LocalDate due(LocalDate checked, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("反馈期限至少为 1 个工作日");
        }
        LocalDate day = checked;
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }
}
