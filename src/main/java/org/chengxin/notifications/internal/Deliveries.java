package org.chengxin.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.chengxin.identity.Contacts;
import org.chengxin.messaging.EmailGateway;
import org.chengxin.messaging.MessageNotSent;
import org.chengxin.messaging.SmsGateway;
import org.chengxin.notifications.NoticeKind;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.cluster.ClusterJobs;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.subject.SubjectKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's worker: sends due SMS and e-mail deliveries through the configured gateways, outside any business
 * transaction. A batch is claimed first (its next attempt moved a lease ahead, so another instance skips it and a
 * crash only delays it), then sent, then each row is marked sent, or scheduled again after a growing pause
 * (1 min, 5 min, 30 min, 2 h, 6 h), or failed after the configured attempts. Every attempt is audited with the
 * channel, the masked address and the kind, never the message's text. The address is read at sending time: a notice
 * to a person without a registered mobile number (or an e-mail address) is marked NO_ADDRESS.
 */
@Component
class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final List<Duration> PAUSES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(6));
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Contacts contacts;
    private final SmsGateway sms;
    private final EmailGateway email;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxAttempts;
    private final String portal;
    private final boolean background;
    private final ClusterJobs jobs;
    private final Duration interval;

    Deliveries(JdbcClient jdbc, TransactionTemplate transactions, Contacts contacts, SmsGateway sms, EmailGateway email,
            ApplicationEventPublisher events, Clock clock, @Value("${chengxin.notifications.max-attempts:6}") int maxAttempts,
            @Value("${chengxin.notifications.portal-url:http://localhost:8080}") String portal,
            @Value("${chengxin.notifications.background:true}") boolean background, ClusterJobs jobs,
            @Value("${chengxin.notifications.delivery-interval:PT10S}") Duration interval) {
        this.jobs = jobs;
        this.interval = interval;
        this.background = background;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.contacts = contacts;
        this.sms = sms;
        this.email = email;
        this.events = events;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.portal = portal.replaceAll("/+$", "");
    }

    @Scheduled(fixedDelayString = "${chengxin.notifications.delivery-interval:PT10S}", initialDelayString = "PT30S")
    void sendInBackground() {
        if (background) {
            // once across instances: a claimed batch is leased anyway (another instance skips it), one sender is enough
            jobs.runOnce("notifications.delivery", interval.dividedBy(2), this::sendAllDue);
        }
    }

    private void sendAllDue() {
        try {
            for (int n = sendDue(Instant.now(clock)); n == BATCH; n = sendDue(Instant.now(clock))) {
                log.debug("已发送一批消息");
            }
        } catch (RuntimeException e) {
            log.warn("消息发送任务出错，稍后重试：{}", e.getClass().getSimpleName());
        }
    }

    /** Sends the deliveries due at {@code now} (one batch); returns how many it tried. */
    int sendDue(Instant now) {
        List<Due> due = transactions.execute(status -> jdbc.sql("""
                        update notifications_delivery d set attempts = d.attempts + 1, next_attempt_at = :lease
                        from notifications_notice n
                        where n.id = d.notice_id and d.id in (select id from notifications_delivery where status = 'PENDING'
                            and next_attempt_at <= :now order by next_attempt_at, id limit %d for update skip locked)
                        returning d.id, d.channel, d.attempts, n.id, n.subject_index, n.kind, n.title, n.body, n.link""".formatted(BATCH))
                .param("now", Timestamp.from(now)).param("lease", Timestamp.from(now.plus(LEASE)))
                .query((rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), SubjectKeys.read(rs, 5),
                        NoticeKind.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list());
        for (Due d : due) {
            send(d, now);
        }
        return due.size();
    }

    private void send(Due d, Instant now) {
        boolean bySms = "SMS".equals(d.channel());
        Optional<String> address;
        try {
            address = bySms ? contacts.mobileOf(d.subject()) : contacts.emailOf(d.subject());
        } catch (RuntimeException e) {
            address = Optional.empty();
        }
        String channel = bySms ? "短信" : "电子邮件";
        if (address.isEmpty()) {
            mark(d, "NO_ADDRESS", null, "NO_ADDRESS", now);
            audit(d, now, AuditOutcome.FAILED, channel + "未发送：" + (bySms ? "人口基础信息中没有登记手机号码" : "本人未设置电子邮箱"));
            return;
        }
        String shown = bySms ? Masking.mobile(address.get()) : Masking.email(address.get());
        try {
            if (bySms) {
                sms.send(address.get(), d.title() + "。详情请登录平台“我的消息”查看。");
            } else {
                email.send(address.get(), d.title(), d.body() + (d.link() == null ? "" : "\n\n详情：" + portal + d.link())
                        + "\n\n本邮件由系统发送，请勿回复。如不希望接收，可在平台“消息设置”中关闭。");
            }
            mark(d, "SENT", null, null, now);
            audit(d, now, AuditOutcome.SUCCESS, channel + "已发送至 " + shown + "（第 " + d.attempts() + " 次尝试）");
        } catch (MessageNotSent e) {
            boolean last = d.attempts() >= maxAttempts;
            Instant next = last ? now : now.plus(PAUSES.get(Math.min(d.attempts(), PAUSES.size()) - 1));
            mark(d, last ? "FAILED" : "PENDING", next, e.code(), now);
            audit(d, now, AuditOutcome.FAILED, channel + "发送至 " + shown + " 失败（第 " + d.attempts() + " 次，" + e.code() + "）"
                    + (last ? "，已停止重试" : "，将于 " + next + " 重试"));
        }
    }

    private void mark(Due d, String status, Instant next, String error, Instant now) {
        jdbc.sql("""
                        update notifications_delivery set status = :status, next_attempt_at = coalesce(:next, next_attempt_at),
                            last_error = :error, sent_at = case when :status = 'SENT' then :now else sent_at end where id = :id""")
                .param("status", status).param("next", next == null ? null : Timestamp.from(next)).param("error", error)
                .param("now", Timestamp.from(now)).param("id", d.id()).update();
    }

    private void audit(Due d, Instant now, AuditOutcome outcome, String detail) {
        events.publishEvent(AuditEvent.of(Actor.SYSTEM, now, "notifications.delivery", d.subject(), "告知本人", outcome,
                "消息 #" + d.noticeId() + "（" + d.kind().label() + "）" + detail));
    }

    private record Due(long id, String channel, int attempts, long noticeId, SubjectKey subject, NoticeKind kind, String title,
            String body, String link) {
    }
}
