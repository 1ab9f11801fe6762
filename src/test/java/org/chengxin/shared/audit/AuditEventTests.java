package org.chengxin.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.chengxin.shared.security.Actor;
import org.chengxin.shared.subject.SubjectKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AuditEventTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anAuditEventWithAndWithoutASubjectRoundTripsThroughTheRegistrysJson() {
        AuditEvent about = AuditEvent.of(Actor.SYSTEM, Instant.parse("2026-03-01T08:00:00Z"), "test.read",
                SubjectKey.fromHex("5e".repeat(32)), "审计测试", AuditOutcome.SUCCESS, "读取");
        AuditEvent aboutNobody = AuditEvent.of(Actor.SYSTEM, Instant.parse("2026-03-01T08:00:00Z"), "auth.login", null, null,
                AuditOutcome.DENIED, "账号或密码错误");

        String written = json.writeValueAsString(about);

        assertThat(written).contains("\"subjectIndex\":\"" + "5e".repeat(32) + "\"");
        assertThat(json.readValue(written, AuditEvent.class)).isEqualTo(about);
        assertThat(json.readValue(json.writeValueAsString(aboutNobody), AuditEvent.class)).isEqualTo(aboutNobody);
    }
}
