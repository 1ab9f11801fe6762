package org.chengxin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.ChengxinIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A person whose recomputation fails goes to the back of the queue; the others are computed. */
@ChengxinIntegrationTest
class RecomputationQueueIntegrationTests {

    @Autowired
    Scores scores;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oneFailingPersonDoesNotHoldUpTheQueue() {
        SubjectKey failing = SubjectKey.fromHex("fa".repeat(32));
        SubjectKey fine = SubjectKey.fromHex("fe".repeat(32));
        // storing the failing person's score breaks, as a bug or a broken row would
        jdbc.sql("""
                create or replace function evaluation_test_fail() returns trigger language plpgsql as $$
                begin
                    if new.subject_index = decode('%s', 'hex') then raise exception 'test failure'; end if;
                    return new;
                end $$""".formatted(failing.hex())).update();
        jdbc.sql("create trigger evaluation_test_fail before insert on evaluation_score for each row execute function evaluation_test_fail()")
                .update();
        try {
            queue(failing, "2 hours");
            queue(fine, "1 hour");

            scores.recomputePending(100);

            assertThat(scores.scoreOf(fine)).as("the queue moved past the failure")
                    .get().satisfies(s -> assertThat(s.points()).isEqualTo(1000));
            assertThat(scores.scoreOf(failing)).isEmpty();
            OffsetDateTime requeued = jdbc.sql("select queued_at from evaluation_pending where subject_index = :s")
                    .param("s", failing.bytes()).query(OffsetDateTime.class).single();
            assertThat(requeued).as("moved to the back").isAfter(OffsetDateTime.now().minusMinutes(5));
        } finally {
            jdbc.sql("drop trigger evaluation_test_fail on evaluation_score").update();
            jdbc.sql("drop function evaluation_test_fail()").update();
            jdbc.sql("delete from evaluation_pending where subject_index = :s").param("s", failing.bytes()).update();
        }
    }

    private void queue(SubjectKey subject, String age) {
        jdbc.sql("insert into evaluation_pending (subject_index, queued_at) values (:s, now() - cast(:age as interval))")
                .param("s", subject.bytes()).param("age", age).update();
    }
}
