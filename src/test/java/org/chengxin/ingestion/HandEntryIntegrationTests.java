package org.chengxin.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.chengxin.evaluation.Scores;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.standing.Standings;
import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

/**
 * 逐条录入: a data officer types one honour on the page; it goes through the batch path (checks, name,
 * audit, recomputation) and is stored, or its rejections are shown with their codes and nothing is.
 */
@ChengxinIntegrationTest
class HandEntryIntegrationTests {

    private static final String HONOUR = "YY-GN-004";

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationRegister register;

    @Autowired
    Scores scores;

    @Autowired
    Standings standings;

    @Autowired
    MutableClock clock;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
        fixtures.departmentWithCode("wmb");
    }

    @Test
    void anHonourTypedByTheDataOfficerIsStoredAndRaisesThePoints() throws Exception {
        IdNumber person = fixtures.syntheticIdNumber();
        register.register(person, "录入甲", "测试");
        SubjectKey subject = citizens.subjectKeyOf(person);

        String form = page(mvc.perform(get("/ingestion/entry").param("item", HONOUR).with(officerOf("wmb"))).andReturn().getResponse());
        assertThat(form).contains("name=\"content.honourTitle\"").contains("荣誉名称（必填，文本）").contains("HAND-");

        MvcResult done = mvc.perform(honour(officerOf("wmb"), person.value(), "录入甲", Map.of())).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/ingestion/entry?item=" + HONOUR);
        @SuppressWarnings("unchecked")
        Map<String, Object> entered = (Map<String, Object>) done.getFlashMap().get("entered");
        assertThat(entered).containsEntry("maskedId", person.masked()).containsEntry("outcome", "已入库");

        CreditRecord stored = records.allFor(subject).stream().filter(r -> r.itemCode().equals(HONOUR)).findFirst().orElseThrow();
        assertThat(entered).containsEntry("recordId", stored.id());
        assertThat(stored.departmentCode().value()).isEqualTo("wmb");
        assertThat(stored.documentNumber()).isEqualTo("岳文明委〔2026〕8号");
        assertThat(stored.content()).containsEntry("honourTitle", "岳阳市诚信道德模范").containsEntry("awardingAuthority", "市文明委");
        assertThat(stored.sourceId()).startsWith("HAND-");

        scores.recomputePending(10_000);
        assertThat(scores.scoreOf(subject).orElseThrow().points()).isEqualTo(1030);
        assertThat(standings.of(subject).goodCredit()).extracting(g -> g.recordId()).containsExactly(stored.id());

        String after = page(mvc.perform(get("/ingestion/entry").param("item", HONOUR).with(officerOf("wmb")).flashAttr("entered", entered))
                .andReturn().getResponse());
        assertThat(after).contains(person.masked()).contains("/records/" + stored.id());
        assertThat(after.contains(person.value())).as("the full number is not on the page after the entry").isFalse();
    }

    @Test
    void everyRejectionIsShownWithItsCodeWhatWasTypedStaysAndNothingIsStored() throws Exception {
        IdNumber good = fixtures.syntheticIdNumber();
        String badCheck = good.value().substring(0, 17) + (good.value().charAt(17) == '1' ? '2' : '1');
        String rejected = page(mvc.perform(honour(officerOf("wmb"), badCheck, "录入乙", Map.of("content.honourTitle", "")))
                .andReturn().getResponse());
        assertThat(rejected).contains("ID_BAD_CHECK_CHARACTER").contains("身份证号码校验码错误")
                .contains("FIELD_REQUIRED").contains("缺少必填字段：荣誉名称")
                .contains("value=\"录入乙\"").contains("value=\"岳文明委〔2026〕8号\"").contains("value=\"市文明委\"");
        // booleans, so that a failure never prints a number into the test report
        assertThat(rejected.contains("value=\"" + badCheck + "\"")).as("the typed number is kept in the form").isTrue();

        IdNumber registered = fixtures.syntheticIdNumber();
        register.register(registered, "录入丙", "测试");
        String mismatch = page(mvc.perform(honour(officerOf("wmb"), registered.value(), "冒名者", Map.of())).andReturn().getResponse());
        assertThat(mismatch).contains("NAME_MISMATCH").contains("姓名与人口基础信息不符");
        assertThat(records.allFor(citizens.subjectKeyOf(registered))).isEmpty();
    }

    @Test
    void aDataOfficerCannotEnterAnItemThatIsNotTheirDepartments() throws Exception {
        // a department of its own ("scjg" is left to the demo data's checks)
        String other = fixtures.department();
        IdNumber person = fixtures.syntheticIdNumber();
        String refused = page(mvc.perform(honour(officerOf(other), person.value(), "录入丁", Map.of())).andReturn().getResponse());
        assertThat(refused).contains("ITEM_NOT_ALLOWED_FOR_DEPARTMENT").contains("本部门无权报送该信息项");
        assertThat(records.allFor(citizens.subjectKeyOf(person))).isEmpty();
        String choices = page(mvc.perform(get("/ingestion/entry").with(officerOf(other))).andReturn().getResponse());
        assertThat(choices).contains("请选择本部门可报送的信息项").doesNotContain("value=\"" + HONOUR + "\"");
    }

    @Test
    void onlyADataOfficerReachesTheForm() throws Exception {
        assertThat(mvc.perform(get("/ingestion/entry").with(authentication(TestPrincipal.of(Role.REVIEWER, "wmb"))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(honour(authentication(TestPrincipal.of(Role.CLERK, "wmb")), fixtures.syntheticIdNumber().value(), "某",
                Map.of())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/ingestion/entry").with(officerOf("wmb")).param("itemCode", HONOUR))
                .andReturn().getResponse().getStatus()).as("without the CSRF token").isEqualTo(403);
    }

    private MockHttpServletRequestBuilder honour(RequestPostProcessor who, String idNumber,
            String name, Map<String, String> overrides) {
        MockHttpServletRequestBuilder request = post("/ingestion/entry").with(who).with(csrf())
                .param("sourceId", "HAND-" + UUID.randomUUID().toString().replace("-", ""))
                .param("itemCode", HONOUR).param("idNumber", idNumber).param("name", name)
                .param("decisionDate", LocalDate.now(clock).minusDays(3).toString()).param("documentNumber", "岳文明委〔2026〕8号");
        Map<String, String> fields = new HashMap<>(Map.of("content.honourTitle", "岳阳市诚信道德模范",
                "content.awardingAuthority", "市文明委"));
        fields.putAll(overrides);
        fields.forEach(request::param);
        return request;
    }

    private static RequestPostProcessor officerOf(String department) {
        return authentication(TestPrincipal.of(Role.DATA_OFFICER, department));
    }

    private static String page(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
