package org.chengxin.organization.security;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The denylist of revoked access tokens, by their id ({@code jti}), each kept until the token expires.
 * Every instance asks the shared database on every call; an instance that cached "not revoked" would
 * let a token revoked through another instance through.
 */
@Component
class RevokedAccessTokens {

    private final JdbcClient jdbc;

    RevokedAccessTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns whether the token was newly added (false when it was revoked before). */
    boolean add(String jti, Instant expiresAt, Instant revokedAt) {
        return jdbc.sql("""
                        insert into organization_revoked_access_token (jti, expires_at, revoked_at)
                        values (:jti, :expiresAt, :revokedAt) on conflict (jti) do nothing""")
                .param("jti", jti)
                .param("expiresAt", expiresAt.atOffset(ZoneOffset.UTC))
                .param("revokedAt", revokedAt.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    boolean contains(String jti) {
        return jdbc.sql("select exists (select 1 from organization_revoked_access_token where jti = :jti)")
                .param("jti", jti).query(Boolean.class).single();
    }

    int deleteExpiredBefore(Instant instant) {
        return jdbc.sql("delete from organization_revoked_access_token where expires_at < :before")
                .param("before", instant.atOffset(ZoneOffset.UTC)).update();
    }
}
