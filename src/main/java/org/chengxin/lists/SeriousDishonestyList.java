package org.chengxin.lists;

import java.util.List;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/**
 * The serious-dishonesty list (严重失信主体名单, policy 十四). The machine proposes candidates; every
 * entry is a reviewer's decision; an entry ends at its end date, when its records are revoked or
 * repaired, or by a reviewer's removal with reasons.
 */
public interface SeriousDishonestyList {

    /** The people the machine proposes to the reviewers of a department, from that department's records. */
    List<Candidate> candidates(DepartmentCode departmentCode);

    /** Lists a person by a reviewer's decision; refused when the decision is incomplete or rests on unusable records. */
    ListEntry decide(DepartmentCode departmentCode, Decision decision);

    /** Ends an entry of the department by a reviewer's removal decision. */
    ListEntry remove(long entryId, DepartmentCode departmentCode, String reason);

    List<ListEntry> ofDepartment(DepartmentCode departmentCode);

    /** The entries in force for a person. */
    List<ListEntry> activeFor(SubjectKey subject);

    /** Ends the entries past their end date; returns how many. */
    int endDue();
}
