package org.chengxin.organization.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.chengxin.shared.cluster.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Access tokens are self-contained JWTs; the authorization server still records each one it issues.
 * Records of tokens expired for a day serve nobody and are deleted every hour, and so are the denylist
 * entries of revoked tokens that no longer pass the expiry check themselves.
 */
@Component
class ExpiredAuthorizationsCleanup {

    private static final Logger log = LoggerFactory.getLogger(ExpiredAuthorizationsCleanup.class);
    private static final Duration KEEP = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final RevokedAccessTokens revoked;
    private final Clock clock;
    private final ClusterJobs jobs;

    ExpiredAuthorizationsCleanup(JdbcClient jdbc, RevokedAccessTokens revoked, Clock clock, ClusterJobs jobs) {
        this.jdbc = jdbc;
        this.revoked = revoked;
        this.clock = clock;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void cleanUp() {
        jobs.runOnce("organization.token-cleanup", Duration.ofMinutes(30), () -> {
            deleteExpired();
            deleteExpiredRevocations();
        });
    }

    int deleteExpired() {
        int deleted = jdbc.sql("delete from oauth2_authorization where access_token_expires_at < :before")
                .param("before", Instant.now(clock).minus(KEEP).atOffset(ZoneOffset.UTC)).update();
        if (deleted > 0) {
            log.info("已清理 {} 条过期的访问令牌记录", deleted);
        }
        return deleted;
    }

    /** A token is accepted until its expiry plus the allowed clock skew: its entry stays as long. */
    int deleteExpiredRevocations() {
        int deleted = revoked.deleteExpiredBefore(Instant.now(clock).minus(JwtKeysConfiguration.CLOCK_SKEW));
        if (deleted > 0) {
            log.info("已清理 {} 条已过期令牌的撤销记录", deleted);
        }
        return deleted;
    }
}
