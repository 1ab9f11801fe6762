package org.chengxin.inquiry.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.chengxin.shared.subject.SubjectKey;

/**
 * A person's authorization of a named organization or person to query them, for a purpose, over a
 * scope, until a date; given online or on paper (attested by a window clerk), withdrawable.
 *
 * @param granteeCode  the organization's code on the platform (department, association, credit agency)
 *                     when it has one; a person or an outside organization is named by name only
 */
public record Authorization(long id, SubjectKey subject, String granteeName, String granteeCode, String purpose,
        ReportScope scope, LocalDate validUntil, String channel, Instant grantedAt, String attestedBy, Instant withdrawnAt,
        String withdrawReason) {

    /** Usable on the day: not withdrawn and not past its date. */
    public boolean validOn(LocalDate day) {
        return withdrawnAt == null && !day.isAfter(validUntil);
    }

    /**
     * Usable on the day by an organization's own system: only an authorization naming that organization
     * by its platform code. One naming a person or an outside organization by name only is used at a
     * window, where the clerk checks who presents it.
     */
    public boolean validFor(LocalDate day, String organizationCode) {
        return validOn(day) && granteeCode != null && granteeCode.equals(organizationCode);
    }

    public String status(LocalDate day) {
        if (withdrawnAt != null) {
            return "已撤回";
        }
        return day.isAfter(validUntil) ? "已过期" : "有效";
    }
}
