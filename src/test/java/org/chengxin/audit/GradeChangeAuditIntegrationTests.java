package org.chengxin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.chengxin.evaluation.GradeChanged;
import org.chengxin.shared.subject.SubjectKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The audit module on its own (with what it depends on, and the embedded database of {@code runtime}):
 * a grade change is heard after its transaction commits, through the event publication registry, and
 * ends in the chain; its publication is then marked completed. The evaluation module needs most of the
 * application (records, catalog, identity, organization), so all dependencies are bootstrapped rather
 * than mocked.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"runtime", "shared", "calendar"})
class GradeChangeAuditIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    record Outcome(String detail, Instant completed) {
    }

    @Test
    void aGradeChangeIsRegisteredHeardAfterCommitChainedAndThenMarkedCompleted(Scenario scenario) {
        SubjectKey subject = SubjectKey.fromHex("a7".repeat(32));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        scenario.publish(new GradeChanged(subject, "B", "AA", 850, 1030, 77L, at))
                .andWaitForStateChange(() -> outcomeFor(subject), o -> o.isPresent() && o.get().completed() != null)
                .andVerify(o -> {
                    assertThat(o.get().detail()).isEqualTo("信用等级由 B 变为 AA，积分 850 → 1030，起因：记录 77 的变化");
                    assertThat(o.get().completed()).isAfterOrEqualTo(at);
                });
    }

    /** The chained entry about the person, with the completion of the grade change's publication. */
    private Optional<Outcome> outcomeFor(SubjectKey subject) {
        return jdbc.sql("""
                select a.detail, p.completion_date from audit_entry a
                join event_publication p on p.event_type = :type and p.serialized_event like '%' || a.subject_index || '%'
                where a.action = 'evaluation.grade-change' and a.subject_index = :s""")
                .param("type", GradeChanged.class.getName()).param("s", subject.hex())
                .query((rs, n) -> new Outcome(rs.getString(1), rs.getObject(2, OffsetDateTime.class) == null ? null
                        : rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional();
    }
}
