package org.chengxin.standing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.chengxin.identity.Citizens;
import org.chengxin.lists.Decision;
import org.chengxin.lists.ListEntry;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** POST /api/v1/credit-status: grade, points, lists, three-years-clean and disputed flags, audited. */
@ChengxinIntegrationTest
class CreditStatusApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    @Test
    void aPersonWithoutRecordsHasTheStartingPointsAndIsClean() {
        Http http = new Http(port);
        String client = fixtures.apiClient("reports:read");
        String token = http.token(client, Fixtures.PASSWORD, "reports:read");
        IdNumber person = fixtures.syntheticIdNumber();

        Http.Response answer = http.postJson("/api/v1/credit-status", token, body(person.value(), "行政审批容缺受理核查"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("idNumber").asString()).isEqualTo(person.masked());
        assertThat(answer.json().get("points").asInt()).isEqualTo(1000);
        assertThat(answer.json().get("grade").asString()).isEqualTo("A");
        assertThat(answer.json().get("threeYearsClean").asBoolean()).isTrue();
        assertThat(answer.json().get("disputed").asBoolean()).isFalse();
        assertThat(answer.json().get("seriouslyDishonest").asBoolean()).isFalse();
        assertThat(answer.json().get("lists").size()).isZero();
        assertThat(answer.json().get("goodCredit").size()).isZero();
        assertThat(answer.body()).doesNotContain(person.value());
        assertThat(audit.count("action = 'lists.credit-status' and actor = ? and subject_index = ? and purpose = ?", client,
                citizens.subjectKeyOf(person), "行政审批容缺受理核查")).isEqualTo(1);
    }

    @Test
    void aSeriousRecordAndAListEntryShowInTheStatus() {
        Http http = new Http(port);
        String tax = http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
        String token = http.token(fixtures.apiClient("reports:read"), Fixtures.PASSWORD, "reports:read");
        IdNumber person = fixtures.syntheticIdNumber();
        SubjectKey subject = citizens.subjectKeyOf(person);
        String morals = http.token(fixtures.apiClientOf("wmb", "records:write"), Fixtures.PASSWORD, "records:write");
        LocalDate honoured = LocalDate.now(clock).minusMonths(6);
        SeriousDishonestyListAccess.pushBody(http, morals, "{\"records\":[{\"sourceId\":\"honour-" + UUID.randomUUID()
                + "\",\"itemCode\":\"YY-GN-004\",\"idNumber\":\"" + person.value() + "\",\"name\":\"状态测试\",\"decisionDate\":\""
                + honoured + "\",\"documentNumber\":\"岳文明〔2026〕3号\",\"content\":{\"honourTitle\":\"岳阳市诚信道德模范\","
                + "\"awardingAuthority\":\"市文明委\"}}]}");
        var honour = http.postJson("/api/v1/credit-status", token, body(person.value(), "评优评先资格审查")).json();
        assertThat(honour.get("points").asInt()).isEqualTo(1030);
        assertThat(honour.get("grade").asString()).isEqualTo("AA");
        assertThat(honour.get("threeYearsClean").asBoolean()).isTrue();
        assertThat(honour.get("goodCredit").size()).isEqualTo(1);
        assertThat(honour.get("goodCredit").get(0).get("itemCode").asString()).isEqualTo("YY-GN-004");
        assertThat(honour.get("goodCredit").get(0).get("departmentCode").asString()).isEqualTo("wmb");
        assertThat(honour.get("goodCredit").get(0).get("decisionDate").asString()).isEqualTo(honoured.toString());

        SeriousDishonestyListAccess.push(http, tax, person, "status-" + UUID.randomUUID());
        long recordId = records.allFor(subject).stream().filter(r -> r.itemCode().equals("YY-TX-001")).findFirst().orElseThrow().id();

        var before = http.postJson("/api/v1/credit-status", token, body(person.value(), "公共资源交易资格审查")).json();
        assertThat(before.get("points").asInt()).isEqualTo(1030 - 150);
        assertThat(before.get("grade").asString()).isEqualTo("B");
        assertThat(before.get("threeYearsClean").asBoolean()).isFalse();
        assertThat(before.get("recordsCounted").asInt()).isEqualTo(2);
        assertThat(before.get("goodCredit").size()).as("the honour stays a good-credit record").isEqualTo(1);
        assertThat(before.get("seriouslyDishonest").asBoolean()).isFalse();

        LocalDate today = LocalDate.now(clock);
        ListEntry entry = SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(subject, "岳税认〔2026〕9号", "《中华人民共和国税收征收管理法》第六十三条",
                "偷税数额较大", today, today.plusYears(1), List.of(recordId)));

        var after = http.postJson("/api/v1/credit-status", token, body(person.value(), "公共资源交易资格审查")).json();
        assertThat(after.get("seriouslyDishonest").asBoolean()).isTrue();
        assertThat(after.get("lists").size()).isEqualTo(1);
        assertThat(after.get("lists").get(0).get("entryId").asLong()).isEqualTo(entry.id());
        assertThat(after.get("lists").get(0).get("list").asString()).isEqualTo("SERIOUS_DISHONESTY");
        assertThat(after.get("lists").get(0).get("endDate").asString()).isEqualTo(today.plusYears(1).toString());
    }

    @Test
    void refusalsHaveCodesAndNeverEchoTheNumber() {
        Http http = new Http(port);
        String token = http.token(fixtures.apiClient("reports:read"), Fixtures.PASSWORD, "reports:read");
        IdNumber person = fixtures.syntheticIdNumber();

        Http.Response noPurpose = http.postJson("/api/v1/credit-status", token, body(person.value(), "  "));
        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.json().get("code").asString()).isEqualTo("CREDIT_STATUS_PURPOSE_REQUIRED");

        String wrongCheck = person.value().substring(0, 17) + (person.value().endsWith("0") ? "1" : "0");
        Http.Response invalid = http.postJson("/api/v1/credit-status", token, body(wrongCheck, "资格审查"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("code").asString()).startsWith("ID_");
        assertThat(invalid.body()).doesNotContain(wrongCheck);

        String writer = http.token(fixtures.apiClient("records:write"), Fixtures.PASSWORD, "records:write");
        assertThat(http.postJson("/api/v1/credit-status", writer, body(person.value(), "资格审查")).status()).isEqualTo(403);
    }

    private static String body(String idNumber, String purpose) {
        return "{\"idNumber\":\"" + idNumber + "\",\"purpose\":\"" + purpose + "\"}";
    }
}
