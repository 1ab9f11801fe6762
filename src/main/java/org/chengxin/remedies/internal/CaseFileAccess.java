package org.chengxin.remedies.internal;

import org.chengxin.identity.CitizenRef;
import org.chengxin.remedies.Attachment;
import org.chengxin.remedies.CaseFiles;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.stereotype.Service;

/** Who may open a case's file: the case's person, the deciding department (past screening), the platform. */
@Service
class CaseFileAccess implements CaseFiles {

    private final JdbcAttachments attachments;
    private final JdbcObjections objections;
    private final JdbcRepairs repairs;

    CaseFileAccess(JdbcAttachments attachments, JdbcObjections objections, JdbcRepairs repairs) {
        this.attachments = attachments;
        this.objections = objections;
        this.repairs = repairs;
    }

    @Override
    public Attachment openForPerson(CitizenRef person, long attachmentId) {
        return open(attachmentId, (subject, department, passedOn) -> subject.equals(person.subject()));
    }

    @Override
    public Attachment openForDepartment(DepartmentCode departmentCode, long attachmentId) {
        return open(attachmentId, (subject, department, passedOn) -> department.equals(departmentCode) && passedOn);
    }

    @Override
    public Attachment openForPlatform(long attachmentId) {
        return open(attachmentId, (subject, department, passedOn) -> true);
    }

    private interface Rule {
        boolean allows(SubjectKey subject, DepartmentCode departmentCode, boolean passedOnToDepartment);
    }

    private Attachment open(long attachmentId, Rule rule) {
        JdbcAttachments.Owner owner = attachments.ownerOf(attachmentId).orElseThrow(CaseFileAccess::notFound);
        boolean allowed = owner.objectionId() != null
                ? objections.find(owner.objectionId())
                        .map(o -> rule.allows(o.subject(), o.departmentCode(), ObjectionHandling.passedOn(o)))
                        .orElse(false)
                : repairs.find(owner.repairId()).map(a -> rule.allows(a.subject(), a.departmentCode(), true)).orElse(false);
        if (!allowed) {
            throw notFound();
        }
        return attachments.content(attachmentId);
    }

    private static ChengxinException notFound() {
        return ChengxinException.notFound("ATTACHMENT_NOT_FOUND", "附件不存在或您无权查看");
    }
}
