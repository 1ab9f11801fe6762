package org.chengxin.remedies.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.chengxin.remedies.ReviewQueue;
import org.chengxin.remedies.domain.Objection;
import org.chengxin.remedies.domain.ObjectionStatus;
import org.chengxin.remedies.domain.RepairApplication;
import org.chengxin.remedies.domain.RepairStatus;
import org.chengxin.shared.listing.SortColumns;
import org.chengxin.shared.subject.SubjectKey;

/**
 * An objection or a repair application of the review list before anything is looked up for it: what the filter,
 * the sort and the page need. Only the cases of a page (or of an export chunk) are then drawn as {@link CaseRow}s.
 */
record ReviewCase(String kind, long id, long recordId, SubjectKey subject, String itemCode, Instant filedAt, LocalDate dueOn,
        String statusCode, String statusLabel, boolean open, Instant decidedAt, boolean late, boolean escalated,
        Object source) {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** The sorts of the list (see {@link ReviewQueue#SORT}). */
    static final SortColumns SORT = ReviewQueue.SORT;

    static ReviewCase of(ReviewQueue.Case c) {
        return c.objection() != null ? of(c.objection()) : of(c.repair());
    }

    static ReviewCase of(Objection o) {
        return new ReviewCase("objection", o.id(), o.recordId(), o.subject(), o.itemCode(), o.filedAt(), o.dueOn(), o.status().name(),
                o.status().label(), o.status().isOpen(), o.decidedAt(), o.late(), o.escalatedAt() != null, o);
    }

    static ReviewCase of(RepairApplication a) {
        return new ReviewCase("repair", a.id(), a.recordId(), a.subject(), a.itemCode(), a.filedAt(), a.dueOn(), a.status().name(),
                a.status().label(), a.status().isOpen(), a.decidedAt(), a.late(), a.escalatedAt() != null, a);
    }

    static String kindLabel(String kind) {
        return "repair".equals(kind) ? "信用修复" : "异议";
    }

    LocalDate filedOn() {
        return filedAt.atZone(BEIJING).toLocalDate();
    }

    boolean overdue(LocalDate today) {
        return source instanceof Objection o ? o.overdue(today) : ((RepairApplication) source).overdue(today);
    }

    /** Every status a case of the list may have, code to words (both kinds; 本人已撤回 is shared). */
    static Map<String, String> statusLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(CasesQuery.PENDING, "待办（全部未办结）");
        labels.put(CasesQuery.DONE, "已办结（全部）");
        for (ObjectionStatus s : ObjectionStatus.values()) {
            if (s == ObjectionStatus.SCREENING || s == ObjectionStatus.DISMISSED) {
                continue; // never passed to a department
            }
            labels.put(s.name(), "异议：" + s.label());
        }
        for (RepairStatus s : RepairStatus.values()) {
            labels.merge(s.name(), "信用修复：" + s.label(), (a, b) -> s.label());
        }
        return labels;
    }
}
