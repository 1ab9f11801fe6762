package org.chengxin.lists.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.chengxin.lists.domain.ListEndPolicy.Reason;
import org.chengxin.shared.organization.DepartmentCode;
import org.junit.jupiter.api.Test;

class ListEndPolicyTests {

    private static final LocalDate END = LocalDate.of(2027, 6, 30);

    private static ListRecord record(long id, boolean usable) {
        return new ListRecord(id, DepartmentCode.of("swj"), "YY-TX-001", "偷逃税款", "SERIOUS", "TAX_EVASION", LocalDate.of(2026, 6, 1), usable);
    }

    @Test
    void anEntryIsInForceThroughItsEndDateAndEndsTheDayAfter() {
        List<ListRecord> records = List.of(record(1, true));
        assertThat(ListEndPolicy.endOf(END, records, END)).isEmpty();
        assertThat(ListEndPolicy.endOf(END, records, END.plusDays(1))).contains(Reason.PERIOD_OVER);
        assertThat(ListEndPolicy.withinPeriod(LocalDate.of(2026, 7, 1), END, END)).isTrue();
        assertThat(ListEndPolicy.withinPeriod(LocalDate.of(2026, 7, 1), END, END.plusDays(1))).isFalse();
        assertThat(ListEndPolicy.withinPeriod(LocalDate.of(2026, 7, 1), END, LocalDate.of(2026, 6, 30))).as("not before its start").isFalse();
    }

    @Test
    void anEntryStaysWhileOneOfItsRecordsIsUsableAndEndsWhenNoneIs() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        assertThat(ListEndPolicy.endOf(END, List.of(record(1, false), record(2, true)), day)).isEmpty();
        assertThat(ListEndPolicy.endOf(END, List.of(record(1, false), record(2, false)), day)).contains(Reason.RECORDS_GONE);
        assertThat(ListEndPolicy.endOf(END, List.of(), day)).as("an entry resting on nothing").contains(Reason.RECORDS_GONE);
    }

    @Test
    void aPeriodOverCountsBeforeRecordsGone() {
        assertThat(ListEndPolicy.endOf(END, List.of(record(1, false)), END.plusDays(3))).contains(Reason.PERIOD_OVER);
        assertThat(Reason.RECORDS_GONE.label()).contains("撤销");
    }
}
