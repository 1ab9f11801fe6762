package org.chengxin.inquiry;

import java.util.Optional;

import org.chengxin.shared.id.IdNumber;

/**
 * The queries (policy 八, 十二) and the reports they produce. Every query, allowed or refused, is
 * written to the query log and the audit trail; a refused one answers a ChengxinException with a
 * stable code.
 */
public interface CreditReports {

    /**
     * At a window: a clerk for a person who is present with their identity checked (the whole report of
     * the person), or for a grantee under the person's authorization (its scope).
     *
     * @param authorizationId null when the person is present
     */
    CreditReport atWindow(IdNumber person, boolean presentAndIdentified, Long authorizationId, String purpose);

    /** The logged-in person about themselves. */
    CreditReport ofMyself(long subjectId, String purpose);

    /** A department for its statutory duties (政务共享), naming the duty. */
    CreditReport forDuty(IdNumber person, String duty, String purpose);

    /** An organization's system under the person's authorization (credit agencies on the blacklist are refused). */
    CreditReport underAuthorization(IdNumber person, Long authorizationId, String purpose);

    /** A report issued to the current requester, by number (to print the report just issued as PDF). */
    Optional<CreditReport> issuedToMe(String reportNumber);
}
