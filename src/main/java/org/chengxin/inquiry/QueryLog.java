package org.chengxin.inquiry;

import java.time.Instant;
import java.util.List;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/** The query log: every query about a person, allowed or refused, which the person can read. */
public interface QueryLog {

    /** The queries about a person since a time, newest first. */
    List<Entry> of(SubjectKey subject, Instant since);

    /** The most recent queries of everybody, newest first (the auditor's review). */
    List<Entry> recent(int limit);

    record Entry(long id, Instant at, String kind, String kindLabel, String organization, DepartmentCode departmentCode, String actor,
            String purpose, Long authorizationId, boolean refused, String refusalCode, String reportNumber, String maskedId) {
    }
}
