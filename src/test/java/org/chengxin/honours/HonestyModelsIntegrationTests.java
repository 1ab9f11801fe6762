package org.chengxin.honours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * 诚信典型 (issue 15): a person's honour is on the public page only while they consent; the consent and its
 * withdrawal are theirs alone, take effect at once and are audited; the page shows the name and the masked number,
 * never the full number; a person without honours cannot consent (HONOURS_NONE).
 */
@ChengxinIntegrationTest
class HonestyModelsIntegrationTests {

    private static final String NAME = "诚信模范测试";

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PopulationRegister register;

    @Autowired
    AuditRecords audit;

    @Test
    void anHonourIsPublicOnlyWhileThePersonConsents() throws Exception {
        IdNumber number = fixtures.citizenWithAccount();
        register.register(number, NAME, "测试");
        Http http = new Http(port);
        String token = http.token(fixtures.apiClientOf("wmb", "records:write"), Fixtures.PASSWORD, "records:write");
        String honour = "岳阳市诚信道德模范" + UUID.randomUUID().toString().substring(0, 4);
        SeriousDishonestyListAccess.pushBody(http, token, "{\"records\":[{\"sourceId\":\"honour-" + UUID.randomUUID() + "\",\"itemCode\":"
                + "\"YY-GN-004\",\"idNumber\":\"" + number.value() + "\",\"name\":\"" + NAME + "\",\"decisionDate\":\"2026-10-01\","
                + "\"documentNumber\":\"岳文明〔2026〕8号\",\"content\":{\"honourTitle\":\"" + honour + "\",\"awardingAuthority\":"
                + "\"岳阳市精神文明建设指导委员会\",\"honourLevel\":\"市级\"}}]}");

        MockMvc mvc = ApiContract.mockMvc(context);
        assertThat(publicPage(mvc)).doesNotContain(honour);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("account", number.value())
                .password("password", Fixtures.PASSWORD)).andReturn().getRequest().getSession();
        String mine = mvc.perform(get("/my/honesty-model").session(session)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains("诚信道德模范", "当前状态：未公开", "id=\"consent-form\"");

        MockHttpServletResponse unconfirmed = mvc.perform(post("/my/honesty-model/consent").session(session).with(csrf())).andReturn()
                .getResponse();
        assertThat(unconfirmed.getStatus()).isEqualTo(400);
        assertThat(unconfirmed.getContentAsString(StandardCharsets.UTF_8)).contains("HONOURS_CONSENT_NOT_CONFIRMED");
        assertThat(mvc.perform(post("/my/honesty-model/consent").session(session).with(csrf()).param("confirm", "true")).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo("/my/honesty-model?consented");

        String shown = publicPage(mvc);
        assertThat(shown).contains(honour, NAME, number.masked(), "岳阳市精神文明建设指导委员会", "荣誉级别：市级");
        assertThat(shown.contains(number.value())).as("never the full number").isFalse();
        Http.Response json = http.get("/api/v1/public/honesty-models?size=100", null);
        assertThat(json.status()).as("open data, no token").isEqualTo(200);
        assertThat(json.body()).contains(honour, number.masked()).doesNotContain(number.value());
        Http.Response csv = http.get("/api/v1/public/honesty-models.csv?size=100", null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF姓名,身份证号码").contains(honour).doesNotContain(number.value());

        assertThat(mvc.perform(post("/my/honesty-model/withdrawal").session(session).with(csrf())).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/my/honesty-model?withdrawn");
        assertThat(publicPage(mvc)).doesNotContain(honour).doesNotContain(number.masked());
        assertThat(http.get("/api/v1/public/honesty-models?size=100", null).body()).as("withdrawn from the open data too")
                .doesNotContain(honour);
        assertThat(audit.count("action in ('honours.consent', 'honours.withdraw') and detail not like ?", "%" + number.value() + "%"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aPersonWithoutHonoursCannotConsent() throws Exception {
        IdNumber number = fixtures.citizenWithAccount();
        MockMvc mvc = ApiContract.mockMvc(context);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("account", number.value())
                .password("password", Fixtures.PASSWORD)).andReturn().getRequest().getSession();
        MockHttpServletResponse refused = mvc.perform(post("/my/honesty-model/consent").session(session).with(csrf()).param("confirm", "true"))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("HONOURS_NONE", "id=\"honours-none\"");
    }

    private static String publicPage(MockMvc mvc) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/public/honesty-models")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
