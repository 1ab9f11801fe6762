package org.chengxin.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.chengxin.evaluation.GradeChanged;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.subject.SubjectKey;
import org.junit.jupiter.api.Test;

class GradeChangeAuditingTests {

    private static final SubjectKey SUBJECT = SubjectKey.fromHex("ab".repeat(32));
    private static final Instant AT = Instant.parse("2025-03-01T02:00:00Z");

    @Test
    void aGradeChangeBecomesASystemEntryUnderThePersonsBlindIndexAtTheTimeOfTheChange() {
        AuditEvent entry = GradeChangeAuditing.entryOf(new GradeChanged(SUBJECT, "B", "AA", 850, 1030, 77L, AT));

        assertThat(entry.action()).isEqualTo("evaluation.grade-change");
        assertThat(entry.actor()).isEqualTo("system");
        assertThat(entry.role()).isEqualTo("SYSTEM");
        assertThat(entry.subject()).isEqualTo(SUBJECT);
        assertThat(entry.occurredAt()).isEqualTo(AT);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(entry.detail()).isEqualTo("信用等级由 B 变为 AA，积分 850 → 1030，起因：记录 77 的变化");
    }

    @Test
    void aChangeWithoutARecordIsARecomputation() {
        AuditEvent entry = GradeChangeAuditing.entryOf(new GradeChanged(SUBJECT, "A", "B", 900, 880, null, AT));

        assertThat(entry.detail()).endsWith("起因：重新计算");
    }

    @Test
    void theSameChangeDeliveredTwiceGivesTheSameEntryIdSoTheTrailHoldsItOnce() {
        GradeChanged change = new GradeChanged(SUBJECT, "B", "AA", 850, 1030, 77L, AT);

        assertThat(GradeChangeAuditing.entryOf(change).eventId()).isEqualTo(GradeChangeAuditing.entryOf(change).eventId());
        assertThat(GradeChangeAuditing.entryOf(new GradeChanged(SUBJECT, "AA", "B", 1030, 850, 78L, AT.plusSeconds(60))).eventId())
                .as("a later change is another entry").isNotEqualTo(GradeChangeAuditing.entryOf(change).eventId());
    }
}
