package org.chengxin.standing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.chengxin.identity.Citizens;
import org.chengxin.lists.AgencyBlacklist;
import org.chengxin.standing.Standings;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.upload.Uploads;
import org.chengxin.statements.Statements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The credit-status endpoint's own refusals, in the web layer alone: they come as problem details with a
 * stable code before any person is looked up, and never echo the number. Who may call it is the security
 * configuration's matter, tested with the whole application (AccessMatrixIntegrationTests), so the
 * slice runs without the security filters.
 */
@WebMvcTest(CreditStatusController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({Uploads.class, CreditStatusControllerTests.FixedClock.class})
class CreditStatusControllerTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final String BODY = "43060219900101123";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Citizens citizens;

    @MockitoBean
    Standings statuses;

    @MockitoBean
    Statements statements;

    @MockitoBean
    AgencyBlacklist blacklist;

    @MockitoBean
    TransactionTemplate transactions;

    @Test
    void aQueryWithoutPurposeIsRefusedWithItsCodeBeforeAnyoneIsLookedUp() throws Exception {
        String number = BODY + IdNumber.checkCharacterOf(BODY);

        String answer = mvc.perform(post("/api/v1/credit-status").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idNumber\":\"" + number + "\",\"purpose\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("CREDIT_STATUS_PURPOSE_REQUIRED"))
                .andExpect(jsonPath("$.detail").value("请填写查询用途（purpose），查询将以该用途记入审计日志"))
                .andReturn().getResponse().getContentAsString();

        assertThat(answer).doesNotContain(number);
        verifyNoInteractions(citizens, statuses, statements, blacklist, transactions);
    }

    @Test
    void aNumberWithAWrongCheckCharacterIsRefusedWithTheIdCodeAndNotEchoed() throws Exception {
        char right = IdNumber.checkCharacterOf(BODY);
        String wrong = BODY + (right == '0' ? '1' : '0');

        String answer = mvc.perform(post("/api/v1/credit-status").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idNumber\":\"" + wrong + "\",\"purpose\":\"公共资源交易资格审查\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(startsWith("ID_")))
                .andReturn().getResponse().getContentAsString();

        assertThat(answer).doesNotContain(wrong);
        verifyNoInteractions(citizens, statuses, statements, blacklist, transactions);
    }

    @Test
    void aQueryWithoutNumberFailsValidationNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/credit-status").contentType(MediaType.APPLICATION_JSON).content("{\"purpose\":\"资格审查\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"));

        verifyNoInteractions(citizens, statuses, statements, blacklist, transactions);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock clock() {
            return CLOCK;
        }
    }
}
