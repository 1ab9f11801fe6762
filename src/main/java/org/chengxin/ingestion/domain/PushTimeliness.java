package org.chengxin.ingestion.domain;

import java.time.LocalDate;

import org.chengxin.shared.time.WorkingCalendar;

/**
 * The 双公示 rule of publication within 7 working days of the decision: the working days after the decision date up to
 * and including the day of the push, on the platform's working calendar, so that a push after 春节 or 国庆 is not
 * counted late for the holiday's days, and a worked Saturday (调休) counts.
 */
public final class PushTimeliness {

    public static final int DOUBLE_PUBLICITY_LIMIT = 7;

    private PushTimeliness() {
    }

    /** Working days from the decision to the push; 0 for a push on the day of the decision (or, mistyped, before it). */
    public static long workingDays(WorkingCalendar calendar, LocalDate decided, LocalDate pushed) {
        return calendar.workingDaysBetween(decided, pushed);
    }

    public static boolean late(long workingDays) {
        return workingDays > DOUBLE_PUBLICITY_LIMIT;
    }
}
