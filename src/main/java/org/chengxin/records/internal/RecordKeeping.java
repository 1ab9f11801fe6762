package org.chengxin.records.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.chengxin.records.CreditRecord;
import org.chengxin.records.GoodCreditFilter;
import org.chengxin.records.HolderFilter;
import org.chengxin.records.NewRecord;
import org.chengxin.records.PublicDecisionQuery;
import org.chengxin.records.RecordEvents.RecordAccepted;
import org.chengxin.records.RecordEvents.RecordCorrected;
import org.chengxin.records.RecordEvents.RecordExpired;
import org.chengxin.records.RecordEvents.RecordObjected;
import org.chengxin.records.RecordEvents.RecordObjectionResolved;
import org.chengxin.records.RecordEvents.RecordRepaired;
import org.chengxin.records.RecordEvents.RecordRevoked;
import org.chengxin.records.RecordEvents.RecordSuspended;
import org.chengxin.records.RecordFilter;
import org.chengxin.records.RecordListRow;
import org.chengxin.records.RecordVersion;
import org.chengxin.records.Records;
import org.chengxin.records.SeriousSubjectsQuery;
import org.chengxin.records.StoreResult;
import org.chengxin.records.domain.ChangeReason;
import org.chengxin.records.domain.RecordLifecycle;
import org.chengxin.records.domain.StatusChange;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records module's use cases: storing pushes, changing a record's status as its
 * {@link RecordLifecycle} allows, and telling the modules downstream and the audit trail. The tables
 * are {@link JdbcRecords}'s.
 */
@Service
class RecordKeeping implements Records {

    private final JdbcRecords rows;
    private final JdbcSeriousSubjects serious;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordKeeping(JdbcRecords rows, JdbcSeriousSubjects serious, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.serious = serious;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public StoreResult store(List<NewRecord> records, Long batchId) {
        if (records.isEmpty()) {
            return StoreResult.NONE;
        }
        JdbcRecords.Stored stored = rows.store(records, batchId);
        records.stream().map(r -> r.departmentCode().value()).distinct().forEach(rows::forgetCounts);
        int accepted = 0;
        int corrected = 0;
        Set<String> storedSources = new HashSet<>();
        for (JdbcRecords.StoredRow s : stored.rows()) {
            storedSources.add(s.sourceId());
            if (s.version() == 1) {
                accepted++;
                events.publishEvent(new RecordAccepted(s.id(), s.subject(), s.itemCode(), s.departmentCode()));
            } else {
                corrected++;
                events.publishEvent(new RecordCorrected(s.id(), s.subject(), s.previousSubject(), s.itemCode(), s.version()));
            }
        }
        int unchanged = records.size() - accepted - corrected - stored.revokedSourceIds().size();
        return new StoreResult(accepted, corrected, unchanged, stored.revokedSourceIds(), storedSources);
    }

    @Override
    @Transactional
    public CreditRecord revoke(long recordId, DepartmentCode departmentCode, String reason) {
        ChangeReason why = ChangeReason.forRevocation(reason);
        // another department's record gets the very answer a missing one gets: nothing about it is revealed
        CreditRecord record = rows.lockOfDepartment(recordId, departmentCode).orElseThrow(RecordKeeping::recordNotFound);
        StatusChange change = RecordLifecycle.of(record).revoke(why);
        return apply(record, change, new RecordRevoked(recordId, record.subject(), record.itemCode(), why.text()),
                new Audit("records.revoke", "撤销信用记录", "撤销记录"));
    }

    @Override
    @Transactional
    public CreditRecord revokeBySource(DepartmentCode departmentCode, String sourceId, String reason) {
        long id = rows.idBySource(departmentCode, sourceId == null ? "" : sourceId).orElseThrow(RecordKeeping::recordNotFound);
        return revoke(id, departmentCode, reason);
    }

    @Override
    @Transactional
    public CreditRecord markObjected(long recordId, String reason) {
        return change(recordId, reason, RecordLifecycle::object, r -> new RecordObjected(r.id(), r.subject(), r.itemCode()),
                new Audit("records.object", "信用记录异议", "标注异议记录"));
    }

    @Override
    @Transactional
    public CreditRecord markSuspended(long recordId, String reason) {
        return change(recordId, reason, RecordLifecycle::suspend, r -> new RecordSuspended(r.id(), r.subject(), r.itemCode()),
                new Audit("records.suspend", "信用记录异议", "异议逾期未核查，暂停使用记录"));
    }

    @Override
    @Transactional
    public CreditRecord resolveObjection(long recordId, String reason) {
        return change(recordId, reason, RecordLifecycle::resolveObjection,
                r -> new RecordObjectionResolved(r.id(), r.subject(), r.itemCode()),
                new Audit("records.objection-resolve", "信用记录异议", "异议处理完毕，记录"));
    }

    @Override
    @Transactional
    public CreditRecord correctOnObjection(long recordId, String field, String value, String reason) {
        ChangeReason why = ChangeReason.of(reason);
        CreditRecord record = rows.lock(recordId).orElseThrow(RecordKeeping::recordNotFound);
        StatusChange change = RecordLifecycle.of(record).correctOnObjection(why);
        if (field == null || !record.content().containsKey(field)) {
            throw ChengxinException.badRequest("RECORD_FIELD_UNKNOWN", "该记录没有名为 " + field + " 的信息字段");
        }
        Map<String, String> content = new TreeMap<>();
        record.content().forEach((k, v) -> content.put(k, v == null ? null : String.valueOf(v)));
        content.put(field, value);
        rows.correct(record, content, Instant.now(clock));
        return apply(record, change,
                new RecordCorrected(record.id(), record.subject(), record.subject(), record.itemCode(), record.version() + 1),
                new Audit("records.objection-correct", "信用记录异议", "依异议更正记录"));
    }

    @Override
    @Transactional
    public CreditRecord markRepaired(long recordId, String reason) {
        return change(recordId, reason, RecordLifecycle::repair, r -> new RecordRepaired(r.id(), r.subject(), r.itemCode()),
                new Audit("records.repair", "信用修复", "修复记录"));
    }

    /** The audit entry of a status change: its action, purpose, and the words its detail starts with. */
    private record Audit(String action, String purpose, String verb) {
    }

    private interface Transition {
        StatusChange apply(RecordLifecycle lifecycle, ChangeReason why);
    }

    private CreditRecord change(long recordId, String reason, Transition transition, Function<CreditRecord, Object> event,
            Audit audit) {
        ChangeReason why = ChangeReason.of(reason);
        CreditRecord record = rows.lock(recordId).orElseThrow(RecordKeeping::recordNotFound);
        StatusChange change = transition.apply(RecordLifecycle.of(record), why);
        return apply(record, change, event.apply(record), audit);
    }

    private CreditRecord apply(CreditRecord record, StatusChange change, Object event, Audit audit) {
        Instant now = Instant.now(clock);
        rows.changeStatus(record.id(), change, now);
        rows.forgetCounts(record.departmentCode().value());
        events.publishEvent(event);
        events.publishEvent(AuditEvent.of(CurrentActor.get(), now, audit.action(), record.subject(), audit.purpose(),
                AuditOutcome.SUCCESS, audit.verb() + " " + record.id() + "（" + record.itemCode() + "）：" + change.reason()));
        return rows.get(record.id());
    }

    private static ChengxinException recordNotFound() {
        return ChengxinException.notFound("RECORD_NOT_FOUND", "记录不存在或不属于本部门");
    }

    /**
     * The statement marks every due record at once (see {@link JdbcRecords#markExpired}); each marked
     * record then goes through {@link RecordLifecycle#expire}, which gives the status change kept for it
     * and would refuse, rolling the whole run back, a record the statement should not have touched.
     */
    @Override
    @Transactional
    public int expireDue() {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        List<JdbcRecords.Expired> expired = rows.markExpired(RecordLifecycle.EXPIRABLE, today, now);
        for (JdbcRecords.Expired e : expired) {
            rows.keepStatusChange(e.id(), e.before().expire(today), now);
            events.publishEvent(new RecordExpired(e.id(), e.subject(), e.itemCode()));
        }
        return expired.size();
    }

    @Override
    public Optional<CreditRecord> find(long id) {
        return rows.find(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Published> publishedAfter(Set<String> itemCodes, long afterId, int limit) {
        return rows.publishedAfter(itemCodes, afterId, limit);
    }

    @Override
    public List<CreditRecord> byIds(Collection<Long> ids) {
        return rows.byIds(ids);
    }

    @Override
    public List<CreditRecord> inForceFor(SubjectKey subject) {
        return rows.inForceFor(subject);
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<RecordListRow> listOfDepartment(RecordFilter filter, PageRequest page) {
        return rows.listOfDepartment(filter, page);
    }

    @Override
    @Transactional(readOnly = true)
    public long eachOfDepartment(RecordFilter filter, PageRequest order, Consumer<RecordListRow> each) {
        return rows.eachOfDepartment(filter, order, each);
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<HolderFilter.Holder> holders(HolderFilter filter, PageRequest page) {
        return rows.holders(filter, page);
    }

    @Override
    public Optional<CreditRecord> findOfDepartment(long id, DepartmentCode departmentCode) {
        return rows.findOfDepartment(id, departmentCode);
    }

    @Override
    public List<CreditRecord> allFor(SubjectKey subject) {
        return rows.allFor(subject);
    }

    @Override
    public List<ItemMonth> acceptedPerItemAndMonth(LocalDate since) {
        return rows.acceptedPerItemAndMonth(since);
    }

    @Override
    public List<AcceptedCount> acceptedBetween(LocalDate from, LocalDate to) {
        return rows.acceptedBetween(from, to);
    }

    @Override
    public Map<String, Long> inForceByKind() {
        return rows.inForceByKind();
    }

    @Override
    public List<CreditRecord> dishonestyAcceptedAfter(long afterId, Instant before, int limit) {
        return rows.dishonestyAcceptedAfter(afterId, before, limit);
    }

    @Override
    public List<CreditRecord> inForceOfDepartment(DepartmentCode departmentCode, String severity, int limit) {
        return rows.inForceOfDepartment(departmentCode, severity, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<SeriousSubjectsQuery.SeriousSubject> seriousSubjects(SeriousSubjectsQuery query, PageRequest page) {
        return serious.page(query, page);
    }

    @Override
    public long countSeriousSubjects(SeriousSubjectsQuery query) {
        return serious.count(query);
    }

    @Override
    public List<SeriousSubjectsQuery.SeriousSubject> seriousSubjects(SeriousSubjectsQuery query, PageRequest order, int limit) {
        return serious.all(query, order, limit);
    }

    @Override
    public List<CreditRecord> goodCreditInForce(String itemCode, int page, int size) {
        return rows.goodCreditInForce(itemCode, page, size);
    }

    @Override
    public Map<String, Long> goodCreditInForceByItem() {
        return rows.goodCreditInForceByItem();
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<CreditRecord> goodCreditList(GoodCreditFilter filter, PageRequest page) {
        return rows.goodCreditList(filter, page);
    }

    @Override
    public PageResult<CreditRecord> goodCreditList(GoodCreditFilter filter, PageRequest page, long total) {
        return rows.goodCreditList(filter, page, total);
    }

    @Override
    @Transactional(readOnly = true)
    public long eachGoodCredit(GoodCreditFilter filter, PageRequest order, Consumer<CreditRecord> each) {
        return rows.eachGoodCredit(filter, order, each);
    }

    @Override
    public List<CreditRecord> publicDecisions(PublicDecisionQuery query, int page, int size) {
        return query.itemCodes().isEmpty() ? List.of() : rows.publicDecisions(query, page, size);
    }

    @Override
    public long countPublicDecisions(PublicDecisionQuery query, long atMost) {
        return query.itemCodes().isEmpty() ? 0 : rows.countPublicDecisions(query, atMost);
    }

    @Override
    public Map<DepartmentCode, Long> publicDecisionsByDepartment(Set<String> itemCodes) {
        return itemCodes.isEmpty() ? Map.of() : rows.publicDecisionsByDepartment(itemCodes);
    }

    @Override
    public Optional<CreditRecord> findBySource(DepartmentCode departmentCode, String sourceId) {
        return rows.findBySource(departmentCode, sourceId);
    }

    @Override
    public List<CreditRecord> ofDepartment(DepartmentCode departmentCode, int page, int size) {
        return rows.ofDepartment(departmentCode, page, size);
    }

    @Override
    public long countOfDepartment(DepartmentCode departmentCode) {
        return rows.countOfDepartment(departmentCode);
    }

    @Override
    public List<RecordVersion> versionsOf(long recordId) {
        return rows.versionsOf(recordId);
    }
}
