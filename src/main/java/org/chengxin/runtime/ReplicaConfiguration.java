package org.chengxin.runtime;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Reads on a streaming replica, when {@code chengxin.db.replica.url} is set: the application's data source becomes a
 * {@link LazyConnectionDataSourceProxy} over the primary whose read-only transactions
 * ({@code @Transactional(readOnly = true)}: the public 双公示 and serious-dishonesty pages, the records and holders
 * lists, the issued-reports list, a person's standing in a report) take their connection from the replica while its
 * lag is within {@code chengxin.db.replica.max-lag}, from the primary otherwise. Everything else (Flyway, writes,
 * statements outside a transaction) stays on the primary. Without the URL nothing here exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${chengxin.db.replica.url:}'.isEmpty()")
@EnableConfigurationProperties(ReplicaProperties.class)
class ReplicaConfiguration {

    static final Status LAGGING = new Status("LAGGING", "只读副本延迟超限或无法连接，只读请求改在主库执行");

    @Bean(destroyMethod = "close")
    ReplicaLag replicaLag(ReplicaProperties properties) {
        return new ReplicaLag(properties);
    }

    /** Wraps the data source bean, whichever configuration made it (the embedded one or Spring Boot's). */
    @Bean
    static BeanPostProcessor replicaRouting(ObjectProvider<ReplicaLag> replica) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if ("dataSource".equals(beanName) && bean instanceof DataSource primary && !(bean instanceof ReadRouting)) {
                    return new ReadRouting(primary, new ReplicaOrPrimary(primary, replica.getObject()));
                }
                return bean;
            }
        };
    }

    /** {@code /actuator/health/replica}: UP while reads go to the replica, LAGGING (HTTP 200) while they fall back. */
    @Bean
    HealthIndicator replicaHealthIndicator(ReplicaLag replica) {
        return () -> {
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
        };
    }

    /** The primary behind a lazy proxy whose read-only transactions ask {@link ReplicaOrPrimary} for a connection. */
    public static final class ReadRouting extends LazyConnectionDataSourceProxy {

        private final ReplicaOrPrimary reads;

        ReadRouting(DataSource primary, ReplicaOrPrimary reads) {
            super(primary);
            this.reads = reads;
            setReadOnlyDataSource(reads);
        }

        public ReplicaOrPrimary reads() {
            return reads;
        }
    }
}
