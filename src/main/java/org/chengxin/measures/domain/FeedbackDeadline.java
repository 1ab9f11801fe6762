package org.chengxin.measures.domain;

import java.time.LocalDate;

import org.chengxin.shared.time.WorkingCalendar;

/**
 * When the feedback of a check is due: a number of working days after the day of the check, on the platform's working
 * calendar (weekends, the State Council's holidays and the weekend days worked instead).
 */
public final class FeedbackDeadline {

    private FeedbackDeadline() {
    }

    public static LocalDate due(WorkingCalendar calendar, LocalDate checked, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("反馈期限至少为 1 个工作日");
        }
        return calendar.plusWorkingDays(checked, workingDays);
    }
}
