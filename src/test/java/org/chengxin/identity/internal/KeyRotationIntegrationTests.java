package org.chengxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** After a new SM4 key is made active, old rows stay readable and are re-encrypted in the background. */
@ChengxinIntegrationTest
class KeyRotationIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void rowsUnderARetiredKeyAreReEncryptedUnderTheActiveOne() {
        String blind = "ab".repeat(32);
        String r1 = HexFormat.of().formatHex(new byte[16]).replace('0', '1');
        String r2 = HexFormat.of().formatHex(new byte[16]).replace('0', '2');
        IdentityKeys before = IdentityKeys.parse("r1:" + r1, "r1", blind);
        IdentityKeys after = IdentityKeys.parse("r1:" + r1 + ",r2:" + r2, "r2", blind);
        IdNumber person = fixtures.syntheticIdNumber();

        JdbcCitizens citizensBefore = new JdbcCitizens(jdbc, dataSource, before, clock, events);
        CitizenRef subject = citizensBefore.enroll(person);
        new JdbcPopulationRegister(jdbc, dataSource, citizensBefore, before, clock, events, 5000).register(person, "轮换测试", "测试");
        assertThat(keyIdOf(subject.id())).isEqualTo("r1");

        JdbcCitizens citizensAfter = new JdbcCitizens(jdbc, dataSource, after, clock, events);
        assertThat(citizensAfter.reveal(subject.id(), "密钥轮换测试")).isEqualTo(person);

        KeyRotation rotation = new KeyRotation(jdbc, after, transactions);
        while (rotation.rotateBatch() > 0) {
            // until no row of a retired key is left
        }

        assertThat(keyIdOf(subject.id())).isEqualTo("r2");
        assertThat(jdbc.sql("select key_id from identity_resident where subject_id = :id").param("id", subject.id())
                .query(String.class).single()).isEqualTo("r2");
        assertThat(new JdbcCitizens(jdbc, dataSource, IdentityKeys.parse("r2:" + r2, "r2", blind), clock, events).reveal(subject.id(), "密钥轮换测试"))
                .as("readable with the new key alone").isEqualTo(person);
        assertThat(new JdbcPopulationRegister(jdbc, dataSource, citizensAfter, after, clock, events, 5000).checkName(person, "轮换测试"))
                .isEqualTo(PopulationRegister.NameMatch.MATCH);
    }

    private String keyIdOf(long subjectId) {
        return jdbc.sql("select key_id from identity_subject where id = :id").param("id", subjectId).query(String.class).single();
    }
}
