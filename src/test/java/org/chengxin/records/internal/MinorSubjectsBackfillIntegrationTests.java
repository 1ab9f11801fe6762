package org.chengxin.records.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A push sets whether the person was a minor on the decision date (the 周岁 rule: 18 from the day after the 18th
 * birthday); records stored before V31 are undecided, kept from the public until the backfill decides them from the
 * decrypted number, each decryption audited.
 */
@ChengxinIntegrationTest
class MinorSubjectsBackfillIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Records records;

    @Autowired
    PopulationRegister register;

    @Autowired
    MinorSubjectsBackfill backfill;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    private final String tag = "MB" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aPushDecidesByTheDecisionDateAndTheBackfillDecidesOlderRecordsAlike() {
        Http http = new Http(port);
        String department = fixtures.department();
        String token = http.token(fixtures.apiClientOf(department, "records:write"), Fixtures.PASSWORD, "records:write");
        LocalDate today = LocalDate.now(clock);
        LocalDate decided = today.minusDays(20);
        // eighteen on the decision day itself is still a minor; eighteen the day before is not
        IdNumber turnsEighteenThatDay = fixtures.syntheticIdNumberBornOn(decided.minusYears(18));
        IdNumber eighteenTheDayBefore = fixtures.syntheticIdNumberBornOn(decided.minusYears(18).minusDays(1));
        IdNumber grownUp = fixtures.syntheticIdNumber();
        push(http, token, turnsEighteenThatDay, "A", decided);
        push(http, token, eighteenTheDayBefore, "B", decided);
        push(http, token, grownUp, "C", decided);

        assertThat(minor(department, "A")).isTrue();
        assertThat(minor(department, "B")).isFalse();
        assertThat(minor(department, "C")).isFalse();

        // as if stored before V31: undecided, then decided alike by the backfill
        for (String kind : new String[] {"A", "B", "C"}) {
            jdbc.sql("update records_record set subject_minor = null where id = :id").param("id", id(department, kind)).update();
        }
        long reveals = audit.count("action = ? and purpose = ?", "identity.reveal", MinorSubjectsBackfill.PURPOSE);
        while (backfill.decideNext() > 0) {
            // every undecided record of the shared test database, a chunk at a time
        }
        assertThat(minor(department, "A")).isTrue();
        assertThat(minor(department, "B")).isFalse();
        assertThat(minor(department, "C")).isFalse();
        assertThat(jdbc.sql("select count(*) from records_record where subject_minor is null").query(Long.class).single()).isZero();
        assertThat(audit.count("action = ? and purpose = ?", "identity.reveal", MinorSubjectsBackfill.PURPOSE) - reveals).as("each decrypted number is audited").isGreaterThanOrEqualTo(3);
    }

    private void push(Http http, String token, IdNumber person, String kind, LocalDate decided) {
        register.register(person, "测试人", "测试");
        SeriousDishonestyListAccess.pushBody(http, token, "{\"records\":[{\"sourceId\":\"" + tag + "-" + kind
                + "\",\"itemCode\":\"YY-GN-002\",\"idNumber\":\"" + person.value() + "\",\"name\":\"测试人\",\"decisionDate\":\"" + decided
                + "\",\"documentNumber\":\"" + tag + kind + "\",\"content\":{\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示信息\","
                + "\"penaltyResult\":\"罚款500元\",\"authority\":\"测试部门\"}}]}");
    }

    private long id(String department, String kind) {
        return records.findBySource(DepartmentCode.of(department), tag + "-" + kind).orElseThrow().id();
    }

    private Boolean minor(String department, String kind) {
        return jdbc.sql("select subject_minor from records_record where id = :id").param("id", id(department, kind))
                .query(Boolean.class).single();
    }
}
