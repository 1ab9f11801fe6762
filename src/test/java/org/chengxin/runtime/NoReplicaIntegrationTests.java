package org.chengxin.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;

/** Without chengxin.db.replica.url (the default): one data source, no replica pool, health says reads are on the primary. */
@ChengxinIntegrationTest
class NoReplicaIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;

    @Test
    void everythingStaysOnThePrimary() {
        assertThat(dataSource).isNotInstanceOf(ReplicaConfiguration.ReadRouting.class);
        assertThat(context.getBeanNamesForType(ReplicaLag.class)).isEmpty();
        JsonNode health = new Http(port).get("/actuator/health/replication", null).json();
        assertThat(health.at("/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/replica/details/reads").asString()).isEqualTo("primary");
    }
}
