package org.chengxin.exchange.domain;

import java.time.LocalDate;

/**
 * Whether a 双公示 decision may be delivered with its content today: exactly when the public portal shows it. It is
 * shown (active, under objection, or suspended after an objection not verified in time — with the national status
 * 异议), decided by today and within its disclosure period, and about a person who was an adult on the decision date
 * (a minor's record is never published; one not yet decided for, stored before V31, is not either). Otherwise it is
 * delivered as withdrawn: its identifier and the change, no name, no number, no content.
 */
public final class SharingRule {

    private SharingRule() {
    }

    /**
     * @param status       the record's status as {@code RecordStatus} names it
     * @param subjectMinor whether the person was under 18 on the decision date; null while not decided
     */
    public static boolean shareable(String status, Boolean subjectMinor, LocalDate decisionDate, LocalDate expiresOn, LocalDate today) {
        boolean shown = "ACTIVE".equals(status) || "OBJECTED".equals(status) || "SUSPENDED".equals(status);
        return shown && Boolean.FALSE.equals(subjectMinor) && !decisionDate.isAfter(today) && expiresOn.isAfter(today);
    }

    /**
     * The national format's status code (CF_ZT, XK_ZT) of a decision: 0 正常, 1 撤销, 2 异议, 3 其他 (repaired, past its
     * period, or not to be shown for another reason).
     */
    public static String nationalStatus(String status, boolean shareable) {
        if ("REVOKED".equals(status)) {
            return "1";
        }
        if (!shareable) {
            return "3";
        }
        return "OBJECTED".equals(status) || "SUSPENDED".equals(status) ? "2" : "0";
    }
}
