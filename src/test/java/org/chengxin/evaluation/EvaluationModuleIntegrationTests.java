package org.chengxin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.chengxin.records.RecordEvents.RecordAccepted;
import org.chengxin.records.RecordEvents.RecordCorrected;
import org.chengxin.records.RecordEvents.RecordRevoked;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The evaluation module with what it depends on (records, catalog, identity, organization, too many to
 * mock, and the embedded database of {@code runtime}): the records' events queue their people for
 * recomputation, and a recomputation that moves a grade publishes {@link GradeChanged}.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"runtime", "shared", "calendar"})
class EvaluationModuleIntegrationTests {

    private static final SubjectKey PERSON = SubjectKey.fromHex("e1".repeat(32));
    private static final SubjectKey OTHER = SubjectKey.fromHex("e2".repeat(32));

    @Autowired
    Scores scores;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        for (SubjectKey s : List.of(PERSON, OTHER)) {
            jdbc.sql("delete from evaluation_pending where subject_index = :s").param("s", s.bytes()).update();
            jdbc.sql("delete from evaluation_score where subject_index = :s").param("s", s.bytes()).update();
            jdbc.sql("delete from evaluation_grade_history where subject_index = :s").param("s", s.bytes()).update();
        }
    }

    @Test
    void anAcceptedRecordQueuesItsPersonForRecomputation(Scenario scenario) {
        scenario.publish(new RecordAccepted(810001, PERSON, "YY-XK-001", DepartmentCode.of("d001")))
                .andWaitForStateChange(() -> queuedRecordOf(PERSON), Optional::isPresent)
                .andVerify(record -> assertThat(record).contains(810001L));
    }

    @Test
    void aCorrectionThatMovesARecordToAnotherPersonQueuesBothPeople(Scenario scenario) {
        scenario.publish(new RecordCorrected(810002, PERSON, OTHER, "YY-XK-001", 2))
                .andWaitForStateChange(() -> queuedRecordOf(PERSON).isPresent() && queuedRecordOf(OTHER).isPresent(), queued -> queued)
                .andVerify(queued -> assertThat(queuedRecordOf(OTHER)).contains(810002L));
    }

    @Test
    void aRevokedRecordQueuesItsPersonForRecomputation(Scenario scenario) {
        scenario.publish(new RecordRevoked(810003, PERSON, "YY-XK-001", "决定已撤销"))
                .andWaitForStateChange(() -> queuedRecordOf(PERSON), Optional::isPresent)
                .andVerify(record -> assertThat(record).contains(810003L));
    }

    @Test
    void aRecomputationThatMovesAGradePublishesTheChange(Scenario scenario) {
        // a stored grade of D for a person without records: the recomputation gives the starting points and
        // their grade. Queued inside the stimulus's transaction, so that the background worker cannot take it.
        scenario.stimulate(() -> {
            jdbc.sql("""
                    insert into evaluation_score (subject_index, points, grade, disputed, model_version, computed_at)
                    values (:s, 400, 'D', false, 'test', now())""").param("s", PERSON.bytes()).update();
            jdbc.sql("insert into evaluation_pending (subject_index, record_id) values (:s, 810004)")
                    .param("s", PERSON.bytes()).update();
            return scores.recomputePending(1000);
        })
                .andWaitForEventOfType(GradeChanged.class)
                .matching(e -> e.subject().equals(PERSON))
                .toArriveAndVerify(e -> {
                    assertThat(e.oldGrade()).isEqualTo("D");
                    assertThat(e.oldPoints()).isEqualTo(400);
                    assertThat(e.newGrade()).isEqualTo(scores.scoreOf(PERSON).orElseThrow().grade().name()).isNotEqualTo("D");
                    assertThat(e.newPoints()).isEqualTo(1000);
                    assertThat(e.recordId()).isEqualTo(810004L);
                    assertThat(e.changedAt()).isNotNull();
                });
    }

    /**
     * The record a person is queued for, or (once the background worker has taken the queue's row) the
     * record their first score was computed for.
     */
    private Optional<Long> queuedRecordOf(SubjectKey subject) {
        return jdbc.sql("""
                select record_id from evaluation_pending where subject_index = :s
                union all
                select first_record_id from evaluation_score where subject_index = :s""")
                .param("s", subject.bytes()).query(Long.class).list().stream().findFirst();
    }
}
