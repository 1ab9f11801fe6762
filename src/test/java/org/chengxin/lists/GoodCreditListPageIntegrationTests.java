package org.chengxin.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.identity.Citizens;
import org.chengxin.organization.Departments;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/** 优良信用记录名单: the records in force, masked, counted per item; expired and revoked ones are gone. */
@ChengxinIntegrationTest
class GoodCreditListPageIntegrationTests {

    private static final String PRESS = "YY-GN-005";

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    MutableClock clock;

    @Autowired
    Departments departments;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theReviewerSeesTheRecordsInForceMaskedAndCountedAndNotTheExpiredOrRevokedOnes() throws Exception {
        Http http = new Http(port);
        String morals = http.token(fixtures.apiClientOf("wmb", "records:write"), Fixtures.PASSWORD, "records:write");
        LocalDate today = LocalDate.now(clock);
        IdNumber lasting = fixtures.syntheticIdNumber();
        IdNumber ending = fixtures.syntheticIdNumber();
        IdNumber revoked = fixtures.syntheticIdNumber();
        long lastingId = push(http, morals, lasting, today.minusDays(1), "岳文明办〔2026〕51号");
        // 36 months is the item's period: this one counts two more days
        long endingId = push(http, morals, ending, today.minusMonths(36).plusDays(2), "岳文明办〔2023〕52号");
        long revokedId = push(http, morals, revoked, today.minusDays(2), "岳文明办〔2026〕53号");
        assertThat(http.postJson("/api/v1/records/" + revokedId + "/revocation", morals, "{\"reason\":\"核实有误，撤销推介\"}").status())
                .isEqualTo(200);

        String page = page();
        assertThat(page).contains("data-record=\"" + lastingId + "\"").contains("data-record=\"" + endingId + "\"")
                .doesNotContain("data-record=\"" + revokedId + "\"")
                .contains("岳文明办〔2026〕51号").contains("新闻媒体发现的诚信典型").contains(departments.find(DepartmentCode.of("wmb")).orElseThrow().name())
                .contains(lasting.masked()).contains(ending.masked());
        assertThat(page.contains(lasting.value()) || page.contains(ending.value()) || page.contains(revoked.value()))
                .as("no full number on the page").isFalse();
        assertThat(countOnPage(page)).isEqualTo(records.goodCreditInForceByItem().get(PRESS));
        String line = page.substring(page.indexOf("data-record=\"" + lastingId + "\""));
        line = line.substring(0, line.indexOf("</tr>"));
        assertThat(line).contains(today.minusDays(1).toString()).contains(today.minusDays(1).plusMonths(36).minusDays(1).toString());

        clock.advance(Duration.ofDays(3));
        String later = page();
        assertThat(later).contains("data-record=\"" + lastingId + "\"").doesNotContain("data-record=\"" + endingId + "\"");
        assertThat(countOnPage(later)).isEqualTo(records.goodCreditInForceByItem().get(PRESS));
    }

    @Test
    void onlyAReviewerSeesTheList() throws Exception {
        MockMvc mvc = ApiContract.mockMvc(context);
        for (Role role : new Role[] {Role.DATA_OFFICER, Role.CLERK, Role.SYSTEM_ADMIN, Role.AUDITOR}) {
            assertThat(mvc.perform(get("/lists/good-credit").with(authentication(TestPrincipal.of(role, "wmb"))))
                    .andReturn().getResponse().getStatus()).as(role.name()).isEqualTo(403);
        }
        assertThat(mvc.perform(get("/lists/good-credit").with(authentication(TestPrincipal.of(Role.REVIEWER, "wmb"))))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    private String page() throws Exception {
        MockMvc mvc = ApiContract.mockMvc(context);
        // the records of the department that pushed them, on one page: other tests add good-credit records of the item
        var response = mvc.perform(get("/lists/good-credit").param("item", PRESS).param("dept", "wmb").param("size", "100")
                .with(authentication(TestPrincipal.of(Role.REVIEWER, "scjg")))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static long countOnPage(String page) {
        Matcher m = Pattern.compile("data-item=\"" + PRESS + "\">.*?<td class=\"count\">(\\d+)</td>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private long push(Http http, String token, IdNumber person, LocalDate decided, String document) {
        String source = "press-" + UUID.randomUUID();
        SeriousDishonestyListIntegrationTests.pushBody(http, token, "{\"records\":[{\"sourceId\":\"" + source + "\",\"itemCode\":\"" + PRESS
                + "\",\"idNumber\":\"" + person.value() + "\",\"name\":\"名单测试\",\"decisionDate\":\"" + decided
                + "\",\"documentNumber\":\"" + document + "\",\"content\":{\"storyTitle\":\"拾金不昧\",\"mediaName\":\"岳阳日报\","
                + "\"verifiedBy\":\"市文明办\"}}]}");
        return records.allFor(citizens.subjectKeyOf(person)).stream().filter(r -> r.sourceId().equals(source)).findFirst().orElseThrow().id();
    }
}
