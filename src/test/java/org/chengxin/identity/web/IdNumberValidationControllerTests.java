package org.chengxin.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.chengxin.identity.Citizens;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.upload.Uploads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The pre-check of an ID number in the web layer alone: the answer and every refusal carry the number
 * masked only, and each use of a person's number is audited. Who may call it is the security
 * configuration's matter, tested with the whole application, so the slice runs without the security filters.
 */
@WebMvcTest(IdNumberValidationController.class)
@AutoConfigureMockMvc(addFilters = false)
@RecordApplicationEvents
@Import({Uploads.class, IdNumberValidationControllerTests.FixedClock.class})
class IdNumberValidationControllerTests {

    private static final String BODY = "43060219900101123";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents events;

    @MockitoBean
    Citizens citizens;

    @Test
    void aValidNumberIsAnsweredMaskedWithWhatItSaysAndItsUseIsAudited() throws Exception {
        String number = BODY + IdNumber.checkCharacterOf(BODY);
        when(citizens.subjectKeyOf(any(IdNumber.class))).thenReturn(SubjectKey.fromHex("ab".repeat(32)));

        String answer = validate("{\"idNumber\":\"" + number + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.normalized").value("430602********" + number.substring(14)))
                .andExpect(jsonPath("$.birthDate").value("1990-01-01"))
                .andExpect(jsonPath("$.region.code").value("430602"))
                .andReturn().getResponse().getContentAsString();

        assertThat(answer).doesNotContain(number);
        assertThat(events.stream(AuditEvent.class)).singleElement().satisfies(audit -> {
            assertThat(audit.action()).isEqualTo("identity.validation");
            assertThat(audit.subject()).isEqualTo(SubjectKey.fromHex("ab".repeat(32)));
        });
    }

    @Test
    void aWrongCheckCharacterIsAnInvalidAnswerNamingTheErrorNotTheNumber() throws Exception {
        char right = IdNumber.checkCharacterOf(BODY);
        String wrong = BODY + (right == '0' ? '1' : '0');

        String answer = validate("{\"idNumber\":\"" + wrong + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[0].code").value("ID_BAD_CHECK_CHARACTER"))
                .andReturn().getResponse().getContentAsString();

        assertThat(answer).doesNotContain(wrong);
    }

    @Test
    void aBodyThatIsNotJsonIsAProblemThatDoesNotEchoTheNumber() throws Exception {
        String number = BODY + IdNumber.checkCharacterOf(BODY);

        String answer = validate("{\"idNumber\":" + number + "")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").exists())
                .andReturn().getResponse().getContentAsString();

        assertThat(answer).doesNotContain(number);
        assertThat(events.stream(AuditEvent.class)).isEmpty();
    }

    private ResultActions validate(String json) throws Exception {
        return mvc.perform(post("/api/v1/identity/validations").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        }
    }
}
