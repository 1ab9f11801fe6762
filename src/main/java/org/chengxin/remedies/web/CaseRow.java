package org.chengxin.remedies.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

import org.chengxin.remedies.domain.Objection;
import org.chengxin.remedies.domain.RepairApplication;

/**
 * One line of a staff list: an objection or a repair application, with its deadline as the reader
 * needs it (days left, overdue, escalated) and the names people read.
 */
record CaseRow(String kind, String kindLabel, long id, String href, String itemName, String departmentName, String maskedId,
        LocalDate dueOn, long daysLeft, boolean overdue, boolean escalated, String statusLabel, Instant decidedAt, boolean late) {

    static final Comparator<CaseRow> BY_DEADLINE = Comparator.comparing(CaseRow::dueOn).thenComparing(CaseRow::id);
    static final Comparator<CaseRow> LATEST_DECIDED = Comparator.comparing(CaseRow::decidedAt,
            Comparator.nullsLast(Comparator.reverseOrder()));

    static CaseRow of(Objection o, CaseRecords view) {
        long left = view.daysLeft(o.dueOn());
        return new CaseRow("objection", "异议", o.id(), "/review/objections/" + o.id(), view.itemName(o.itemCode()),
                view.departmentName(o.departmentCode()), view.maskedId(o.recordId()), o.dueOn(), left,
                o.overdue(view.today()), o.escalatedAt() != null, o.status().label(), o.decidedAt(), o.late());
    }

    static CaseRow of(RepairApplication a, CaseRecords view) {
        long left = view.daysLeft(a.dueOn());
        return new CaseRow("repair", "信用修复", a.id(), "/review/repairs/" + a.id(), view.itemName(a.itemCode()),
                view.departmentName(a.departmentCode()), view.maskedId(a.recordId()), a.dueOn(), left,
                a.overdue(view.today()), a.escalatedAt() != null, a.status().label(), a.decidedAt(), a.late());
    }
}
