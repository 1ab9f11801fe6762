package org.chengxin.remedies;

import org.chengxin.identity.CitizenRef;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * The files attached to objections and repair applications, opened by those who may read them: the
 * person, the department deciding, the platform's staff. Anyone else gets the answer a missing file gets.
 */
public interface CaseFiles {

    Attachment openForPerson(CitizenRef person, long attachmentId);

    Attachment openForDepartment(DepartmentCode departmentCode, long attachmentId);

    Attachment openForPlatform(long attachmentId);
}
