package org.chengxin.complaints.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.text.UnicodeText;

/**
 * One complaint or report and its course: filed (with its acknowledgement and reply deadlines), acknowledged,
 * assigned to a department, answered with reasons. Each transition refuses, with its own code, what the state does
 * not allow. The text never holds a full ID number: every ID-shaped run is masked when filed.
 *
 * @param department the department responsible, or null for the platform administrator's queue
 * @param querySummary the query-log entry the complaint is about, as the person read it, or null
 */
public record Complaint(long id, SubjectKey subject, String maskedId, ComplaintKind kind, ComplaintChannel channel, String text,
        Long queryId, String querySummary, DepartmentCode department, ComplaintStatus status, Instant filedAt, String filedBy,
        LocalDate ackDue, LocalDate replyDue, Instant acknowledgedAt, Instant answeredAt, LocalDate answeredOn, String reply) {

    /** The longest text or reply taken, in characters. */
    public static final int MAX_TEXT = 2000;

    /** A new complaint, not yet stored (id 0): the kind and the text checked, the text masked. */
    public static Complaint file(SubjectKey subject, String maskedId, ComplaintKind kind, ComplaintChannel channel, String text,
            Long queryId, String querySummary, DepartmentCode department, Instant at, String filedBy, LocalDate ackDue,
            LocalDate replyDue) {
        if (kind == null) {
            throw ChengxinException.badRequest("COMPLAINT_KIND_REQUIRED", "请选择投诉或举报的类别");
        }
        if (kind == ComplaintKind.WRONG_RECORD) {
            throw ChengxinException.badRequest("COMPLAINT_WRONG_RECORD_IS_OBJECTION",
                    "认为本人的信用记录有误的，请通过“我的异议”提出异议，由认定部门核查更正");
        }
        if (queryId != null && !kind.aboutQuery()) {
            throw ChengxinException.badRequest("COMPLAINT_QUERY_NOT_APPLICABLE", "只有对查询或使用本人信息的投诉可以关联查询记录");
        }
        return new Complaint(0, subject, maskedId, kind, channel, checkedText(text, "COMPLAINT_TEXT", "投诉或举报的内容"), queryId,
                querySummary, department, ComplaintStatus.RECEIVED, at, filedBy, ackDue, replyDue, null, null, null, null);
    }

    /** The administrator has read it and taken it up. */
    public Complaint acknowledge(Instant at) {
        if (status != ComplaintStatus.RECEIVED) {
            throw ChengxinException.conflict("COMPLAINT_ALREADY_ACKNOWLEDGED", "该投诉已受理或已答复，不能再次受理");
        }
        return new Complaint(id, subject, maskedId, kind, channel, text, queryId, querySummary, department, ComplaintStatus.ACKNOWLEDGED,
                filedAt, filedBy, ackDue, replyDue, at, null, null, null);
    }

    /** Another department is responsible (null: the platform administrator's queue). */
    public Complaint assign(DepartmentCode to) {
        if (status == ComplaintStatus.ANSWERED) {
            throw ChengxinException.conflict("COMPLAINT_ALREADY_ANSWERED", "该投诉已答复办结");
        }
        return new Complaint(id, subject, maskedId, kind, channel, text, queryId, querySummary, to, status, filedAt, filedBy, ackDue,
                replyDue, acknowledgedAt, null, null, null);
    }

    /** The answer with its reasons closes the case; only an acknowledged case is answered. */
    public Complaint answer(String reasons, Instant at, LocalDate on) {
        if (status == ComplaintStatus.ANSWERED) {
            throw ChengxinException.conflict("COMPLAINT_ALREADY_ANSWERED", "该投诉已答复办结");
        }
        if (status != ComplaintStatus.ACKNOWLEDGED) {
            throw ChengxinException.conflict("COMPLAINT_NOT_ACKNOWLEDGED", "请先受理该投诉，再作答复");
        }
        String checked = checkedText(reasons, "COMPLAINT_REPLY", "答复理由");
        return new Complaint(id, subject, maskedId, kind, channel, text, queryId, querySummary, department, ComplaintStatus.ANSWERED,
                filedAt, filedBy, ackDue, replyDue, acknowledgedAt, at, on, checked);
    }

    /** Still waiting to be acknowledged after its deadline. */
    public boolean acknowledgementOverdue(LocalDate today) {
        return acknowledgedAt == null && today.isAfter(ackDue);
    }

    /** Still open after its reply deadline. */
    public boolean replyOverdue(LocalDate today) {
        return status != ComplaintStatus.ANSWERED && today.isAfter(replyDue);
    }

    /** Either deadline missed while the case is open: shown in red. */
    public boolean overdue(LocalDate today) {
        return acknowledgementOverdue(today) || replyOverdue(today);
    }

    /** Answered after its reply deadline. */
    public boolean answeredLate() {
        return answeredOn != null && answeredOn.isAfter(replyDue);
    }

    private static String checkedText(String raw, String code, String what) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw ChengxinException.badRequest(code + "_REQUIRED", "请填写" + what);
        }
        if (UnicodeText.longerThan(text, MAX_TEXT)) {
            throw ChengxinException.badRequest(code + "_TOO_LONG", what + "不能超过 " + MAX_TEXT + " 个字");
        }
        return Masking.maskIdShaped(text);
    }
}
