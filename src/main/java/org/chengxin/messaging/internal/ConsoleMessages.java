package org.chengxin.messaging.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.chengxin.messaging.EmailGateway;
import org.chengxin.messaging.MessageNotSent;
import org.chengxin.messaging.SentMessages;
import org.chengxin.messaging.SmsGateway;
import org.chengxin.shared.id.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded mode's adapters: each message is written to the console (the address masked; at most 20 a minute in
 * full, the rest counted, so that a first start's backlog of notices does not flood the console) and kept in memory
 * (the last 500), so a developer reads the code a person would have received. The two gateways are separate objects, so
 * that each is the one bean of its type.
 */
class ConsoleMessages implements SentMessages {

    private static final Logger log = LoggerFactory.getLogger(ConsoleMessages.class);
    private static final int KEPT = 500;
    /** At most this many messages a minute are written out in full; the rest are counted (a first start's backlog). */
    private static final int LOGGED_PER_MINUTE = 20;

    private final Deque<Sent> sent = new ArrayDeque<>();
    private final Clock clock;
    private final String signature;
    private int failures;
    private long minute = -1;
    private int loggedThisMinute;
    private int suppressed;

    ConsoleMessages(Clock clock, String signature) {
        this.clock = clock;
        this.signature = signature;
    }

    SmsGateway sms() {
        return new SmsGateway() {
            @Override
            public void send(String mobile, String text) {
                keep("SMS", mobile, null, signature + text, false);
            }

            @Override
            public void sendCode(String mobile, String text) {
                keep("SMS", mobile, null, signature + text, true);
            }

            @Override
            public String name() {
                return "控制台短信（嵌入式模式，不实际发送）";
            }
        };
    }

    EmailGateway email() {
        return new EmailGateway() {
            @Override
            public void send(String to, String subject, String text) {
                keep("EMAIL", to, subject, text, false);
            }

            @Override
            public String name() {
                return "控制台邮件（嵌入式模式，不实际发送）";
            }
        };
    }

    @Override
    public synchronized List<Sent> to(String address) {
        return sent.stream().filter(s -> s.address().equals(address)).toList();
    }

    @Override
    public synchronized void failNext(int n) {
        failures = n;
    }

    private synchronized void keep(String channel, String address, String subject, String text, boolean always) {
        if (failures > 0) {
            failures--;
            throw new MessageNotSent("GATEWAY_UNAVAILABLE", "控制台通道模拟发送失败");
        }
        String shown = "SMS".equals(channel) ? Masking.mobile(address) : Masking.email(address);
        Instant now = Instant.now(clock);
        long thisMinute = now.getEpochSecond() / 60;
        if (thisMinute != minute) {
            if (suppressed > 0) {
                log.info("[控制台通道] 上一分钟另有 {} 条消息未在控制台逐条显示（未实际发送）", suppressed);
            }
            minute = thisMinute;
            loggedThisMinute = 0;
            suppressed = 0;
        }
        if (always || loggedThisMinute++ < LOGGED_PER_MINUTE) {
            log.info("[{}] → {}{}：{}", "SMS".equals(channel) ? "短信" : "邮件", shown, subject == null ? "" : "（" + subject + "）", text);
        } else {
            suppressed++;
        }
        sent.addLast(new Sent(channel, address, subject, text, now));
        while (sent.size() > KEPT) {
            sent.removeFirst();
        }
    }
}
