package org.chengxin.remedies.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.identity.CitizenRef;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.remedies.Attachment;
import org.chengxin.remedies.RemedyDecided;
import org.chengxin.remedies.Repairs;
import org.chengxin.remedies.Upload;
import org.chengxin.remedies.domain.Channel;
import org.chengxin.remedies.domain.Commitment;
import org.chengxin.remedies.domain.RepairApplication;
import org.chengxin.remedies.domain.RepairEligibility;
import org.chengxin.remedies.domain.RepairStatus;
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
 * The credit repair use cases: an application is checked by {@link RepairEligibility} and decided by
 * the department that formed the record; a granted one repairs the record through {@link Records},
 * whose event takes it out of the score, the lists and the measures.
 */
@Service
class RepairHandling implements Repairs {

    private static final String PURPOSE = "信用修复";

    private final JdbcRepairs rows;
    private final Records records;
    private final Catalog catalog;
    private final CaseEvidence evidence;
    private final JdbcAttachments attachments;
    private final RemediesSettings settings;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RepairHandling(JdbcRepairs rows, Records records, Catalog catalog, CaseEvidence evidence, JdbcAttachments attachments,
            RemediesSettings settings, WorkingCalendar calendar, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.records = records;
        this.catalog = catalog;
        this.evidence = evidence;
        this.attachments = attachments;
        this.settings = settings;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<Eligibility> eligibilityOf(CitizenRef person) {
        LocalDate today = LocalDate.now(clock);
        RepairEligibility rule = settings.eligibility();
        return records.inForceFor(person.subject()).stream().filter(r -> "DISHONESTY".equals(r.kind())).map(r -> {
            RepairEligibility.Answer a = rule.of(candidate(r));
            return new Eligibility(r.id(), r.itemCode(), catalog.item(r.itemCode()).map(Item::name).orElse(r.itemCode()),
                    r.departmentCode(), r.decisionDate(), a.earliestDay(), a.lawReason(), a.openOn(today), rows.openFor(r.id()),
                    r.repairNotice());
        }).toList();
    }

    @Override
    @Transactional
    public RepairApplication apply(CitizenRef person, long recordId, String fulfilment, String localWays, Commitment commitment,
            List<Upload> files, List<Long> proofRecords) {
        return applyFor(person, recordId, fulfilment, localWays, commitment, files, proofRecords, Channel.ONLINE);
    }

    @Override
    @Transactional
    public RepairApplication applyAtWindow(CitizenRef person, boolean personPresent, long recordId, String fulfilment,
            String localWays, Commitment commitment, List<Upload> files, List<Long> proofRecords) {
        if (!personPresent) {
            throw ChengxinException.badRequest("WINDOW_PERSON_NOT_PRESENT", "代为提交须本人到场，请核验本人身份后勾选确认");
        }
        return applyFor(person, recordId, fulfilment, localWays, commitment, files, proofRecords, Channel.WINDOW);
    }

    private RepairApplication applyFor(CitizenRef person, long recordId, String fulfilment, String localWays, Commitment commitment,
            List<Upload> files, List<Long> proofRecords, Channel channel) {
        CreditRecord record = records.find(recordId).filter(r -> r.subject().equals(person.subject()))
                .orElseThrow(() -> ChengxinException.notFound("RECORD_NOT_FOUND", "记录不存在或不是关于您的记录"));
        if (rows.openFor(recordId)) {
            throw ChengxinException.conflict("REPAIR_ALREADY_OPEN", "该记录已有信用修复申请正在办理，请等待办理结果");
        }
        LocalDate today = LocalDate.now(clock);
        RepairEligibility.Answer answer = settings.eligibility().check(candidate(record), today);
        List<EvidenceFile> checked = evidence.check(files);
        Set<Long> proof = checkedProof(person, proofRecords);
        // online the proof travels as files; at a window the clerk has seen the papers
        if (channel == Channel.ONLINE && checked.isEmpty() && !answer.excludedByLaw()) {
            throw ChengxinException.badRequest("REPAIR_PROOF_REQUIRED", "请上传已履行义务、纠正失信行为的证明材料（如缴款凭证、整改证明）");
        }
        Instant now = Instant.now(clock);
        RepairApplication filed = rows.insert(RepairApplication.file(recordId, record.subject(), record.departmentCode(),
                record.itemCode(), answer, fulfilment, localWays, commitment, channel, CurrentActor.get().name(), now, today,
                calendar.plusWorkingDays(today, settings.repairWorkingDays())));
        evidence.keepForRepair(filed.id(), checked, now);
        rows.keepProof(filed.id(), proof);
        audit("remedies.repair-apply", filed, "申请信用修复 " + filed.id() + "（记录 " + recordId + "，" + channel.label() + "）"
                + (filed.status() == RepairStatus.REFUSED ? "，依法不予修复" : "，办理期限 " + filed.dueOn()));
        return filed;
    }

    @Override
    public List<ProofRecord> localWayRecordsOf(CitizenRef person) {
        return records.inForceFor(person.subject()).stream().filter(r -> settings.localWayItems().contains(r.itemCode()))
                .sorted(Comparator.comparing(CreditRecord::decisionDate).reversed().thenComparing(CreditRecord::id))
                .map(this::proofOf).toList();
    }

    @Override
    public List<ProofRecord> proofRecordsOf(long repairId) {
        return rows.proofOf(repairId).stream().map(records::find).flatMap(Optional::stream).map(this::proofOf).toList();
    }

    /** The named records, each one of the person's own local-way records in force; anything else is refused. */
    private Set<Long> checkedProof(CitizenRef person, List<Long> named) {
        if (named == null || named.isEmpty()) {
            return Set.of();
        }
        Set<Long> allowed = localWayRecordsOf(person).stream().map(ProofRecord::recordId).collect(Collectors.toSet());
        Set<Long> proof = new LinkedHashSet<>(named);
        if (!allowed.containsAll(proof)) {
            throw ChengxinException.badRequest("REPAIR_PROOF_RECORD_INVALID",
                    "只能选择本人名下、仍在公示期内的志愿服务或慈善捐赠记录作为证明");
        }
        return proof;
    }

    private ProofRecord proofOf(CreditRecord r) {
        Optional<Item> item = catalog.item(r.itemCode());
        String summary = item.map(i -> i.fields().stream()
                        .filter(f -> r.content().get(f.name()) != null)
                        .map(f -> f.label() + "：" + r.content().get(f.name()))
                        .collect(Collectors.joining("；")))
                .orElse("");
        return new ProofRecord(r.id(), r.itemCode(), item.map(Item::name).orElse(r.itemCode()), r.departmentCode(),
                r.decisionDate(), summary);
    }

    private static RepairEligibility.Candidate candidate(CreditRecord r) {
        return new RepairEligibility.Candidate(r.itemCode(), "DISHONESTY".equals(r.kind()), r.status().name(), r.minPeriodEnd(),
                r.expiresOn());
    }

    @Override
    public List<RepairApplication> ofPerson(CitizenRef person) {
        return rows.ofSubject(person.subject());
    }

    @Override
    public Optional<RepairApplication> ofPerson(CitizenRef person, long id) {
        return rows.find(id).filter(a -> a.subject().equals(person.subject()));
    }

    @Override
    @Transactional
    public RepairApplication withdraw(CitizenRef person, long id) {
        RepairApplication a = rows.lock(id).filter(x -> x.subject().equals(person.subject())).orElseThrow(RepairHandling::notFound);
        RepairApplication withdrawn = a.withdraw(Instant.now(clock));
        rows.update(withdrawn);
        audit("remedies.repair-withdraw", withdrawn, "撤回信用修复申请 " + id);
        return withdrawn;
    }

    @Override
    public List<RepairApplication> ofDepartment(DepartmentCode departmentCode, boolean openOnly) {
        return rows.ofDepartment(departmentCode, openOnly, 500);
    }

    @Override
    public Optional<RepairApplication> ofDepartment(DepartmentCode departmentCode, long id) {
        return rows.find(id).filter(a -> a.departmentCode().equals(departmentCode));
    }

    @Override
    @Transactional
    public RepairApplication decide(DepartmentCode departmentCode, long id, boolean grant, String reasons) {
        RepairApplication a = rows.lock(id).filter(x -> x.departmentCode().equals(departmentCode)).orElseThrow(RepairHandling::notFound);
        String by = CurrentActor.get().name();
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        RepairApplication decided = grant ? a.grant(by, reasons, now, today) : a.refuse(by, reasons, now, today);
        rows.update(decided);
        if (grant) {
            records.markRepaired(a.recordId(), "信用修复（申请编号 " + id + "）：" + decided.decisionReason());
        }
        audit("remedies.repair-decide", decided, "信用修复申请 " + id + (grant ? " 准予修复" : " 不予修复")
                + (decided.late() ? "（超期办理）" : ""));
        events.publishEvent(new RemedyDecided(RemedyDecided.Kind.REPAIR, decided.id(), decided.recordId(), decided.subject(),
                decided.itemCode(), grant ? "准予修复" : "不予修复", decided.decisionReason(), decided.late(), decided.decidedAt()));
        return decided;
    }

    @Override
    public List<RepairApplication> overdue() {
        return rows.overdue(LocalDate.now(clock));
    }

    @Override
    @Transactional
    public int escalateOverdue() {
        LocalDate today = LocalDate.now(clock);
        Instant now = Instant.now(clock);
        int n = 0;
        for (long id : rows.dueForEscalation(today)) {
            RepairApplication a = rows.lock(id).orElseThrow();
            if (a.dueForEscalation(today)) {
                RepairApplication escalated = a.escalate(now, today);
                rows.update(escalated);
                audit("remedies.repair-escalate", escalated, "信用修复申请 " + id + " 超过办理期限（" + a.dueOn() + "）未办结，已提请平台管理员督办");
                n++;
            }
        }
        return n;
    }

    @Override
    public List<Attachment> attachmentsOf(long repairId) {
        return attachments.of(null, repairId);
    }

    private void audit(String action, RepairApplication a, String detail) {
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), action, a.subject(), PURPOSE,
                AuditOutcome.SUCCESS, detail));
    }

    private static ChengxinException notFound() {
        return ChengxinException.notFound("REPAIR_NOT_FOUND", "信用修复申请不存在或不由您办理");
    }
}
