package org.chengxin.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.chengxin.records.RecordEvents.RecordExpired;
import org.chengxin.records.RecordEvents.RecordRevoked;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.subject.SubjectKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The lists module with what it depends on (evaluation, records, catalog, identity, organization, and
 * the embedded database of {@code runtime}): an entry whose only record is revoked or expires ends, in
 * the transaction of that change, and its end goes to the audit trail as {@code lists.end}.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"runtime", "shared", "calendar"})
class ListsModuleIntegrationTests {

    private static final SubjectKey PERSON = SubjectKey.fromHex("b3".repeat(32));

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from lists_entry_record where entry_id in (select id from lists_entry where subject_index = :s)")
                .param("s", PERSON.bytes()).update();
        jdbc.sql("delete from lists_entry where subject_index = :s").param("s", PERSON.bytes()).update();
    }

    @Test
    void anEntryWhoseOnlyRecordIsRevokedEndsWithTheRevocationAsItsReason(Scenario scenario) {
        long entry = entryResting(820001);

        scenario.publish(new RecordRevoked(820001, PERSON, "YY-XK-002", "处罚决定已撤销"))
                .andWaitForStateChange(() -> endReasonOf(entry))
                .andVerify(reason -> assertThat(reason).isEqualTo("所依据的记录已撤销"));
    }

    @Test
    void anEntryWhoseOnlyRecordExpiresEndsWithAnAuditEntryUnderThePerson(Scenario scenario) {
        long entry = entryResting(820002);

        scenario.publish(new RecordExpired(820002, PERSON, "YY-XK-002"))
                .andWaitForEventOfType(AuditEvent.class)
                .matching(e -> e.action().equals("lists.end") && PERSON.equals(e.subject()))
                .toArriveAndVerify(e -> {
                    assertThat(e.detail()).isEqualTo("名单条目 " + entry + " 结束：所依据的记录已超过公开期限");
                    assertThat(endReasonOf(entry)).isEqualTo("所依据的记录已超过公开期限");
                });
    }

    @Test
    void aRevokedRecordTheEntryDoesNotRestOnLeavesItActive(Scenario scenario) {
        long entry = entryResting(820003);

        scenario.publish(new RecordRevoked(820099, PERSON, "YY-XK-002", "另一条记录"))
                .andWaitForStateChange(() -> statusOf(entry))
                .andVerify(status -> assertThat(status).as("heard inside the publishing transaction: done when it returns")
                        .isEqualTo("ACTIVE"));
    }

    private long entryResting(long recordId) {
        LocalDate today = LocalDate.now();
        long id = jdbc.sql("""
                insert into lists_entry (list_kind, subject_index, department_code, document_number, legal_basis, criteria,
                    start_date, end_date, status, decided_by, decided_at, noticed_by, noticed_at, notice_due)
                values ('SERIOUS_DISHONESTY', :s, 'd001', '岳市监认〔2025〕1号', '《失信行为纠正后的信用信息修复管理办法》',
                    '严重失信', :start, :end, 'ACTIVE', 'reviewer', now(), 'reviewer', now() - interval '10 days', :start)
                returning id""")
                .param("s", PERSON.bytes()).param("start", today.minusDays(10)).param("end", today.plusYears(1))
                .query(Long.class).single();
        jdbc.sql("insert into lists_entry_record (entry_id, record_id, subject_index) values (:e, :r, :s)").param("e", id).param("r", recordId)
                .param("s", PERSON.bytes()).update();
        return id;
    }

    private String endReasonOf(long entry) {
        return jdbc.sql("select end_reason from lists_entry where id = :id").param("id", entry).query(String.class).single();
    }

    private String statusOf(long entry) {
        return jdbc.sql("select status from lists_entry where id = :id").param("id", entry).query(String.class).single();
    }
}
