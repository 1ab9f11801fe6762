package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.chengxin.identity.Citizens;
import org.chengxin.inquiry.Authorizations;
import org.chengxin.inquiry.domain.ReportScope;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whatever another department or organization holds is answered exactly like what does not exist:
 * the same status, code and message, so no endpoint tells a caller whether a resource, or a person's
 * authorization, is there.
 */
@ChengxinIntegrationTest
class NoExistenceOracleIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    Authorizations authorizations;

    @Autowired
    MutableClock clock;

    Http http;
    long missing;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        missing = 9_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    @Test
    void anotherDepartmentsRecordIsRevokedLikeOneThatDoesNotExist() {
        IdNumber person = fixtures.syntheticIdNumber();
        String source = "oracle-" + UUID.randomUUID();
        SeriousDishonestyListAccess.push(http, token(fixtures.apiClientOf("swj", "records:write"), "records:write"), person, source);
        CreditRecord record = records.allFor(citizens.subjectKeyOf(person)).stream().filter(r -> r.sourceId().equals(source))
                .findFirst().orElseThrow();
        String other = token(fixtures.apiClient("records:write"), "records:write");
        String reason = "{\"reason\":\"复议撤销\"}";

        Http.Response foreign = http.postJson("/api/v1/records/" + record.id() + "/revocation", other, reason);
        Http.Response absent = http.postJson("/api/v1/records/" + missing + "/revocation", other, reason);
        Http.Response foreignSource = http.postJson("/api/v1/records/revocation", other,
                "{\"sourceId\":\"" + source + "\",\"reason\":\"复议撤销\"}");

        assertSameAnswer(foreign, absent, 404, "RECORD_NOT_FOUND");
        assertSameAnswer(foreignSource, absent, 404, "RECORD_NOT_FOUND");
        assertThat(records.find(record.id())).as("still in force").isPresent();
    }

    @Test
    void anotherDepartmentsBatchAndItsRejectionsAreAnsweredLikeOnesThatDoNotExist() {
        String own = token(fixtures.apiClient("records:write"), "records:write");
        Http.Response pushed = http.postJson("/api/v1/record-batches", own, "{\"records\":[{\"sourceId\":\"oracle\"}]}");
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(202);
        long batch = http.awaitBatch(own, pushed.json().get("id").asLong()).get("id").asLong();
        String other = token(fixtures.apiClient("records:write"), "records:write");

        for (String suffix : new String[] {"", "/rejections.csv", "/rejections.xlsx"}) {
            assertThat(http.get("/api/v1/record-batches/" + batch + suffix, own).status()).as("its own department reads it").isEqualTo(200);
            assertSameAnswer(http.get("/api/v1/record-batches/" + batch + suffix, other),
                    http.get("/api/v1/record-batches/" + missing + suffix, other), 404, "BATCH_NOT_FOUND");
        }
    }

    @Test
    void anotherDepartmentsMeasureCheckIsReadAndAnsweredLikeOneThatDoesNotExist() {
        String own = token(fixtures.apiClientOf("rsj", "measures:check"), "measures:check");
        Http.Response made = http.postJson("/api/v1/measure-checks", own,
                "{\"idNumber\":\"" + fixtures.syntheticIdNumber().value() + "\",\"matterCode\":\"GWY-LY\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long check = made.json().get("id").asLong();
        String other = token(fixtures.apiClientOf("yjj", "measures:check"), "measures:check");
        String feedback = "{\"measures\":[],\"outcome\":\"已办理\",\"handledOn\":\"" + LocalDate.now(clock) + "\"}";

        assertThat(http.get("/api/v1/measure-checks/" + check, own).status()).isEqualTo(200);
        assertSameAnswer(http.get("/api/v1/measure-checks/" + check, other), http.get("/api/v1/measure-checks/" + missing, other),
                404, "MEASURE_CHECK_NOT_FOUND");
        assertSameAnswer(http.postJson("/api/v1/measure-checks/" + check + "/feedback", other, feedback),
                http.postJson("/api/v1/measure-checks/" + missing + "/feedback", other, feedback), 404, "MEASURE_CHECK_NOT_FOUND");
    }

    @Test
    void aReportCallerLearnsNothingFromAnAuthorizationThatIsNotItsOwn() {
        String bank = fixtures.department();
        String token = token(fixtures.apiClientOf(bank, "reports:read"), "reports:read");
        IdNumber person = fixtures.syntheticIdNumber();
        IdNumber someoneElse = fixtures.syntheticIdNumber();
        LocalDate until = LocalDate.now(clock).plusDays(30);
        long ours = grant(person, "测试银行", bank, until);
        long toAnotherOrganization = grant(person, "另一家测试机构", fixtures.department(), until);
        long ofAnotherPerson = grant(someoneElse, "测试银行", bank, until);
        long withdrawnOfAnotherOrganization = grant(person, "另一家测试机构", fixtures.department(), until);
        authorizations.withdraw(withdrawnOfAnotherOrganization, citizens.subjectKeyOf(person), "不再办理");

        Http.Response absent = report(token, person, missing);

        assertThat(report(token, person, ours).status()).as("its own authorization is honoured").isEqualTo(200);
        assertSameAnswer(report(token, person, toAnotherOrganization), absent, 404, "INQUIRY_AUTHORIZATION_NOT_FOUND");
        assertSameAnswer(report(token, person, ofAnotherPerson), absent, 404, "INQUIRY_AUTHORIZATION_NOT_FOUND");
        assertSameAnswer(report(token, person, withdrawnOfAnotherOrganization), absent, 404, "INQUIRY_AUTHORIZATION_NOT_FOUND");
    }

    private long grant(IdNumber person, String name, String code, LocalDate until) {
        return authorizations.grant(citizens.subjectKeyOf(person), name, code, "贷款审查", ReportScope.PUBLIC, until).id();
    }

    private Http.Response report(String token, IdNumber person, long authorization) {
        return http.postJson("/api/v1/reports", token, "{\"idNumber\":\"" + person.value() + "\",\"basis\":\"AUTHORIZATION\","
                + "\"authorizationId\":" + authorization + ",\"purpose\":\"贷款审查\"}");
    }

    private String token(String client, String scope) {
        return http.token(client, Fixtures.PASSWORD, scope);
    }

    private static void assertSameAnswer(Http.Response foreign, Http.Response absent, int status, String code) {
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(status);
        assertThat(foreign.json().get("code").asString()).isEqualTo(code);
        assertThat(absent.status()).as(absent.body()).isEqualTo(status);
        assertThat(foreign.headers().firstValue("Content-Type")).isEqualTo(absent.headers().firstValue("Content-Type"));
        for (String field : new String[] {"code", "title", "detail", "type"}) {
            assertThat(foreign.json().get(field).asString()).as(field).isEqualTo(absent.json().get(field).asString());
        }
    }
}
