package org.chengxin.inquiry.internal;

import org.chengxin.inquiry.domain.Authorization;
import org.chengxin.inquiry.domain.QueryKind;
import org.chengxin.organization.Department;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;

/** Who asks, as the query log records it. */
record Asker(QueryKind kind, String organization, DepartmentCode departmentCode, String clerk, String purpose, Long authorizationId,
        String authorizationText) {

    static Asker personAtWindow(Actor clerk, String purpose) {
        return new Asker(QueryKind.WINDOW, ReportLabels.PERSON_AT_WINDOW, clerk.department(), clerk.name(),
                ReportLabels.loggedPurpose(purpose), null, ReportLabels.PERSON_CHECKED_AT_WINDOW);
    }

    /** At a window before the authorization is known. */
    static Asker granteeAtWindow(Actor clerk, String purpose, Long authorizationId) {
        return new Asker(QueryKind.WINDOW, ReportLabels.GRANTEE_NOT_YET_KNOWN, clerk.department(), clerk.name(),
                ReportLabels.loggedPurpose(purpose), authorizationId, null);
    }

    static Asker granteeAtWindow(Actor clerk, String purpose, Authorization a) {
        return new Asker(QueryKind.WINDOW, a.granteeName(), clerk.department(), clerk.name(), ReportLabels.loggedPurpose(purpose),
                a.id(), ReportLabels.authorization(a));
    }

    /** The person logged in; the purpose already defaulted. */
    static Asker self(Actor actor, String purpose) {
        return new Asker(QueryKind.SELF, ReportLabels.PERSON, null, actor.name(), purpose, null, ReportLabels.SELF_LOGGED_IN);
    }

    static Asker government(Actor actor, Department department, String duty, String purpose) {
        return new Asker(QueryKind.GOVERNMENT, department == null ? ReportLabels.NO_DEPARTMENT : department.name(), actor.department(),
                actor.name(), ReportLabels.loggedPurpose(purpose), null, ReportLabels.duty(duty));
    }

    /** An organization's system before the authorization is known. */
    static Asker system(Actor actor, Department organization, String purpose, Long authorizationId) {
        return new Asker(QueryKind.API, organization == null ? actor.name() : organization.name(), actor.department(), actor.name(),
                ReportLabels.loggedPurpose(purpose), authorizationId, null);
    }

    static Asker system(Actor actor, Department organization, String purpose, Authorization a) {
        return new Asker(QueryKind.API, organization.name(), organization.code(), actor.name(), ReportLabels.loggedPurpose(purpose),
                a.id(), ReportLabels.authorization(a));
    }

    /** A department system's credit-status query ({@code POST /api/v1/credit-status}). */
    static Asker creditStatus(Actor actor, String organization, String purpose) {
        return new Asker(QueryKind.STATUS, organization, actor.department(), actor.name(), ReportLabels.loggedPurpose(purpose), null,
                ReportLabels.CREDIT_STATUS_BASIS);
    }

    /** A measure check while handling a matter, by a department system or a clerk on the checks page. */
    static Asker measureCheck(Actor actor, String organization, String matterCode, String matterName, String listVersion, Long checkId) {
        return new Asker(QueryKind.MEASURE, organization, actor.department(), actor.name(),
                ReportLabels.loggedPurpose(ReportLabels.matter(matterCode, matterName)), null, ReportLabels.measureBasis(listVersion, checkId));
    }

    /** Another city's platform asking for a duty of the mutual-query list, under its case number. */
    static Asker mutual(Actor actor, String platform, String dutyCode, String dutyName, String caseNumber, String purpose) {
        return new Asker(QueryKind.MUTUAL, platform, actor.department(), actor.name(), ReportLabels.loggedPurpose(purpose), null,
                ReportLabels.mutualBasis(dutyCode, dutyName, caseNumber));
    }

    /** A regulator's or a school's opening of a person's archive, for a purpose of the archive's list. */
    static Asker archive(Actor actor, String organization, boolean student, String purpose, String basis) {
        return new Asker(student ? QueryKind.STUDENT_ARCHIVE : QueryKind.ARCHIVE, organization, actor.department(), actor.name(),
                ReportLabels.loggedPurpose(purpose), null, basis);
    }
}
