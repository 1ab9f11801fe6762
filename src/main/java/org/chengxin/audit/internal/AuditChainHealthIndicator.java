package org.chengxin.audit.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/audit} (the health group of this one contributor): ALERT, answered 503, when the last
 * verification of the chain failed or the writer lags past its bound; UP otherwise. ALERT is not counted in the overall
 * {@code /actuator/health}: the platform keeps serving (its audited actions fail by themselves when the writer cannot
 * write), and a load balancer must not take every instance out over one broken link.
 */
@Component("auditChainHealthIndicator")
class AuditChainHealthIndicator implements HealthIndicator {

    static final Status ALERT = new Status("ALERT", "审计链校验失败或写入滞后超限");

    private final AuditChainWatch watch;

    AuditChainHealthIndicator(AuditChainWatch watch) {
        this.watch = watch;
    }

    @Override
    public Health health() {
        boolean broken = watch.lastVerification().map(v -> !v.intact()).orElse(false);
        Health.Builder health = broken || watch.lagging() ? Health.status(ALERT) : Health.up();
        health.withDetail("lagSeconds", watch.lag().toSeconds()).withDetail("maxLagSeconds", watch.maxLag().toSeconds());
        watch.lastVerification().ifPresent(v -> health.withDetail("intact", v.intact())
                .withDetail("verifiedAt", v.verifiedAt().toString()));
        return health.build();
    }
}
