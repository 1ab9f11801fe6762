package org.chengxin.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, item 1: a department pushes a 双公示 penalty (销售超过保质期的食品, 《食品安全法》第一百二十四条, 罚款人民币五千元)
 * and every output shows what the penalty was for, its own legal basis, its result and its authority, labelled in
 * Chinese: the report's JSON and PDF, the citizen's pages, the officer's record page, the reviewer's page and the
 * measure check. The report's basis column is the decision's basis; the catalog item's basis for collecting the
 * record stays on a line of its own.
 */
@ChengxinIntegrationTest
class RecordSubstanceIntegrationTests {

    private static final String NAME = "名单测试";
    private static final String FACTS = "销售超过保质期的食品";
    private static final String BASIS = "《中华人民共和国食品安全法》第一百二十四条";
    private static final String RESULT = "罚款人民币五千元";
    private static final String AUTHORITY = "岳阳市市场监督管理局";
    private static final String COLLECTION_BASIS = "《中华人民共和国行政处罚法》第四十八条";
    /** A Java map as toString prints it: {honourLevel=市级, …}. */
    private static final Pattern JAVA_MAP = Pattern.compile("\\{[A-Za-z]+=");

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationRegister register;

    @Autowired
    Records records;

    @Autowired
    MutableClock clock;

    @Test
    void theIssuesPenaltyShowsItsFactsBasisResultAndAuthorityInEveryOutput() throws Exception {
        Http http = new Http(port);
        IdNumber person = fixtures.citizenWithAccount();
        register.register(person, NAME, "测试");
        SubjectKey subject = citizens.subjectKeyOf(person);
        // a department of the test's own (the demo's 市场监督管理局 keeps its name), and the tax office for a serious record
        String department = fixtures.department();
        String market = http.token(fixtures.apiClientOf(department, "records:write"), Fixtures.PASSWORD, "records:write");
        String tax = http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
        LocalDate decided = LocalDate.now(clock).minusDays(10);
        String document = "岳市监罚〔2026〕" + Math.floorMod(UUID.randomUUID().hashCode(), 100000) + "号";
        String csv = "CF_WSH,CF_CFMC,CF_CFLB1,CF_SY,CF_YJ,CF_XDR_MC,CF_XDR_SFZ,CF_JG,CF_NR_FK,CF_JDRQ,CF_XZJG,CF_ZT\n"
                + document + ",销售过期食品案,罚款," + FACTS + "," + BASIS + "," + NAME + "," + person.value() + "," + RESULT + ",0.5,"
                + decided + "," + AUTHORITY + ",0\n";
        Http.Response pushed = http.postFile("/api/v1/record-batches", market, "双公示.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("atomic", "false"));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(202);
        JsonNode batch = http.awaitBatch(market, pushed.json().get("id").asLong());
        assertThat(batch.get("accepted").asInt()).as(batch.toString()).isEqualTo(1);
        // a serious tax record too, so that the reviewer has a candidate and a measure rests on it
        SeriousDishonestyListAccess.pushSerious(http, tax, person, "YY-TX-001", "substance-" + UUID.randomUUID(), 5,
                "{\"facts\":\"虚假申报少缴个人所得税\",\"penaltyResult\":\"追缴税款并处罚款\",\"evadedAmount\":\"120000\","
                        + "\"authority\":\"国家税务总局岳阳市税务局\",\"basis\":\"《中华人民共和国税收征收管理法》第六十三条第一款\"}");
        CreditRecord penalty = records.allFor(subject).stream().filter(r -> r.itemCode().equals("YY-GN-002")).findFirst().orElseThrow();
        CreditRecord taxRecord = records.allFor(subject).stream().filter(r -> r.itemCode().equals("YY-TX-001")).findFirst().orElseThrow();
        // CF_NR_FK gives the fine in 万元: the item's 罚款金额（元）
        assertThat(penalty.content()).containsEntry("basis", BASIS).containsEntry("facts", FACTS).containsEntry("fineAmount", "5000");

        // the report as JSON: the decision's basis in the basis column, the catalog's on its own, the substance structured
        String reader = http.token(fixtures.apiClientOf("rsj", "reports:read"), Fixtures.PASSWORD, "reports:read");
        String request = "{\"idNumber\":\"" + person.value() + "\",\"basis\":\"DUTY\",\"duty\":\"公务员录用考察（《公务员法》第三十二条）\","
                + "\"purpose\":\"录用考察\"}";
        Http.Response report = http.postJson("/api/v1/reports", reader, request);
        assertThat(report.status()).isEqualTo(200);
        JsonNode line = null;
        for (JsonNode r : report.json().get("dishonesty")) {
            if (r.get("recordId").asLong() == penalty.id()) {
                line = r;
            }
        }
        assertThat(line).as("the penalty is in the report").isNotNull();
        assertThat(line.get("itemName").asString()).isEqualTo("行政处罚信息（一般）");
        assertThat(line.get("legalBasis").asString()).isEqualTo(BASIS);
        assertThat(line.get("collectionBasis").asString()).isEqualTo(COLLECTION_BASIS);
        JsonNode substance = line.get("substance");
        assertThat(substance.get("facts").asString()).isEqualTo(FACTS);
        assertThat(substance.get("decisionBasis").asString()).isEqualTo(BASIS);
        assertThat(substance.get("kind").asString()).isEqualTo("罚款");
        assertThat(substance.get("result").asString()).isEqualTo(RESULT);
        assertThat(substance.get("authority").asString()).isEqualTo(AUTHORITY);
        assertThat(substance.get("fields").get(0).get("label").asString()).isEqualTo("违法事实");
        assertThat(substance.get("fields").get(0).get("value").asString()).isEqualTo(FACTS);
        assertThat(substance.get("fields").get(1).get("label").asString()).isEqualTo("处罚依据");
        assertThat(report.body()).doesNotContain(person.value());

        // the PDF: each part on a labelled line under the record, the catalog's basis as 【收集依据】
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/reports/pdf")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + reader).POST(HttpRequest.BodyPublishers.ofString(request)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var documentPdf = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(documentPdf).replaceAll("\\s", "");
            assertContains(text, "违法事实：" + FACTS, "处罚依据：" + BASIS, "处罚类别：罚款", "处罚结果：" + RESULT, "处罚机关：" + AUTHORITY,
                    "罚款金额（元）：5000",
                    "【收集依据】" + COLLECTION_BASIS, "行政处罚信息（一般）");
            assertThat(text.contains(person.value())).isFalse();
        }

        MockMvc mvc = ApiContract.mockMvc(context);
        Authentication me = citizen(person, citizens.find(person).orElseThrow().id());

        // the citizen's report page and /my/credit
        String myReport = body(mvc, post("/my/report").param("purpose", ""), me);
        assertContains(myReport, "id=\"substance-" + penalty.id() + "\"", "<dt>违法事实</dt>", "<dd>" + FACTS + "</dd>", "<dt>处罚依据</dt>",
                "<dd>" + BASIS + "</dd>", "<dd>" + RESULT + "</dd>", "<dt>处罚机关</dt>", "收集依据：</strong><span>" + COLLECTION_BASIS);
        String myCredit = body(mvc, get("/my/credit"), me);
        assertContains(myCredit, "<dt>违法事实</dt>", "<dd>" + FACTS + "</dd>", "<dd>" + BASIS + "</dd>", "<dd>" + RESULT + "</dd>",
                "<dd>" + AUTHORITY + "</dd>", "<span class=\"decision-basis\">" + BASIS + "</span>", "收集依据：" + COLLECTION_BASIS);
        assertNoJavaMap(myCredit);

        // the officer's record page: labelled rows, the versions in Chinese, never a Java map
        Authentication officer = TestPrincipal.of(Role.DATA_OFFICER, department);
        String detail = body(mvc, get("/records/" + penalty.id()), officer);
        assertContains(detail, "<th>违法事实</th><td>" + FACTS + "</td>", "<th>处罚依据</th><td>" + BASIS + "</td>",
                "<th>处罚结果</th><td>" + RESULT + "</td>", "<th>处罚机关</th><td>" + AUTHORITY + "</td>",
                "<th>收集依据</th><td id=\"collection-basis\">" + COLLECTION_BASIS + "</td>", "违法事实：" + FACTS + "；处罚依据：" + BASIS);
        assertNoJavaMap(detail);

        // the reviewer's page: the candidate's record with what it says
        String lists = body(mvc, get("/lists/candidates/" + taxRecord.id()), TestPrincipal.of(Role.REVIEWER, "swj"));
        assertContains(lists, "id=\"basis-record-" + taxRecord.id() + "\"", "<dd>虚假申报少缴个人所得税</dd>", "<dt>处罚依据</dt>",
                "<dd>《中华人民共和国税收征收管理法》第六十三条第一款</dd>", "<dd>追缴税款并处罚款</dd>", "<dd>国家税务总局岳阳市税务局</dd>",
                "收集依据：《中华人民共和国税收征收管理法》第六十三条");
        assertNoJavaMap(lists);

        // the measure check: the record a punishment rests on, with what it says
        Authentication clerk = TestPrincipal.of(Role.CLERK, "yjj");
        MockHttpServletResponse checked = send(mvc, post("/checks").param("idNumber", person.value()).param("matterCode", "XZSP"), clerk);
        assertThat(checked.getRedirectedUrl()).matches("/checks/\\d+");
        String check = body(mvc, get(checked.getRedirectedUrl()), clerk);
        assertContains(check, "id=\"measure-CJ-RQSL\"", "违法事实：虚假申报少缴个人所得税；处罚依据：《中华人民共和国税收征收管理法》第六十三条第一款",
                "处罚结果：追缴税款并处罚款", "处罚机关：国家税务总局岳阳市税务局");
        assertThat(check.contains(person.value())).isFalse();
    }

    private static void assertNoJavaMap(String page) {
        assertThat(JAVA_MAP.matcher(page).find()).as("a record's content printed as a Java map").isFalse();
    }

    private static Authentication citizen(IdNumber number, long subjectId) {
        record Citizen(String displayName, Long subjectId) implements ChengxinPrincipal {
            @Override
            public Role role() {
                return Role.CITIZEN;
            }

            @Override
            public DepartmentCode departmentCode() {
                return null;
            }
        }
        return UsernamePasswordAuthenticationToken.authenticated(new Citizen(number.masked(), subjectId), null,
                List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));
    }

    private static MockHttpServletResponse send(MockMvc mvc, AbstractMockHttpServletRequestBuilder<?> request, Authentication who)
            throws Exception {
        return mvc.perform(request.with(csrf()).with(authentication(who))).andReturn().getResponse();
    }

    private static String body(MockMvc mvc, AbstractMockHttpServletRequestBuilder<?> request, Authentication who) throws Exception {
        MockHttpServletResponse response = send(mvc, request, who);
        assertThat(response.getStatus()).as("status").isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static void assertContains(String page, String... needles) {
        for (String needle : needles) {
            assertThat(page.contains(needle)).as("the page contains " + needle).isTrue();
        }
    }
}
