package org.chengxin.remedies.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chengxin.identity.CitizenRef;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordStatus;
import org.chengxin.records.Records;
import org.chengxin.remedies.Attachment;
import org.chengxin.remedies.Objections;
import org.chengxin.remedies.RemedyDecided;
import org.chengxin.remedies.Upload;
import org.chengxin.remedies.domain.Channel;
import org.chengxin.remedies.domain.DismissalGround;
import org.chengxin.remedies.domain.Objection;
import org.chengxin.remedies.domain.ObjectionStatus;
import org.chengxin.shared.time.WorkingCalendar;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.upload.EvidenceFile;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The objection use cases: each step reads the objection, lets {@link Objection} decide whether the
 * step is allowed, writes it, changes the record's status through {@link Records} (whose events move
 * scores, lists and measures), and leaves an audit entry. One transaction per step: a refusal anywhere
 * leaves nothing half done.
 */
@Service
class ObjectionHandling implements Objections {

    private static final String PURPOSE = "信用记录异议";

    private final JdbcObjections rows;
    private final Records records;
    private final CaseEvidence evidence;
    private final JdbcAttachments attachments;
    private final RemediesSettings settings;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ObjectionHandling(JdbcObjections rows, Records records, CaseEvidence evidence, JdbcAttachments attachments,
            RemediesSettings settings, WorkingCalendar calendar, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.records = records;
        this.evidence = evidence;
        this.attachments = attachments;
        this.settings = settings;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Objection file(CitizenRef person, long recordId, String field, String grounds, String requestedValue, List<Upload> files) {
        return fileFor(person, recordId, field, grounds, requestedValue, files, Channel.ONLINE);
    }

    @Override
    @Transactional
    public Objection fileAtWindow(CitizenRef person, boolean personPresent, long recordId, String field, String grounds,
            String requestedValue, List<Upload> files) {
        if (!personPresent) {
            throw ChengxinException.badRequest("WINDOW_PERSON_NOT_PRESENT", "代为提交须本人到场，请核验本人身份后勾选确认");
        }
        return fileFor(person, recordId, field, grounds, requestedValue, files, Channel.WINDOW);
    }

    private Objection fileFor(CitizenRef person, long recordId, String field, String grounds, String requestedValue,
            List<Upload> files, Channel channel) {
        CreditRecord record = recordOf(person, recordId);
        if (rows.openFor(recordId)) {
            throw ChengxinException.conflict("OBJECTION_ALREADY_OPEN", "该记录已有异议正在处理，请等待处理结果，不要重复提出");
        }
        List<EvidenceFile> checked = evidence.check(files);
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        Objection filed = rows.insert(Objection.file(
                new Objection.DisputedRecord(record.id(), record.version(), record.subject(), record.departmentCode(),
                        record.itemCode(), record.content().keySet()),
                field, grounds, requestedValue, channel, CurrentActor.get().name(), now,
                calendar.plusCalendarDays(today, settings.objectionDays())));
        evidence.keepForObjection(filed.id(), checked, now);
        records.markObjected(recordId, "当事人提出异议（异议编号 " + filed.id() + "）");
        audit("remedies.objection-file", filed, "提出异议 " + filed.id() + "（记录 " + recordId + "，" + channel.label()
                + "，附件 " + checked.size() + " 个），答复期限 " + filed.dueOn());
        return filed;
    }

    /** A record about this person; any other gets the answer a missing one gets. */
    private CreditRecord recordOf(CitizenRef person, long recordId) {
        return records.find(recordId).filter(r -> r.subject().equals(person.subject()))
                .orElseThrow(() -> ChengxinException.notFound("RECORD_NOT_FOUND", "记录不存在或不是关于您的记录"));
    }

    @Override
    public List<Objection> ofPerson(CitizenRef person) {
        return rows.ofSubject(person.subject());
    }

    @Override
    public Optional<Objection> ofPerson(CitizenRef person, long id) {
        return rows.find(id).filter(o -> o.subject().equals(person.subject()));
    }

    @Override
    @Transactional
    public Objection withdraw(CitizenRef person, long id) {
        Objection o = rows.lock(id).filter(x -> x.subject().equals(person.subject())).orElseThrow(ObjectionHandling::notFound);
        Objection withdrawn = o.withdraw(Instant.now(clock), LocalDate.now(clock));
        rows.update(withdrawn);
        endDispute(o, "当事人撤回异议（异议编号 " + id + "）");
        audit("remedies.objection-withdraw", withdrawn, "撤回异议 " + id);
        return withdrawn;
    }

    @Override
    public List<Objection> awaitingScreening() {
        return rows.inStatus(ObjectionStatus.SCREENING, 500);
    }

    @Override
    public Optional<Objection> find(long id) {
        return rows.find(id);
    }

    @Override
    @Transactional
    public Objection accept(long id) {
        Objection accepted = rows.lock(id).orElseThrow(ObjectionHandling::notFound).accept(CurrentActor.get().name(), Instant.now(clock));
        rows.update(accepted);
        audit("remedies.objection-accept", accepted, "异议 " + id + " 通过初审，转认定部门核查");
        return accepted;
    }

    @Override
    @Transactional
    public Objection dismiss(long id, DismissalGround ground, String explanation) {
        Objection o = rows.lock(id).orElseThrow(ObjectionHandling::notFound);
        Objection dismissed = o.dismiss(ground, explanation, CurrentActor.get().name(), Instant.now(clock), LocalDate.now(clock));
        rows.update(dismissed);
        endDispute(o, "异议不予受理（异议编号 " + id + "）：" + dismissed.decisionReason());
        audit("remedies.objection-dismiss", dismissed, "异议 " + id + " 不予受理：" + dismissed.decisionReason());
        told(dismissed, "不予受理");
        return dismissed;
    }

    @Override
    public List<Objection> ofDepartment(DepartmentCode departmentCode, boolean openOnly) {
        return rows.ofDepartment(departmentCode, openOnly, 500);
    }

    @Override
    public Optional<Objection> ofDepartment(DepartmentCode departmentCode, long id) {
        return rows.find(id).filter(o -> o.departmentCode().equals(departmentCode) && passedOn(o));
    }

    /** Passed on to the department at screening: dismissed ones and those withdrawn before screening never were. */
    static boolean passedOn(Objection o) {
        return o.screenedAt() != null && o.status() != ObjectionStatus.SCREENING && o.status() != ObjectionStatus.DISMISSED;
    }

    @Override
    @Transactional
    public Objection decide(DepartmentCode departmentCode, long id, Outcome outcome, String reasons, String correctedValue) {
        if (outcome == null) {
            throw ChengxinException.badRequest("OBJECTION_OUTCOME_REQUIRED", "请选择处理结果：维持、更正或撤销");
        }
        // another department's objection gets the answer a missing one gets: nothing about it is revealed
        Objection o = rows.lock(id).filter(x -> x.departmentCode().equals(departmentCode)).orElseThrow(ObjectionHandling::notFound);
        String by = CurrentActor.get().name();
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        Objection decided = switch (outcome) {
            case UPHOLD -> o.uphold(by, reasons, now, today);
            case CORRECT -> o.correct(by, reasons, correctedValue, now, today);
            case REVOKE -> o.revoke(by, reasons, now, today);
        };
        rows.update(decided);
        String because = "（异议编号 " + id + "）" + decided.decisionReason();
        switch (outcome) {
            case UPHOLD -> endDispute(o, "异议核查后维持原记录" + because);
            case CORRECT -> records.correctOnObjection(o.recordId(), o.field(), decided.correctedValue(), "依异议更正记录" + because);
            case REVOKE -> records.revoke(o.recordId(), departmentCode, "依异议核查撤销记录" + because);
        }
        audit("remedies.objection-decide", decided, "异议 " + id + " 处理结果：" + outcome.label() + (decided.late() ? "（超期办理）" : ""));
        told(decided, outcome.label());
        return decided;
    }

    @Override
    public List<Objection> overdue() {
        return rows.overdue(LocalDate.now(clock));
    }

    @Override
    @Transactional
    public int escalateOverdue() {
        LocalDate today = LocalDate.now(clock);
        Instant now = Instant.now(clock);
        int n = 0;
        for (long id : rows.dueForEscalation(today)) {
            Objection o = rows.lock(id).orElseThrow();
            if (o.dueForEscalation(today)) {
                Objection escalated = o.escalate(now, today);
                rows.update(escalated);
                boolean suspend = settings.overdueRule().suspendsRecordOf(escalated) && records.find(o.recordId())
                        .filter(r -> r.status() == RecordStatus.OBJECTED).isPresent();
                if (suspend) {
                    records.markSuspended(o.recordId(), "异议超过答复期限（" + o.dueOn() + "）未核查，暂停使用至认定部门处理完毕（异议编号 "
                            + id + "）");
                }
                audit("remedies.objection-escalate", escalated, "异议 " + id + " 超过答复期限（" + o.dueOn() + "）未处理，已提请平台管理员督办"
                        + (suspend ? "；记录暂停使用" : ""));
                n++;
            }
        }
        return n;
    }

    @Override
    public List<Attachment> attachmentsOf(long objectionId) {
        return attachments.of(objectionId, null);
    }

    /** The objection ends without a new version: the record, if still disputed (or suspended), is no longer. */
    private void endDispute(Objection o, String reason) {
        records.find(o.recordId()).filter(r -> r.status().disputed())
                .ifPresent(r -> records.resolveObjection(o.recordId(), reason));
    }

    /** The person is told of the answer (their inbox hears it after commit). */
    private void told(Objection o, String outcome) {
        events.publishEvent(new RemedyDecided(RemedyDecided.Kind.OBJECTION, o.id(), o.recordId(), o.subject(), o.itemCode(), outcome,
                o.decisionReason(), o.late(), o.decidedAt()));
    }

    private void audit(String action, Objection o, String detail) {
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), action, o.subject(), PURPOSE,
                AuditOutcome.SUCCESS, detail));
    }

    private static ChengxinException notFound() {
        return ChengxinException.notFound("OBJECTION_NOT_FOUND", "异议不存在或不由您处理");
    }
}
