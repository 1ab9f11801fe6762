package org.chengxin.inquiry.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.chengxin.inquiry.Statements;
import org.chengxin.records.Records;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.text.UnicodeText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcStatements implements Statements {

    private final JdbcClient jdbc;
    private final Records records;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcStatements(JdbcClient jdbc, Records records, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Statement add(SubjectKey subject, long recordId, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || UnicodeText.longerThan(t, 500)) {
            throw ChengxinException.badRequest("INQUIRY_STATEMENT_INVALID", "本人声明须为 1 至 500 字");
        }
        boolean mine = records.find(recordId).map(r -> r.subject().equals(subject)).orElse(false);
        if (!mine) {
            throw ChengxinException.notFound("INQUIRY_RECORD_NOT_FOUND", "您名下没有编号为 " + recordId + " 的记录");
        }
        Instant now = Instant.now(clock);
        long id = jdbc.sql("""
                insert into inquiry_statement (subject_index, record_id, text, created_at)
                values (:s, :r, :t, :at) returning id""")
                .param("s", subject.bytes()).param("r", recordId).param("t", t).param("at", Timestamp.from(now)).query(Long.class).single();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "inquiry.statement-add", subject, "本人声明", AuditOutcome.SUCCESS,
                "对记录 #" + recordId + " 添加本人声明 #" + id));
        return new Statement(id, recordId, t, now);
    }

    @Override
    @Transactional
    public void withdraw(long id, SubjectKey subject) {
        int n = jdbc.sql("update inquiry_statement set withdrawn_at = :at where id = :id and subject_index = :s "
                        + "and withdrawn_at is null")
                .param("at", Timestamp.from(Instant.now(clock))).param("id", id).param("s", subject.bytes()).update();
        if (n == 0) {
            throw ChengxinException.notFound("INQUIRY_STATEMENT_NOT_FOUND", "没有编号为 " + id + " 的本人声明");
        }
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "inquiry.statement-withdraw", subject, "本人声明",
                AuditOutcome.SUCCESS, "撤回本人声明 #" + id));
    }

    @Override
    public List<Statement> of(SubjectKey subject) {
        return jdbc.sql("select id, record_id, text, created_at from inquiry_statement where subject_index = :s "
                        + "and withdrawn_at is null order by created_at, id")
                .param("s", subject.bytes())
                .query((rs, n) -> new Statement(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }
}
