package org.chengxin.inquiry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chengxin.inquiry.domain.Authorization;
import org.chengxin.inquiry.domain.ReportScope;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.subject.SubjectKey;

/** Authorizations to query a person: given and withdrawn by the person online, or on paper at a window. Audited. */
public interface Authorizations {

    /** The person (logged in) authorizes a grantee. */
    Authorization grant(SubjectKey subject, String granteeName, String granteeCode, String purpose, ReportScope scope,
            LocalDate validUntil);

    /** A window clerk records a signed paper authorization: the scan and the clerk's attestation. */
    Authorization recordPaper(IdNumber person, String granteeName, String granteeCode, String purpose, ReportScope scope,
            LocalDate validUntil, byte[] scan, String scanName, String contentType);

    /** The person withdraws one of their authorizations. */
    Authorization withdraw(long id, SubjectKey subject, String reason);

    /** The person's authorizations, newest first. */
    List<Authorization> of(SubjectKey subject);

    /** One authorization of the person. */
    Optional<Authorization> find(long id, SubjectKey subject);
}
