package org.chengxin.firms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordStatus;
import org.chengxin.records.Records;
import org.chengxin.shared.firm.ResponsibleRole;
import org.chengxin.shared.firm.Uscc;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Firms and their responsible persons (issue 18 item 3), as a department pushes them: a firm's tax evasion naming its legal
 * representative becomes the firm's record and the person's, whose standing then carries the measure the catalog says, and
 * whose revocation takes both off; a 双公示 file in GBK with firms' rows keeps no person's number for a firm's ordinary
 * penalty and refuses rows that name nobody or a wrong code; a representative not matching the register refuses the
 * whole row. Every firm, person and number here is made up.
 */
@ChengxinIntegrationTest
class FirmRecordsIntegrationTests {

    private static final Charset GBK = Charset.forName("GBK");
    private static final DepartmentCode TAX = DepartmentCode.of("swj");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationRegister register;

    @Autowired
    Records records;

    @Autowired
    FirmRecords firms;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebApplicationContext context;

    static String syntheticUscc() {
        StringBuilder s = new StringBuilder("91430600");
        for (int i = 0; i < 9; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString() + Uscc.checkCharacter(s.toString());
    }

    private static String taxEvasion(String source, String uscc, String firmName, String persons) {
        return "{\"sourceId\":\"" + source + "\",\"itemCode\":\"YY-TX-001\",\"uscc\":\"" + uscc + "\",\"name\":\"" + firmName + "\","
                + persons + "\"decisionDate\":\"" + LocalDate.now().minusDays(5) + "\",\"documentNumber\":\"岳税稽罚〔2026〕"
                + source.hashCode() % 1000 + "号\",\"content\":{\"facts\":\"虚列成本少缴企业所得税\",\"penaltyResult\":\"追缴税款并处罚款\","
                + "\"evadedAmount\":\"380000\",\"authority\":\"国家税务总局岳阳市税务局稽查局\"}}";
    }

    private JsonNode push(Http http, String token, String... rows) {
        Http.Response accepted = http.postJson("/api/v1/record-batches", token, "{\"records\":[" + String.join(",", rows) + "]}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return http.awaitBatch(token, accepted.json().get("id").asLong());
    }

    private static List<String> codes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        report.get("rejections").forEach(r -> codes.add(r.get("code").asString()));
        return codes;
    }

    private static List<String> punishments(JsonNode check) {
        List<String> codes = new ArrayList<>();
        check.get("punishments").forEach(m -> codes.add(m.get("code").asString()));
        return codes;
    }

    @Test
    void aFirmsTaxEvasionNamingItsLegalRepresentativeReachesThePersonsStandingAndTheMeasureUntilRevoked() throws Exception {
        Http http = new Http(port);
        String token = http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
        IdNumber representative = fixtures.syntheticIdNumber();
        register.register(representative, "贺法人", "测试");
        String uscc = syntheticUscc();
        String source = "firm-" + UUID.randomUUID();

        JsonNode report = push(http, token, taxEvasion(source, uscc, "岳阳市某某贸易有限公司",
                "\"legalRepresentative\":\"贺法人\",\"legalRepresentativeIdNumber\":\"" + representative.value() + "\","));

        assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.get("rejected").asInt()).isZero();
        FirmRecord firmRecord = firms.findBySource(TAX, source).orElseThrow();
        assertThat(firmRecord.uscc().value()).isEqualTo(uscc);
        assertThat(firmRecord.firmName()).isEqualTo("岳阳市某某贸易有限公司");
        assertThat(firmRecord.personSources()).containsExactly(Map.entry(ResponsibleRole.LEGAL_REPRESENTATIVE, source + "#FR"));
        CreditRecord personal = records.findBySource(TAX, source + "#FR").orElseThrow();
        assertThat(personal.subject()).isEqualTo(citizens.subjectKeyOf(representative));
        assertThat(personal.itemCode()).isEqualTo("YY-TX-001");
        assertThat(personal.content()).containsEntry("firmUscc", uscc).containsEntry("responsibleRole", "法定代表人")
                .containsEntry("facts", "虚列成本少缴企业所得税");
        // the firm's own record keeps no personal data
        assertThat(jdbc.queryForObject("select content::text from firms_record where source_id = ?", String.class, source))
                .doesNotContain(representative.value()).doesNotContain("贺法人");

        // the person's standing: the measure the catalog's matter says rests on the record the firm's row made
        String checkToken = http.token(fixtures.apiClientOf("yjj", "measures:check"), Fixtures.PASSWORD, "measures:check");
        String body = "{\"idNumber\":\"" + representative.value() + "\",\"matterCode\":\"RCJG\"}";
        JsonNode inspection = http.postJson("/api/v1/measure-checks", checkToken, body).json();
        assertThat(punishments(inspection)).contains("CJ-JCPC");
        JsonNode jcpc = inspection.get("punishments").get(punishments(inspection).indexOf("CJ-JCPC"));
        assertThat(jcpc.get("records").get(0).get("recordId").asLong()).isEqualTo(personal.id());

        // a department's system reads the firm's records by its code; the persons by role and source id only
        Http.Response read = http.get("/api/v1/firms/" + uscc + "/records", token);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("name").asString()).isEqualTo("岳阳市某某贸易有限公司");
        assertThat(read.json().get("records").get(0).get("inForce").asBoolean()).isTrue();
        assertThat(read.json().get("records").get(0).get("responsiblePersons").get("LEGAL_REPRESENTATIVE").asString()).isEqualTo(source + "#FR");
        assertThat(read.body()).doesNotContain(representative.value());

        // the staff page shows the firm's record and the person's record by its number
        var reviewer = authentication(TestPrincipal.of(Role.REVIEWER, "swj"));
        String page = ApiContract.mockMvc(context).perform(get("/firms/" + uscc).with(reviewer)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("岳阳市某某贸易有限公司", "偷税", "法定代表人：记录 #" + personal.id()).doesNotContain(representative.value());
        String found = ApiContract.mockMvc(context).perform(get("/firms").param("q", "某某贸易").with(reviewer)).andReturn()
                .getResponse().getContentAsString();
        assertThat(found).contains(uscc);

        // the same row again changes nothing
        JsonNode again = push(http, token, taxEvasion(source, uscc, "岳阳市某某贸易有限公司",
                "\"legalRepresentative\":\"贺法人\",\"legalRepresentativeIdNumber\":\"" + representative.value() + "\","));
        assertThat(again.get("unchanged").asInt()).as(again.toString()).isEqualTo(1);
        assertThat(firms.findBySource(TAX, source).orElseThrow().version()).isEqualTo(1);

        // the department revokes the firm's record: the person's goes with it, and the measure is off at once
        Http.Response revoked = http.postJson("/api/v1/firm-records/revocation", token,
                "{\"sourceId\":\"" + source + "\",\"reason\":\"行政复议撤销原处罚决定\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(records.find(personal.id()).orElseThrow().status()).isEqualTo(RecordStatus.REVOKED);
        JsonNode after = http.postJson("/api/v1/measure-checks", checkToken, body).json();
        assertThat(punishments(after)).doesNotContain("CJ-JCPC");
        JsonNode pushedAgain = push(http, token, taxEvasion(source, uscc, "岳阳市某某贸易有限公司", ""));
        assertThat(codes(pushedAgain)).containsExactly("RECORD_REVOKED");

        Http.Response unknown = http.postJson("/api/v1/firm-records/revocation", token, "{\"sourceId\":\"nope\",\"reason\":\"核实\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("FIRM_RECORD_NOT_FOUND");
        Http.Response badCode = http.get("/api/v1/firms/91430600ABC/records", token);
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().get("code").asString()).isEqualTo("USCC_WRONG_LENGTH");
    }

    @Test
    void aDoublePublicityFileInGbkKeepsAFirmsOrdinaryPenaltyAsTheFirmsAndRefusesRowsNamingNobodyOrAWrongCode() {
        Http http = new Http(port);
        String department = fixtures.department();
        String token = http.token(fixtures.apiClientOf(department, "records:write"), Fixtures.PASSWORD, "records:write");
        IdNumber representative = fixtures.syntheticIdNumber();
        String uscc = syntheticUscc();
        String wrong = uscc.substring(0, 17) + (uscc.endsWith("1") ? "2" : "1");
        String decided = LocalDate.now().minusDays(3).toString();
        String doc = "岳市监罚〔2026〕" + ThreadLocalRandom.current().nextInt(100000) + "号";
        String csv = "CF_WSH,CF_CFLB1,CF_SY,CF_XDR_LB,CF_XDR_MC,CF_XDR_SHXYM,CF_FRDB,CF_FR_ZJLX,CF_FR_ZJHM,CF_XDR_SFZ,CF_JG,CF_JDRQ,CF_XZJG\r\n"
                + doc + ",罚款,未按规定公示年度报告,法人及非法人组织,岳阳市某某餐饮有限公司," + uscc + ",钟代表,身份证,"
                + representative.value() + ",,罚款五千元," + decided + ",岳阳市市场监督管理局\r\n"
                + doc + "B,罚款,事实,法人及非法人组织,岳阳市另一有限公司," + wrong + ",,,,,罚款," + decided + ",岳阳市市场监督管理局\r\n"
                + doc + "C,罚款,事实,法人及非法人组织,岳阳市第三有限公司,,,,,,罚款," + decided + ",岳阳市市场监督管理局\r\n";

        Http.Response accepted = http.postFile("/api/v1/record-batches", token, "双公示-法人.csv", csv.getBytes(GBK), Map.of("charset", "GBK"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode report = http.awaitBatch(token, accepted.json().get("id").asLong());

        assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(codes(report)).containsExactlyInAnyOrder("USCC_BAD_CHECK_CHARACTER", "SUBJECT_CODE_MISSING");
        DepartmentCode dept = DepartmentCode.of(department);
        FirmRecord stored = firms.ofFirm(Uscc.of(uscc)).get(0);
        assertThat(stored.itemCode()).isEqualTo("YY-GN-002");
        assertThat(stored.firmName()).isEqualTo("岳阳市某某餐饮有限公司");
        assertThat(stored.content()).containsEntry("facts", "未按规定公示年度报告");
        // an ordinary penalty reaches nobody: no person's record, and the representative's number is kept nowhere
        assertThat(stored.personSources()).isEmpty();
        assertThat(records.findBySource(dept, stored.sourceId() + "#FR")).isEmpty();
        assertThat(records.ofDepartment(dept, 0, 10)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from firms_record where content::text like ?", Long.class,
                "%" + representative.value() + "%")).isZero();
    }

    @Test
    void aRepresentativeNotMatchingTheRegisterRefusesTheWholeRowAndAMinorPenaltyRefusesFirms() {
        Http http = new Http(port);
        String token = http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
        IdNumber representative = fixtures.syntheticIdNumber();
        register.register(representative, "龙登记", "测试");
        String uscc = syntheticUscc();
        String source = "firm-" + UUID.randomUUID();

        JsonNode report = push(http, token, taxEvasion(source, uscc, "岳阳市某某建材有限公司",
                "\"legalRepresentative\":\"龙别名\",\"legalRepresentativeIdNumber\":\"" + representative.value() + "\","));

        assertThat(report.get("accepted").asInt()).as(report.toString()).isZero();
        assertThat(codes(report)).containsExactly("RESPONSIBLE_NAME_MISMATCH");
        assertThat(report.get("rejections").get(0).get("field").asString()).isEqualTo("legalRepresentative");
        assertThat(firms.findBySource(TAX, source)).isEmpty();
        assertThat(records.findBySource(TAX, source + "#FR")).isEmpty();
        assertThat(firms.firm(Uscc.of(uscc))).isEmpty();

        String minor = "{\"sourceId\":\"" + source + "-m\",\"itemCode\":\"YY-GN-003\",\"uscc\":\"" + uscc + "\",\"name\":\"岳阳市某某建材有限公司\","
                + "\"decisionDate\":\"" + LocalDate.now().minusDays(2) + "\",\"documentNumber\":\"岳税简罚〔2026〕1号\",\"content\":{"
                + "\"penaltyType\":\"警告\",\"facts\":\"逾期申报\",\"authority\":\"岳阳市税务局\"}}";
        assertThat(codes(push(http, token, minor))).containsExactly("LEGAL_PERSON_NOT_SUPPORTED");
    }

    @Test
    void aCorrectionThatNoLongerNamesThePersonRevokesTheirRecordAndOneNamingAnotherMovesIt() {
        Http http = new Http(port);
        String token = http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
        IdNumber first = fixtures.syntheticIdNumber();
        IdNumber second = fixtures.syntheticIdNumber();
        String uscc = syntheticUscc();
        String source = "firm-" + UUID.randomUUID();
        String named = "\"responsiblePerson\":\"甲责任\",\"responsiblePersonIdNumber\":\"" + first.value() + "\",";
        push(http, token, taxEvasion(source, uscc, "岳阳市某某物流有限公司", named));
        CreditRecord firstRecord = records.findBySource(TAX, source + "#ZR").orElseThrow();
        assertThat(firstRecord.subject()).isEqualTo(citizens.subjectKeyOf(first));

        // the decision corrected to name another person under the same role: the record follows the person named now
        JsonNode moved = push(http, token, taxEvasion(source, uscc, "岳阳市某某物流有限公司",
                "\"responsiblePerson\":\"乙责任\",\"responsiblePersonIdNumber\":\"" + second.value() + "\","));
        assertThat(moved.get("corrected").asInt()).as(moved.toString()).isEqualTo(1);
        assertThat(records.findBySource(TAX, source + "#ZR").orElseThrow().subject()).isEqualTo(citizens.subjectKeyOf(second));

        // corrected again to name nobody: the person's record is revoked, the firm's stays
        JsonNode dropped = push(http, token, taxEvasion(source, uscc, "岳阳市某某物流有限公司", ""));
        assertThat(dropped.get("corrected").asInt()).as(dropped.toString()).isEqualTo(1);
        assertThat(records.findBySource(TAX, source + "#ZR").orElseThrow().status()).isEqualTo(RecordStatus.REVOKED);
        FirmRecord firm = firms.findBySource(TAX, source).orElseThrow();
        assertThat(firm.status()).isEqualTo("ACTIVE");
        // the firm's own record changed once: when it no longer named the person (the person it names is its persons' record)
        assertThat(firm.version()).isEqualTo(2);
        assertThat(firm.personSources()).isEmpty();
    }
}
