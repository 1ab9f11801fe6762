package org.chengxin.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

/**
 * A reviewer decides on the page: every record of the candidate that is the department's own is offered, no other
 * department's record reaches the page, the form as rendered lists the person, and a form without records, or with
 * another department's record, is refused.
 */
@ChengxinIntegrationTest
class ListsPageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PopulationRegister register;

    @Autowired
    MutableClock clock;

    @Test
    void theReviewerListsACandidateOnThePageOnAllItsRecords() throws Exception {
        Http http = new Http(port);
        String tax = http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
        IdNumber person = fixtures.syntheticIdNumber();
        SubjectKey subject = citizens.subjectKeyOf(person);
        register.register(person, "名单测试", "测试");
        SeriousDishonestyListIntegrationTests.push(http, tax, person, "page-a-" + UUID.randomUUID());
        SeriousDishonestyListIntegrationTests.push(http, tax, person, "page-b-" + UUID.randomUUID());
        var ids = records.allFor(subject).stream().map(r -> r.id()).sorted().toList();
        assertThat(ids).hasSize(2);

        MockMvc mvc = ApiContract.mockMvc(context);
        var reviewer = authentication(TestPrincipal.of(Role.REVIEWER, "swj"));
        String rows = mvc.perform(get("/lists").with(reviewer)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String key = String.valueOf(ids.get(0));
        assertThat(rows).as("a row per candidate: masked number, registered name, items, count, a link to read it in full")
                .contains("id=\"candidate-" + key + "\"", person.masked(), "名单测试", "偷税", "/lists/candidates/" + key)
                .doesNotContain(person.value()).doesNotContain(subject.hex());
        String page = mvc.perform(get("/lists/candidates/" + key).with(reviewer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(person.masked()).doesNotContain(person.value());
        for (long id : ids) {
            assertThat(page).contains("name=\"recordIds\" value=\"" + id + "\" checked");
        }
        assertThat(page).as("the legal basis prefilled from the catalog item")
                .contains("name=\"legalBasis\" required maxlength=\"300\" value=\"《中华人民共和国税收征收管理法》");

        // the confirmation step says what follows and sends nothing yet
        LocalDate day = LocalDate.now(clock);
        String confirm = mvc.perform(post("/lists/notices/confirmation").with(reviewer).with(csrf()).param("key", key)
                .param("subjectIndex", subject.hex()).param("recordIds", key).param("documentNumber", "岳税认〔2026〕20号")
                .param("legalBasis", "《中华人民共和国税收征收管理法》第六十三条").param("criteria", "偷税")
                .param("startDate", day.toString()).param("endDate", day.plusYears(1).toString()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(confirm).contains("id=\"consequence\"", "告知发出后不能撤回", "岳税认〔2026〕20号", person.masked(),
                "name=\"recordIds\" value=\"" + key + "\"", "action=\"/lists/notices\"").doesNotContain(person.value());
        assertThat(list.noticesFor(subject)).as("nothing sent before the confirmation").isEmpty();

        LocalDate today = LocalDate.now(clock);
        var refused = mvc.perform(post("/lists/notices").with(reviewer).with(csrf()).param("subjectIndex", subject.hex())
                .param("documentNumber", "岳税认〔2026〕21号").param("legalBasis", "《中华人民共和国税收征收管理法》第六十三条")
                .param("criteria", "偷税").param("startDate", today.toString()).param("endDate", today.plusYears(1).toString()))
                .andReturn();
        assertThat(refused.getFlashMap().get("error")).hasFieldOrPropertyWithValue("code", "LIST_WITHOUT_RECORDS");
        assertThat(list.activeFor(subject)).isEmpty();

        mvc.perform(post("/lists/notices").with(reviewer).with(csrf()).param("subjectIndex", subject.hex())
                .param("recordIds", String.valueOf(ids.get(0))).param("recordIds", String.valueOf(ids.get(1)))
                .param("documentNumber", "岳税认〔2026〕22号").param("legalBasis", "《中华人民共和国税收征收管理法》第六十三条")
                .param("criteria", "偷税数额较大").param("startDate", today.toString()).param("endDate", today.plusYears(1).toString()));
        assertThat(list.activeFor(subject)).as("only noticed so far").isEmpty();
        decideHeard(reviewer, subject, "swj");
        assertThat(list.activeFor(subject)).singleElement().satisfies(e -> {
            assertThat(e.documentNumber()).isEqualTo("岳税认〔2026〕22号");
            assertThat(e.recordIds()).containsExactlyInAnyOrderElementsOf(ids);
        });
        String after = mvc.perform(get("/lists").param("tab", "entries").with(reviewer)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).contains("岳税认〔2026〕22号");
    }

    @Test
    void aPersonWithSeriousRecordsOfTwoDepartmentsIsProposedToEachWithOnlyThatDepartmentsRecords() throws Exception {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        SubjectKey subject = citizens.subjectKeyOf(person);
        SeriousDishonestyListIntegrationTests.push(http, token(http, "swj"), person, "two-tax-" + UUID.randomUUID());
        List<Long> taxIds = idsOf(subject, "swj");
        String taxPageBefore = page(reviewerOf("swj"));
        pushMedicalFraud(http, person, "two-med-" + UUID.randomUUID());
        List<Long> medicalIds = idsOf(subject, "ybj");
        assertThat(taxIds).hasSize(1);
        assertThat(medicalIds).hasSize(1);

        String taxPage = page(reviewerOf("swj"));
        String medicalPage = page(reviewerOf("ybj"));

        assertThat(offeredRecordIds(candidateOf(taxPage, person))).containsExactlyElementsOf(taxIds);
        assertThat(offeredRecordIds(candidateOf(medicalPage, person))).containsExactlyElementsOf(medicalIds);
        assertNoRecordIdIn(taxPage, medicalIds);
        assertNoRecordIdIn(medicalPage, taxIds);
        assertThat(numbersIn(taxPage)).as("another department's record about the person adds nothing to the page")
                .isEqualTo(numbersIn(taxPageBefore));
    }

    @Test
    void eachDepartmentListsThePersonWithItsFormAsRenderedAndAForgedFormWithAnotherDepartmentsRecordIsStillRefused() throws Exception {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        SubjectKey subject = citizens.subjectKeyOf(person);
        SeriousDishonestyListIntegrationTests.push(http, token(http, "swj"), person, "form-tax-" + UUID.randomUUID());
        pushMedicalFraud(http, person, "form-med-" + UUID.randomUUID());
        List<Long> taxIds = idsOf(subject, "swj");
        List<Long> medicalIds = idsOf(subject, "ybj");

        MvcResult forged = mvc().perform(decision(reviewerOf("swj"), "岳税认〔2026〕31号").param("subjectIndex", subject.hex())
                .param("recordIds", String.valueOf(taxIds.get(0))).param("recordIds", String.valueOf(medicalIds.get(0)))).andReturn();
        assertThat(forged.getFlashMap().get("error")).hasFieldOrPropertyWithValue("code", "LIST_RECORD_NOT_OWN");
        assertThat(list.activeFor(subject)).isEmpty();

        MvcResult tax = submitAsRendered(reviewerOf("swj"), candidateOf(page(reviewerOf("swj")), person), "岳税认〔2026〕32号");
        MvcResult medical = submitAsRendered(reviewerOf("ybj"), candidateOf(page(reviewerOf("ybj")), person), "岳医保认〔2026〕7号");

        assertThat(tax.getFlashMap().get("error")).isNull();
        assertThat(medical.getFlashMap().get("error")).isNull();
        assertThat(list.noticesFor(subject)).hasSize(2);
        decideHeard(reviewerOf("swj"), subject, "swj");
        decideHeard(reviewerOf("ybj"), subject, "ybj");
        assertThat(list.activeFor(subject)).hasSize(2).allSatisfy(e -> assertThat(e.recordIds())
                .containsExactlyElementsOf(e.departmentCode().value().equals("swj") ? taxIds : medicalIds));
        assertThat(isCandidateOn(page(reviewerOf("swj")), person)).as("listed: no longer a candidate of the department").isFalse();
    }

    @Test
    void theDepartmentWhoseRecordsEscalatedIsProposedThePersonOnThemAndListsWithTheFormAsRendered() throws Exception {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        SubjectKey subject = citizens.subjectKeyOf(person);
        String safety = token(http, "yjj");
        pushWorkSafety(http, safety, person, 40);
        pushWorkSafety(http, safety, person, 30);
        SeriousDishonestyListIntegrationTests.pushSerious(http, token(http, "nyj"), person, "YY-BS-002", "esc-nyj-" + UUID.randomUUID(), 20,
                "{\"facts\":\"经营未经检疫的生猪产品\",\"penaltyResult\":\"没收并罚款\",\"authority\":\"农业农村局\"}");
        assertThat(isCandidateOn(page(reviewerOf("yjj")), person)).as("two records of the department: below the threshold").isFalse();
        assertThat(isCandidateOn(page(reviewerOf("nyj")), person)).as("other departments' records do not escalate one's own").isFalse();

        pushWorkSafety(http, safety, person, 10);
        List<Long> safetyIds = idsOf(subject, "yjj");
        String safetyPage = page(reviewerOf("yjj"));
        String candidate = candidateOf(safetyPage, person);

        assertThat(candidate).contains("36个月内有3条严重失信记录");
        assertThat(offeredRecordIds(candidate)).containsExactlyInAnyOrderElementsOf(safetyIds);
        assertNoRecordIdIn(safetyPage, idsOf(subject, "nyj"));
        assertThat(isCandidateOn(page(reviewerOf("nyj")), person)).isFalse();

        MvcResult listed = submitAsRendered(reviewerOf("yjj"), candidate, "岳应急认〔2026〕3号");
        assertThat(listed.getFlashMap().get("error")).isNull();
        decideHeard(reviewerOf("yjj"), subject, "yjj");
        assertThat(list.activeFor(subject)).singleElement().satisfies(e -> {
            assertThat(e.departmentCode().value()).isEqualTo("yjj");
            assertThat(e.recordIds()).containsExactlyInAnyOrderElementsOf(safetyIds);
        });
    }

    /** The person states their case on the department's notice; the reviewer then decides it on the page. */
    private void decideHeard(RequestPostProcessor reviewer, SubjectKey subject, String department) throws Exception {
        ListEntry notice = list.noticesFor(subject).stream().filter(e -> e.departmentCode().value().equals(department)).findFirst()
                .orElseThrow();
        list.state(subject, notice.id(), "本人已知悉，无异议。");
        LocalDate today = LocalDate.now(clock);
        MvcResult decided = mvc().perform(post("/lists/entries/{id}/decision", notice.id()).with(reviewer).with(csrf())
                .param("startDate", today.toString()).param("endDate", today.plusYears(1).toString())).andReturn();
        assertThat(decided.getFlashMap().get("error")).isNull();
        assertThat(decided.getFlashMap().get("notice")).asString().contains("列入严重失信主体名单");
    }

    private String token(Http http, String department) {
        return http.token(fixtures.apiClientOf(department, "records:write"), Fixtures.PASSWORD, "records:write");
    }

    private void pushMedicalFraud(Http http, IdNumber person, String source) {
        SeriousDishonestyListIntegrationTests.pushSerious(http, token(http, "ybj"), person, "YY-HC-003", source, 12,
                "{\"facts\":\"虚构医疗服务\",\"penaltyResult\":\"追回并罚款\",\"defraudedAmount\":\"36000\",\"authority\":\"医疗保障局\"}");
    }

    private void pushWorkSafety(Http http, String token, IdNumber person, int daysAgo) {
        SeriousDishonestyListIntegrationTests.pushSerious(http, token, person, "YY-WS-001", "esc-yjj-" + UUID.randomUUID(), daysAgo,
                "{\"facts\":\"未履行安全生产管理职责\",\"penaltyResult\":\"罚款\",\"authority\":\"应急管理局\"}");
    }

    private List<Long> idsOf(SubjectKey subject, String department) {
        return records.allFor(subject).stream().filter(r -> r.departmentCode().value().equals(department)).map(r -> r.id()).sorted().toList();
    }

    private static RequestPostProcessor reviewerOf(String department) {
        return authentication(TestPrincipal.of(Role.REVIEWER, department));
    }

    private MockMvc mvc() {
        return ApiContract.mockMvc(context);
    }

    /** The candidates' list and every candidate's page it links to, as the reviewer would read them one after another. */
    private String page(RequestPostProcessor reviewer) throws Exception {
        MockMvc mvc = mvc();
        StringBuilder all = new StringBuilder(mvc.perform(get("/lists").with(reviewer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        Matcher link = Pattern.compile("href=\"/lists/candidates/(\\d+)\"").matcher(all.toString());
        List<String> keys = new ArrayList<>();
        while (link.find()) {
            keys.add(link.group(1));
        }
        for (String key : keys) {
            all.append(mvc.perform(get("/lists/candidates/" + key).with(reviewer)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    private MockHttpServletRequestBuilder decision(RequestPostProcessor reviewer, String documentNumber) {
        LocalDate today = LocalDate.now(clock);
        return post("/lists/notices").with(reviewer).with(csrf()).param("documentNumber", documentNumber)
                .param("legalBasis", "《社会信用体系建设相关规定》").param("criteria", "情节严重").param("startDate", today.toString())
                .param("endDate", today.plusYears(1).toString());
    }

    /** Posts what the candidate's form holds (its hidden fields, checked records and dates) with the typed decision. */
    private MvcResult submitAsRendered(RequestPostProcessor reviewer, String candidate, String documentNumber) throws Exception {
        MockHttpServletRequestBuilder request = decision(reviewer, documentNumber);
        Matcher input = Pattern.compile("<input([^>]*)>").matcher(candidate);
        while (input.find()) {
            String tag = input.group(1);
            String name = attribute(tag, "name");
            String value = attribute(tag, "value");
            boolean sent = tag.contains("type=\"hidden\"") || (tag.contains("type=\"checkbox\"") && tag.matches(".*\\schecked(\\s|=|$).*"));
            if (name != null && value != null && sent && !name.equals("_csrf")) {
                request.param(name, value);
            }
        }
        return mvc().perform(request).andReturn();
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    /** The candidate article of the page for the person (two people may share a masked number, never a blind index). */
    private String candidateOf(String page, IdNumber person) {
        SubjectKey subject = citizens.subjectKeyOf(person);
        Matcher article = Pattern.compile("<article class=\"candidate\">.*?</article>", Pattern.DOTALL).matcher(page);
        while (article.find()) {
            if (article.group().contains("value=\"" + subject.hex() + "\"")) {
                assertThat(article.group()).contains(person.masked());
                return article.group();
            }
        }
        throw new AssertionError("no candidate on the page for " + person.masked());
    }

    private boolean isCandidateOn(String page, IdNumber person) {
        return page.contains("value=\"" + citizens.subjectKeyOf(person).hex() + "\"");
    }

    private static List<Long> offeredRecordIds(String candidate) {
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("name=\"recordIds\" value=\"(\\d+)\"").matcher(candidate);
        while (m.find()) {
            ids.add(Long.valueOf(m.group(1)));
        }
        return ids;
    }

    /** Where a record id would show: a form value, a data attribute, a link to the record, or the words "记录 N". */
    private static void assertNoRecordIdIn(String page, List<Long> ids) {
        for (long id : ids) {
            assertThat(page).doesNotContain("value=\"" + id + "\"").doesNotContainPattern("记录 " + id + "(?!\\d)")
                    .doesNotContain("、" + id + "）").doesNotContainPattern("data-[\\w-]+=\"" + id + "\"")
                    .doesNotContainPattern("/records/" + id + "(?!\\d)").doesNotContainPattern("recordIds=" + id + "(?!\\d)");
        }
    }

    /** Every run of digits on the page in order, leaving out the CSRF tokens, which are new on every rendering. */
    private static List<String> numbersIn(String page) {
        String withoutTokens = page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
        List<String> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("\\d+").matcher(withoutTokens);
        while (m.find()) {
            numbers.add(m.group());
        }
        return numbers;
    }
}
