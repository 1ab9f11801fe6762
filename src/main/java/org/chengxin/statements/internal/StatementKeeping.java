package org.chengxin.statements.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.chengxin.records.Records;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.statements.Statements;
import org.chengxin.statements.domain.OwnStatement;
import org.chengxin.statements.domain.RejectionGround;
import org.chengxin.statements.domain.StatementHistory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the rules of {@link StatementHistory} to the table: every change loads the statement's versions locked,
 * lets the domain decide, writes what it changed and audits it. The text itself is never put in the audit trail.
 */
@Service
class StatementKeeping implements Statements {

    /** The review queue shows at most this many versions at a time, oldest first. */
    static final int QUEUE_LIMIT = 200;

    private final JdbcStatements table;
    private final Records records;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatementKeeping(JdbcStatements table, Records records, ApplicationEventPublisher events, Clock clock) {
        this.table = table;
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public OwnStatement submit(SubjectKey subject, long recordId, String text) {
        boolean mine = records.find(recordId).map(r -> r.subject().equals(subject)).orElse(false);
        if (!mine) {
            throw ChengxinException.notFound("STATEMENT_RECORD_NOT_FOUND", "您名下没有编号为 " + recordId + " 的记录");
        }
        Instant now = Instant.now(clock);
        Actor actor = CurrentActor.get();
        StatementHistory history = new StatementHistory(subject, recordId, table.history(subject, recordId, true));
        StatementHistory.Change change = history.submit(text, actor.name(), now);
        change.updated().forEach(table::update);
        long id;
        try {
            id = table.insert(change.added());
        } catch (DuplicateKeyException concurrent) {
            throw ChengxinException.conflict("STATEMENT_CONCURRENT_CHANGE", "该记录的本人声明刚刚有其他修改，请刷新页面后重试");
        }
        OwnStatement added = change.added().withId(id);
        events.publishEvent(AuditEvent.of(actor, now, "statements.submit", subject, "本人声明", AuditOutcome.SUCCESS,
                "对记录 #" + recordId + " 提交本人声明 #" + id + "（第 " + added.version() + " 版，待审核"
                        + (added.flags().isEmpty() ? "" : "，预检提示 " + added.flags()) + "）"));
        return added;
    }

    @Override
    @Transactional
    public void withdraw(long id, SubjectKey subject) {
        OwnStatement version = table.find(id).filter(s -> s.subject().equals(subject))
                .orElseThrow(() -> ChengxinException.notFound("STATEMENT_NOT_FOUND", "没有编号为 " + id + " 的本人声明"));
        Instant now = Instant.now(clock);
        StatementHistory history = new StatementHistory(subject, version.recordId(), table.history(subject, version.recordId(), true));
        StatementHistory.Change change = history.withdraw(now);
        change.updated().forEach(table::update);
        events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "statements.withdraw", subject, "本人声明", AuditOutcome.SUCCESS,
                "撤回记录 #" + version.recordId() + " 的本人声明（" + change.updated().stream().map(s -> "#" + s.id())
                        .collect(Collectors.joining("、")) + "）"));
    }

    @Override
    public Map<Long, StatementHistory> historiesOf(SubjectKey subject) {
        Map<Long, StatementHistory> byRecord = new LinkedHashMap<>();
        table.allOf(subject).stream().collect(Collectors.groupingBy(OwnStatement::recordId, LinkedHashMap::new, Collectors.toList()))
                .forEach((recordId, versions) -> byRecord.put(recordId, new StatementHistory(subject, recordId, versions)));
        return byRecord;
    }

    @Override
    public StatementHistory historyOf(SubjectKey subject, long recordId) {
        return new StatementHistory(subject, recordId, table.history(subject, recordId, false));
    }

    @Override
    public Map<Long, List<String>> publishedFor(SubjectKey subject) {
        return table.published(subject);
    }

    @Override
    public List<String> publishedOn(long recordId) {
        return table.publishedOn(recordId);
    }

    @Override
    public List<OwnStatement> pending() {
        return table.pending(QUEUE_LIMIT);
    }

    @Override
    public Optional<OwnStatement> find(long id) {
        return table.find(id);
    }

    @Override
    @Transactional
    public OwnStatement publish(long id) {
        Actor actor = CurrentActor.get();
        Instant now = Instant.now(clock);
        StatementHistory history = lockedHistoryOf(id);
        StatementHistory.Change change = history.publish(id, actor.name(), now);
        change.updated().forEach(table::update);
        events.publishEvent(AuditEvent.of(actor, now, "statements.publish", history.subject(), "本人声明审核", AuditOutcome.SUCCESS,
                "公布记录 #" + history.recordId() + " 的本人声明 #" + id));
        return change.acted();
    }

    @Override
    @Transactional
    public OwnStatement reject(long id, RejectionGround ground, String reason) {
        Actor actor = CurrentActor.get();
        Instant now = Instant.now(clock);
        StatementHistory history = lockedHistoryOf(id);
        StatementHistory.Change change = history.reject(id, ground, reason, actor.name(), now);
        change.updated().forEach(table::update);
        events.publishEvent(AuditEvent.of(actor, now, "statements.reject", history.subject(), "本人声明审核", AuditOutcome.SUCCESS,
                "不予公布记录 #" + history.recordId() + " 的本人声明 #" + id + "：" + change.acted().rejectionGround().label()));
        return change.acted();
    }

    private StatementHistory lockedHistoryOf(long id) {
        OwnStatement version = table.find(id)
                .orElseThrow(() -> ChengxinException.notFound("STATEMENT_NOT_FOUND", "没有编号为 " + id + " 的本人声明"));
        return new StatementHistory(version.subject(), version.recordId(), table.history(version.subject(), version.recordId(), true));
    }
}
