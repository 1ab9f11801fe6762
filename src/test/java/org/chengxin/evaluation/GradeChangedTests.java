package org.chengxin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.chengxin.shared.subject.SubjectKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class GradeChangedTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theRegistrysJsonKeepsTheHexSubjectIndexAndReadsBackToTheSameEvent() {
        SubjectKey key = SubjectKey.fromHex("a7".repeat(32));
        GradeChanged event = new GradeChanged(key, "B", "AA", 850, 1030, 77L, Instant.parse("2026-03-01T08:00:00Z"));

        String written = json.writeValueAsString(event);

        assertThat(written).contains("\"subjectIndex\":\"" + "a7".repeat(32) + "\"").doesNotContain("\"subject\"");
        assertThat(json.readValue(written, GradeChanged.class)).isEqualTo(event);
    }

    @Test
    void aPublicationStoredBeforeTheKeyHadATypeStillReads() {
        String stored = """
                {"subjectIndex":"%s","oldGrade":"B","newGrade":"A","oldPoints":850,"newPoints":1000,"recordId":null,\
                "changedAt":"2026-03-01T08:00:00Z"}""".formatted("0c".repeat(32));

        GradeChanged read = json.readValue(stored, GradeChanged.class);

        assertThat(read.subject()).isEqualTo(SubjectKey.fromHex("0c".repeat(32)));
        assertThat(read.newGrade()).isEqualTo("A");
    }
}
