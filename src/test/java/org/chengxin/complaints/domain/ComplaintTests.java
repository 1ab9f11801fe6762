package org.chengxin.complaints.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.junit.jupiter.api.Test;

/** The complaint's transitions and deadlines, refusing what its state does not allow with their own codes. */
class ComplaintTests {

    private static final Instant FILED = Instant.parse("2026-12-04T02:00:00Z");
    private static final LocalDate ACK_DUE = LocalDate.parse("2026-12-08");
    private static final LocalDate REPLY_DUE = LocalDate.parse("2026-12-25");

    private static Complaint filed(ComplaintKind kind, String text, Long queryId) {
        return Complaint.file(SubjectKey.of(new byte[SubjectKey.LENGTH]), "430602********1234", kind, ComplaintChannel.ONLINE, text, queryId,
                null, null, FILED, "430602********1234", ACK_DUE, REPLY_DUE);
    }

    private static String codeOf(Runnable action) {
        try {
            action.run();
            return null;
        } catch (ChengxinException e) {
            return e.code();
        }
    }

    @Test
    void filingChecksTheKindTheTextAndTheQueryAndMasksIdNumbers() {
        assertThat(codeOf(() -> filed(null, "x", null))).isEqualTo("COMPLAINT_KIND_REQUIRED");
        assertThat(codeOf(() -> filed(ComplaintKind.WRONG_RECORD, "x", null))).isEqualTo("COMPLAINT_WRONG_RECORD_IS_OBJECTION");
        assertThat(codeOf(() -> filed(ComplaintKind.DISHONESTY_REPORT, "x", 5L))).isEqualTo("COMPLAINT_QUERY_NOT_APPLICABLE");
        assertThat(codeOf(() -> filed(ComplaintKind.DATA_MISUSE, " \n ", null))).isEqualTo("COMPLAINT_TEXT_REQUIRED");
        assertThat(codeOf(() -> filed(ComplaintKind.DATA_MISUSE, "𠀀".repeat(2001), null))).isEqualTo("COMPLAINT_TEXT_TOO_LONG");
        assertThat(codeOf(() -> filed(ComplaintKind.DATA_MISUSE, "𠀀".repeat(2000), null))).as("2000 characters, 4000 chars").isNull();
        Complaint report = filed(ComplaintKind.DISHONESTY_REPORT, "举报 43060219900101123X 伪造材料", null);
        assertThat(report.text()).isEqualTo("举报 430602********123X 伪造材料");
        assertThat(report.status()).isEqualTo(ComplaintStatus.RECEIVED);
    }

    @Test
    void theCaseIsAcknowledgedAssignedAndAnsweredOnceInThatOrder() {
        Complaint c = filed(ComplaintKind.UNAUTHORIZED_QUERY, "未经授权查询", 7L);
        assertThat(codeOf(() -> c.answer("答复", FILED, ACK_DUE))).isEqualTo("COMPLAINT_NOT_ACKNOWLEDGED");
        Complaint acknowledged = c.acknowledge(FILED.plusSeconds(60));
        assertThat(codeOf(() -> acknowledged.acknowledge(FILED))).isEqualTo("COMPLAINT_ALREADY_ACKNOWLEDGED");
        Complaint assigned = acknowledged.assign(DepartmentCode.of("swj"));
        assertThat(assigned.department()).isEqualTo(DepartmentCode.of("swj"));
        assertThat(assigned.status()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(codeOf(() -> assigned.answer("", FILED, ACK_DUE))).isEqualTo("COMPLAINT_REPLY_REQUIRED");
        assertThat(codeOf(() -> assigned.answer("长".repeat(2001), FILED, ACK_DUE))).isEqualTo("COMPLAINT_REPLY_TOO_LONG");
        Complaint answered = assigned.answer("已核查", FILED, REPLY_DUE);
        assertThat(answered.status()).isEqualTo(ComplaintStatus.ANSWERED);
        assertThat(answered.answeredLate()).as("answered on its last day").isFalse();
        assertThat(codeOf(() -> answered.answer("再答", FILED, REPLY_DUE))).isEqualTo("COMPLAINT_ALREADY_ANSWERED");
        assertThat(codeOf(() -> answered.assign(null))).isEqualTo("COMPLAINT_ALREADY_ANSWERED");
        assertThat(assigned.answer("已核查", FILED, REPLY_DUE.plusDays(1)).answeredLate()).isTrue();
    }

    @Test
    void aMissedDeadlineMakesTheOpenCaseOverdue() {
        Complaint c = filed(ComplaintKind.AGENCY_MISCONDUCT, "机构违规", null);
        assertThat(c.overdue(ACK_DUE)).isFalse();
        assertThat(c.acknowledgementOverdue(ACK_DUE.plusDays(1))).isTrue();
        Complaint acknowledged = c.acknowledge(FILED);
        assertThat(acknowledged.overdue(REPLY_DUE)).isFalse();
        assertThat(acknowledged.replyOverdue(REPLY_DUE.plusDays(1))).isTrue();
        assertThat(acknowledged.answer("已处理", FILED, REPLY_DUE.plusDays(3)).overdue(REPLY_DUE.plusDays(5))).as("closed").isFalse();
    }
}
