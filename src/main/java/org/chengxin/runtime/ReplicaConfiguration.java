package org.chengxin.runtime;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Reads on a streaming replica, when {@code chengxin.db.replica.url} is set: the application's data source becomes a
 * {@link LazyConnectionDataSourceProxy} over the primary whose read-only transactions
 * ({@code @Transactional(readOnly = true)}: the public 双公示 and serious-dishonesty pages, the records, holders and
 * other lists, a person's standing read outside a write) take their connection from the replica while its lag is
 * within {@code chengxin.db.replica.max-lag}, from the primary otherwise. Everything else (Flyway, writes, statements
 * outside a transaction) stays on the primary. Without the URL nothing here exists but {@link ReplicaHealthIndicator}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${chengxin.db.replica.url:}'.isEmpty()")
@EnableConfigurationProperties(ReplicaProperties.class)
class ReplicaConfiguration {

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
