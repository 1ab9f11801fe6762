package org.chengxin.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import javax.sql.DataSource;

import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * With a replica configured (here: a second pool on the test database, tagged with its own application name),
 * read-only transactions take their connection from the replica and everything else from the primary; over the lag
 * bound reads fall back to the primary and health says so.
 */
@ChengxinIntegrationTest
@TestPropertySource(properties = {"chengxin.db.replica.max-lag=PT30S", "chengxin.db.replica.check-interval=PT1H"})
class ReplicaReadsIntegrationTests {

    @DynamicPropertySource
    static void replica(DynamicPropertyRegistry registry) {
        boolean prod = Arrays.asList(System.getProperty("spring.profiles.active", "").split(",")).contains("prod");
        if (prod) {
            registry.add("chengxin.db.replica.url", () -> System.getenv("CHENGXIN_DB_URL"));
            registry.add("chengxin.db.replica.username", () -> System.getenv("CHENGXIN_DB_USER"));
            registry.add("chengxin.db.replica.password", () -> System.getenv("CHENGXIN_DB_PASSWORD"));
        } else {
            // the embedded server the test context runs on (the same directory as the test settings name), shared
            registry.add("chengxin.db.replica.url", () -> embedded().jdbcUrl());
            registry.add("chengxin.db.replica.username", () -> "postgres");
            registry.add("chengxin.db.replica.password", () -> "");
        }
    }

    /** One reference to the shared embedded server, released after the class (the context holds its own). */
    private static EmbeddedPostgresServer embedded;

    private static synchronized EmbeddedPostgresServer embedded() {
        if (embedded == null) {
            embedded = EmbeddedPostgresServer.obtain(Path.of("target/test-data/postgres"), true, 0);
        }
        return embedded;
    }

    @AfterAll
    static synchronized void releaseEmbedded() {
        if (embedded != null) {
            embedded.release();
            embedded = null;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    ReplicaLag lag;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void caughtUp() {
        lag.observed(Duration.ZERO);
    }

    private String applicationName(boolean readOnly) {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tx.setReadOnly(readOnly);
        return tx.execute(status -> jdbc.sql("select current_setting('application_name')").query(String.class).single());
    }

    @Test
    void readOnlyTransactionsGoToTheReplicaAndTheRestToThePrimary() {
        assertThat(dataSource).isInstanceOf(ReplicaConfiguration.ReadRouting.class);
        ReplicaOrPrimary reads = ((ReplicaConfiguration.ReadRouting) dataSource).reads();
        long replicaBefore = reads.fromReplica();

        assertThat(applicationName(true)).isEqualTo("chengxin-replica");
        assertThat(applicationName(false)).isNotEqualTo("chengxin-replica");
        // outside a transaction (JdbcClient on its own): the primary
        assertThat(jdbc.sql("select current_setting('application_name')").query(String.class).single())
                .isNotEqualTo("chengxin-replica");
        // a write in a read/write transaction works and is seen by the replica pool (same database here)
        TransactionTemplate writes = new TransactionTemplate(transactionManager);
        writes.executeWithoutResult(s -> jdbc.sql("create temporary table replica_probe (n int) on commit drop").update());
        assertThat(reads.fromReplica()).isEqualTo(replicaBefore + 1);

        // the public 双公示 search and the serious-dishonesty list read in read-only transactions: on the replica
        Http http = new Http(port);
        long before = reads.fromReplica();
        assertThat(http.get("/public/double-publicity", null).status()).isEqualTo(200);
        assertThat(http.get("/public/serious-dishonesty", null).status()).isEqualTo(200);
        assertThat(reads.fromReplica()).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void overTheLagBoundReadsFallBackToThePrimaryAndHealthSaysSo() {
        Http http = new Http(port);
        JsonNode healthy = http.get("/actuator/health/replication", null).json();
        assertThat(healthy.at("/status").asString()).isEqualTo("UP");
        assertThat(healthy.at("/components/replica/details/reads").asString()).isEqualTo("replica");
        assertThat(healthy.at("/components/replica/details/lagMillis").asLong()).isZero();

        lag.observed(Duration.ofSeconds(45));
        ReplicaOrPrimary reads = ((ReplicaConfiguration.ReadRouting) dataSource).reads();
        long primaryBefore = reads.fromPrimary();
        assertThat(applicationName(true)).isNotEqualTo("chengxin-replica");
        assertThat(reads.fromPrimary()).isEqualTo(primaryBefore + 1);

        Http.Response lagging = http.get("/actuator/health/replication", null);
        assertThat(lagging.status()).isEqualTo(200);
        assertThat(lagging.json().at("/status").asString()).isEqualTo("LAGGING");
        assertThat(lagging.json().at("/components/replica/status").asString()).isEqualTo("LAGGING");
        assertThat(lagging.json().at("/components/replica/details/lagMillis").asLong()).isEqualTo(45_000);
        assertThat(lagging.json().at("/components/replica/details/reads").asString()).isEqualTo("primary");
        assertThat(lagging.json().at("/components/replica/details/problem").asString()).contains("落后主库 45 秒");
        // the application as a whole stays up: it serves every read from the primary meanwhile
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(http.get("/public/double-publicity", null).status()).isEqualTo(200);

        lag.observed(Duration.ofSeconds(2));
        assertThat(applicationName(true)).isEqualTo("chengxin-replica");
        assertThat(http.get("/actuator/health/replication", null).json().at("/status").asString()).isEqualTo("UP");
    }

    @Test
    void anUnreachableReplicaCountsAsLagging() {
        lag.unreachable("test");
        assertThat(lag.usable()).isFalse();
        assertThat(applicationName(true)).isNotEqualTo("chengxin-replica");
        // the next measurement finds it again
        lag.measure();
        assertThat(lag.usable()).isTrue();
        assertThat(lag.lag()).isEqualTo(Duration.ZERO);
        assertThat(applicationName(true)).isEqualTo("chengxin-replica");
    }
}
