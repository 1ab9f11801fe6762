package org.chengxin.statements.domain;

import java.time.Instant;
import java.util.Set;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.text.UnicodeText;

/**
 * One version of a person's own statement (本人声明) about one of their records. Every step is a named
 * method that refuses the steps the status does not allow, each with its own code:
 *
 * <pre>
 * PENDING ──publish──▶ PUBLISHED
 *    └─────reject───▶ REJECTED (with the ground and the reviewer's reason)
 * PENDING / PUBLISHED ──withdraw──▶ WITHDRAWN   (by the person)
 * PENDING / PUBLISHED ──supersede─▶ SUPERSEDED  (a later version took its place)
 * </pre>
 *
 * Editing a statement is never a change of a version: it is a new version ({@link StatementHistory#submit}),
 * the old one kept. Only a PUBLISHED version is shown beside the record.
 *
 * @param version         1 for the first version of the statement on this record, then 2, 3 …
 * @param text            the text as kept: an ID number typed into it is masked (the pre-check has seen it first)
 * @param flags           what the automatic pre-check found in the text as typed, for the reviewer
 * @param rejectionReason the reviewer's own words on a rejection (optional but for {@link RejectionGround#OTHER})
 * @param closedAt        when it was withdrawn or superseded
 */
public record OwnStatement(Long id, SubjectKey subject, long recordId, int version, String text, Set<PrecheckFlag> flags,
        StatementStatus status, String submittedBy, Instant submittedAt, String reviewedBy, Instant reviewedAt,
        RejectionGround rejectionGround, String rejectionReason, Instant closedAt) {

    public static final int TEXT_MAX = 500;
    public static final int REASON_MAX = 200;

    public OwnStatement {
        flags = Set.copyOf(flags);
    }

    /** A new version as the person wrote it, under review. */
    static OwnStatement submit(SubjectKey subject, long recordId, int version, String text, String by, Instant at) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty() || UnicodeText.longerThan(typed, TEXT_MAX)) {
            throw ChengxinException.badRequest("STATEMENT_TEXT_INVALID", "本人声明须为 1 至 " + TEXT_MAX + " 字");
        }
        return new OwnStatement(null, subject, recordId, version, Masking.maskIdShaped(typed), StatementPrecheck.flags(typed),
                StatementStatus.PENDING, by, at, null, null, null, null, null);
    }

    /** The reviewer finds nothing against it: it is shown beside the record from now on. */
    public OwnStatement publish(String reviewer, Instant at) {
        requirePending();
        return new OwnStatement(id, subject, recordId, version, text, flags, StatementStatus.PUBLISHED, submittedBy, submittedAt,
                reviewer, at, null, null, null);
    }

    /** The reviewer does not publish it, for a named ground; the person reads the ground and the reason. */
    public OwnStatement reject(RejectionGround ground, String reason, String reviewer, Instant at) {
        requirePending();
        if (ground == null) {
            throw ChengxinException.badRequest("STATEMENT_REJECTION_GROUND_REQUIRED", "请选择不予公布的理由");
        }
        String why = reason == null || reason.isBlank() ? null : Masking.maskIdShaped(reason.strip());
        if (why != null && UnicodeText.longerThan(why, REASON_MAX)) {
            throw ChengxinException.badRequest("STATEMENT_REASON_TOO_LONG", "说明不超过 " + REASON_MAX + " 字");
        }
        if (why == null && ground == RejectionGround.OTHER) {
            throw ChengxinException.badRequest("STATEMENT_REJECTION_REASON_REQUIRED", "选择“其他原因”时须说明不予公布的理由");
        }
        return new OwnStatement(id, subject, recordId, version, text, flags, StatementStatus.REJECTED, submittedBy, submittedAt,
                reviewer, at, ground, why, null);
    }

    /** The person takes it back, under review or shown. */
    public OwnStatement withdraw(Instant at) {
        switch (status) {
            case PENDING, PUBLISHED -> {
                return closed(StatementStatus.WITHDRAWN, at);
            }
            case WITHDRAWN -> throw ChengxinException.conflict("STATEMENT_ALREADY_WITHDRAWN", "该本人声明已撤回");
            case REJECTED -> throw ChengxinException.conflict("STATEMENT_NOT_WITHDRAWABLE", "该本人声明未通过审核，从未公布，无需撤回");
            default -> throw ChengxinException.conflict("STATEMENT_SUPERSEDED", "该版本已被新版本替代，请撤回现行的声明");
        }
    }

    /** A later version took its place: the pending one it replaces, or the published one once the later is published. */
    public OwnStatement supersede(Instant at) {
        if (!status.live()) {
            throw ChengxinException.conflict("STATEMENT_NOT_LIVE", "该版本已" + status.label() + "，不能被替代");
        }
        return closed(StatementStatus.SUPERSEDED, at);
    }

    /** Shown beside the record. */
    public boolean shown() {
        return status == StatementStatus.PUBLISHED;
    }

    /** What the person reads about a rejection: the ground and, where given, the reviewer's reason. */
    public String rejectionText() {
        if (rejectionGround == null) {
            return null;
        }
        return rejectionGround.label() + (rejectionReason == null ? "" : "：" + rejectionReason);
    }

    public OwnStatement withId(long newId) {
        return new OwnStatement(newId, subject, recordId, version, text, flags, status, submittedBy, submittedAt, reviewedBy,
                reviewedAt, rejectionGround, rejectionReason, closedAt);
    }

    private OwnStatement closed(StatementStatus to, Instant at) {
        return new OwnStatement(id, subject, recordId, version, text, flags, to, submittedBy, submittedAt, reviewedBy, reviewedAt,
                rejectionGround, rejectionReason, at);
    }

    private void requirePending() {
        if (status != StatementStatus.PENDING) {
            throw ChengxinException.conflict("STATEMENT_NOT_PENDING", "该本人声明不在审核中（" + status.label() + "），不能再审核");
        }
    }
}
