package org.chengxin.assessment.domain;

import java.time.LocalDate;

import org.chengxin.catalog.domain.DisclosureScope;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemKind;
import org.chengxin.catalog.domain.Severity;
import org.chengxin.shared.time.WorkingCalendar;

/**
 * The 双公示 rule the timeliness indicator holds departments to: an administrative licence or penalty decision is
 * published within 7 working days of the decision. The items are those the portal publishes (public licences and
 * public penalties other than minor ones, judicial ones apart); the days are counted as ingestion counts them
 * ({@code PushTimeliness}): the working days after the decision date up to and including the day the record was first
 * accepted, on the platform's working calendar, so a holiday does not count and a worked Saturday (调休) does.
 */
public final class DoublePublicity {

    public static final int WORKING_DAYS = 7;
    private static final String JUDICIAL = "JUDICIAL";

    private DoublePublicity() {
    }

    public static boolean covers(Item item) {
        if (item.scope() != DisclosureScope.PUBLIC || JUDICIAL.equals(item.domain())) {
            return false;
        }
        return item.kind() == ItemKind.BASIC
                || item.kind() == ItemKind.DISHONESTY && item.severity() != null && item.severity() != Severity.MINOR;
    }

    public static long workingDays(WorkingCalendar calendar, LocalDate decided, LocalDate accepted) {
        return calendar.workingDaysBetween(decided, accepted);
    }

    public static boolean late(long workingDays) {
        return workingDays > WORKING_DAYS;
    }
}
