package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.Decision;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An ID number reaches the platform in many ways (API bodies, broken JSON, logins, log calls,
 * exceptions); none of them may bring it back unmasked in a log line, an error body or a table.
 */
@ChengxinIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NoUnmaskedIdNumberIntegrationTests {

    /** The same shape the pre-stop hook looks for in test reports and logs. */
    static final Pattern FULL_ID = Pattern.compile(
            "\\b[1-9][0-9]{5}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]\\b");
    /** A candidate for a full number: 18 characters of that shape, not inside a longer run of digits. */
    private static final Pattern ID_SHAPED = Pattern.compile(
            "(?<![0-9])([1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx])(?![0-9])");
    private static final Logger log = LoggerFactory.getLogger(NoUnmaskedIdNumberIntegrationTests.class);

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Citizens citizens;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PopulationRegister register;

    @Autowired
    Records records;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    Clock clock;

    @Test
    void noLogLineErrorBodyOrStoredColumnCarriesAFullIdNumber(CapturedOutput output) {
        Http http = new Http(port);
        IdNumber person = fixtures.citizenWithAccount();
        String id = person.value();
        String badCheck = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        String token = http.token(fixtures.apiClient("identity:validate"), Fixtures.PASSWORD, "identity:validate");
        List<String> bodies = new ArrayList<>();

        bodies.add(http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":\"" + id + "\"}").body());
        bodies.add(http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":\"" + badCheck + "\"}").body());
        bodies.add(http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":\"" + id + "\"").body());
        bodies.add(http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":" + id + "}").body());
        bodies.add(http.postJson("/api/v1/identity/validations", token, "[\"" + id + "\"]").body());
        bodies.add(http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":\"" + "9".repeat(70) + id + "\"}").body());
        bodies.add(http.get("/api/v1/nothing-here", token).body());
        bodies.add(loginAttempt(http, id, "wrong-password-1"));
        bodies.add(loginAttempt(http, badCheck, "wrong-password-2"));
        log.info("检查日志脱敏：号码 {} 已收到", id);
        log.error("模拟的处理失败", new IllegalStateException("处理号码 " + id + " 时出错", new RuntimeException(id)));
        citizens.enroll(person);

        assertThat(bodies).allSatisfy(body -> assertThat(FULL_ID.matcher(body).find()).as("an answer leaks a number").isFalse());
        assertThat(FULL_ID.matcher(output.getAll()).find()).as("the log holds a full number").isFalse();
        assertThat(output.getAll()).contains("检查日志脱敏：号码 " + person.masked());
        assertThat(output.getAll()).contains("处理号码 " + person.masked());
        assertThat(columnsHolding(id)).as("columns holding the number in clear").isEmpty();
        assertThat(columnsHolding(badCheck)).as("columns holding the number in clear").isEmpty();
    }

    @Test
    void anIdNumberSentInAUrlComesBackMaskedInTheProblemAndNeverInTheLog(CapturedOutput output) {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        String id = person.value();
        String withX = id.substring(0, 17) + "X";
        String escaped = id.chars().mapToObj(c -> String.format("%%%02X", c)).collect(Collectors.joining());
        String records = http.token(fixtures.apiClient("records:write"), Fixtures.PASSWORD, "records:write");
        String checks = http.token(fixtures.apiClientOf("rsj", "measures:check"), Fixtures.PASSWORD, "measures:check");

        List<Http.Response> answers = List.of(
                http.get("/api/v1/record-batches/" + id, records),
                http.get("/api/v1/record-batches/" + escaped, records),
                http.get("/api/v1/record-batches/" + withX + "/rejections.csv", records),
                http.postJson("/api/v1/records/" + id + "/revocation", records, "{\"reason\":\"核对\"}"),
                http.get("/api/v1/measure-checks/" + id, checks),
                http.get("/api/v1/records/" + id + "/revocation", records),
                http.get("/api/v1/record-batches/" + id + "%2F1", records),
                http.get("/api/v1/record-batches/" + id + ";x=1", records));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.json().get("instance").asString()).as("the path asked for, masked").containsPattern("/430602\\*{8}[0-9X]{4}");
            assertThat(FULL_ID.matcher(answer.body()).find()).as(answer.body()).isFalse();
            assertThat(answer.body()).doesNotContain(escaped);
        });
        assertThat(FULL_ID.matcher(output.getAll()).find()).as("the log holds a full number").isFalse();
    }

    @Test
    void noColumnOfAnyTableHoldsAFullIdNumberOnceThePlatformHasBeenUsed() {
        Http http = new Http(port);
        IdNumber person = fixtures.citizenWithAccount();
        IdNumber other = fixtures.syntheticIdNumber();
        String id = person.value();
        String badCheck = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        SubjectKey subject = citizens.subjectKeyOf(person);
        String writer = http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
        String checker = http.token(fixtures.apiClientOf("rsj", "measures:check"), Fixtures.PASSWORD, "measures:check");
        String reader = http.token(fixtures.apiClientOf("rsj", "reports:read"), Fixtures.PASSWORD, "reports:read");
        register.register(person, "名单测试", "测试");
        assertThat(http.login(id, Fixtures.PASSWORD)).endsWith("/home");
        assertThat(http.login(fixtures.staff(Role.CLERK), Fixtures.PASSWORD)).endsWith("/home");
        String revokedClient = fixtures.apiClient("identity:validate");
        assertThat(http.revoke(revokedClient, Fixtures.PASSWORD, http.token(revokedClient, Fixtures.PASSWORD, "identity:validate"))
                .status()).isEqualTo(200);

        // records pushed, one rejected for its number, one revoked; the person listed
        SeriousDishonestyListAccess.push(http, writer, person, "mask-" + UUID.randomUUID());
        SeriousDishonestyListAccess.push(http, writer, other, "mask-" + UUID.randomUUID());
        long rejectedBatch = http.postJson("/api/v1/record-batches", writer, "{\"records\":[" + taxRecord(badCheck) + "]}")
                .json().get("id").asLong();
        assertThat(http.awaitBatch(writer, rejectedBatch).get("rejected").asInt()).isEqualTo(1);
        long recordId = records.allFor(subject).get(0).id();
        LocalDate today = LocalDate.now(clock);
        SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(subject, "岳税认〔2026〕" + Math.floorMod(id.hashCode(), 1000) + "号",
                "《中华人民共和国税收征收管理法》第六十三条", "偷税数额较大", today, today.plusYears(1), List.of(recordId)));
        long othersRecord = records.allFor(citizens.subjectKeyOf(other)).get(0).id();
        Http.Response revoked = http.postJson("/api/v1/records/" + othersRecord + "/revocation", writer, "{\"reason\":\"核对后撤销\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);

        // the person's standing asked, checked for a matter with feedback, reported on
        assertThat(http.postJson("/api/v1/credit-status", reader, "{\"idNumber\":\"" + id + "\",\"purpose\":\"脱敏核查\"}").status())
                .isEqualTo(200);
        Http.Response check = http.postJson("/api/v1/measure-checks", checker, "{\"idNumber\":\"" + id + "\",\"matterCode\":\"GWY-LY\"}");
        assertThat(check.status()).as(check.body()).isEqualTo(201);
        assertThat(http.postJson("/api/v1/measure-checks/" + check.json().get("id").asLong() + "/feedback", checker,
                feedbackOn(check.json(), today)).status()).isEqualTo(200);
        Http.Response report = http.postJson("/api/v1/reports", reader, "{\"idNumber\":\"" + id
                + "\",\"basis\":\"DUTY\",\"duty\":\"公务员录用考察\",\"purpose\":\"录用考察\"}");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(http.postJson("/api/v1/reports", reader, "{\"idNumber\":\"" + badCheck + "\",\"basis\":\"DUTY\",\"purpose\":\"考察\"}")
                .status()).isEqualTo(400);

        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name", String.class);
        assertThat(tables).as("the tables of the platform").hasSizeGreaterThanOrEqualTo(35).contains("records_record",
                "ingestion_rejection", "measures_check", "inquiry_report", "audit_entry", "event_publication");
        assertThat(fullIdNumbersInAnyColumn()).as("columns holding a full ID number in clear").isEmpty();
        assertThat(columnsHolding(id)).isEmpty();
        assertThat(columnsHolding(badCheck)).isEmpty();
        assertThat(columnsHolding(other.value())).isEmpty();
    }

    /**
     * Every column of every table of the schema, as text (bytea in PostgreSQL's escape form, where stored
     * UTF-8 text stays readable): each full number found, valid by its check character, is named by
     * table and column, masked. Its neighbours may be letters or Chinese, never digits. No column is
     * exempt: nothing the platform stores is shaped like an ID number without being one.
     */
    private List<String> fullIdNumbersInAnyColumn() {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns()) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String text = "bytea".equals(column.get("data_type")) ? "encode(\"" + name + "\", 'escape')" : "\"" + name + "\"::text";
            for (String value : jdbc.queryForList("select " + text + " from \"" + table + "\" where " + text + " ~ '[0-9]{17}[0-9Xx]'",
                    String.class)) {
                Matcher candidate = ID_SHAPED.matcher(value);
                while (candidate.find()) {
                    String number = candidate.group(1).toUpperCase();
                    if (IdNumber.checkCharacterOf(number.substring(0, 17)) == number.charAt(17)) {
                        found.add(table + "." + name + ": " + Masking.idNumber(number));
                    }
                }
            }
        }
        return found;
    }

    /** The columns in which a given number stands in clear, by table and column. */
    private List<String> columnsHolding(String number) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns()) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String text = "bytea".equals(column.get("data_type")) ? "encode(\"" + name + "\", 'escape')" : "\"" + name + "\"::text";
            if (jdbc.queryForObject("select count(*) from \"" + table + "\" where strpos(" + text + ", ?) > 0", Long.class, number) > 0) {
                found.add(table + "." + name);
            }
        }
        return found;
    }

    private List<Map<String, Object>> columns() {
        return jdbc.queryForList("select c.table_name, c.column_name, c.data_type from information_schema.columns c "
                + "join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name "
                + "where c.table_schema = 'public' and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position");
    }

    private String taxRecord(String idNumber) {
        return "{\"sourceId\":\"mask-" + UUID.randomUUID() + "\",\"itemCode\":\"YY-TX-001\",\"idNumber\":\"" + idNumber
                + "\",\"name\":\"名单测试\",\"decisionDate\":\"" + LocalDate.now(clock).minusDays(15) + "\",\"documentNumber\":\"岳税罚〔2026〕7号\","
                + "\"content\":{\"facts\":\"少缴税款\",\"penaltyResult\":\"追缴并罚款\",\"evadedAmount\":\"120000\",\"authority\":\"税务局\"}}";
    }

    /** Every measure of the check answered as applied. */
    private static String feedbackOn(JsonNode check, LocalDate today) {
        List<String> measures = new ArrayList<>();
        for (String kind : List.of("incentives", "punishments")) {
            check.get(kind).forEach(m -> measures.add("{\"code\":\"" + m.get("code").asString() + "\",\"applied\":true}"));
        }
        return "{\"measures\":[" + String.join(",", measures) + "],\"outcome\":\"已核查\",\"handledOn\":\"" + today + "\"}";
    }

    private String loginAttempt(Http http, String account, String password) {
        Http.Response page = http.get("/login", null);
        String cookie = page.headers().firstValue("Set-Cookie").orElse("").split(";")[0];
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        Http.Response answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("account=" + account + "&password=" + password + "&_csrf=" + csrf)));
        assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        return answer.body() + answer.headers().map();
    }
}
