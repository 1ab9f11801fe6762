package org.chengxin.organization.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Access tokens are self-contained JWTs; the authorization server still records each one it issues.
 * Records of tokens expired for a day serve nobody and are deleted every hour.
 */
@Component
class ExpiredAuthorizationsCleanup {

    private static final Logger log = LoggerFactory.getLogger(ExpiredAuthorizationsCleanup.class);
    private static final Duration KEEP = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    ExpiredAuthorizationsCleanup(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    int deleteExpired() {
        int deleted = jdbc.sql("delete from oauth2_authorization where access_token_expires_at < :before")
                .param("before", Instant.now(clock).minus(KEEP).atOffset(ZoneOffset.UTC)).update();
        if (deleted > 0) {
            log.info("已清理 {} 条过期的访问令牌记录", deleted);
        }
        return deleted;
    }
}
