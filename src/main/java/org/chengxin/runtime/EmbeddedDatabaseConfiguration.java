package org.chengxin.runtime;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * With nothing configured the platform runs on an embedded PostgreSQL 17. Never in the
 * {@code prod} profile, never when a database URL is given.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!prod")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "release")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
        if (!properties.ephemeral()) {
            log.warn("======================================================================");
            log.warn("正在使用嵌入式 PostgreSQL（数据目录 {}）：仅供体验和开发，不得用于生产。", properties.dataDirectory());
            log.warn("The embedded PostgreSQL is for trying the platform only, never for production:");
            log.warn("run with the prod profile and CHENGXIN_* environment variables (see README).");
            log.warn("======================================================================");
        }
        return EmbeddedPostgresServer.obtain(properties.dataDirectory(), properties.ephemeral(), properties.port());
    }

    @Bean
    DataSource dataSource(EmbeddedPostgresServer server,
            @Value("${spring.datasource.hikari.connection-timeout:2000}") long connectionTimeout,
            @Value("${spring.datasource.hikari.validation-timeout:1000}") long validationTimeout) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setPoolName("chengxin-embedded");
        dataSource.setMaximumPoolSize(20);
        // with the database down a request is refused (503) after this wait, not after Hikari's default 30 s
        dataSource.setConnectionTimeout(connectionTimeout);
        dataSource.setValidationTimeout(validationTimeout);
        // batches (the audit chain writer's, imports) travel as multi-row inserts
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        return dataSource;
    }
}
