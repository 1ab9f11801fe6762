package org.chengxin.runtime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/replication} (the health group of this one contributor, details shown): where read-only
 * transactions go. UP while they go to the replica, LAGGING (still HTTP 200, and not counted in the overall status:
 * the platform works on the primary) while the replica is over its lag bound or unreachable, UP with
 * {@code "reads":"primary"} when no replica is configured.
 */
@Component("replicaHealthIndicator")
class ReplicaHealthIndicator implements HealthIndicator {

    static final Status LAGGING = new Status("LAGGING", "只读副本延迟超限或无法连接，只读请求改在主库执行");

    private final ObjectProvider<ReplicaLag> replicas;

    ReplicaHealthIndicator(ObjectProvider<ReplicaLag> replicas) {
        this.replicas = replicas;
    }

    @Override
    public Health health() {
        ReplicaLag replica = replicas.getIfAvailable();
        if (replica == null) {
            return Health.up().withDetail("reads", "primary").withDetail("replica", "未配置只读副本").build();
        }
        Health.Builder health = replica.usable() ? Health.up() : Health.status(LAGGING);
        if (replica.lag() != null) {
            health.withDetail("lagMillis", replica.lag().toMillis());
        }
        health.withDetail("maxLagMillis", replica.maxLag().toMillis())
                .withDetail("reads", replica.usable() ? "replica" : "primary");
        if (replica.problem() != null) {
            health.withDetail("problem", replica.problem());
        }
        if (replica.measuredAt() != null) {
            health.withDetail("measuredAt", replica.measuredAt().toString());
        }
        return health.build();
    }
}
