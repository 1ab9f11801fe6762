package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.Decision;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.PublicDecisionQuery;
import org.chengxin.records.Records;
import org.chengxin.records.RecordStatus;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The public portal publishes only what the rules allow. One synthetic person has a licence, a general penalty, a
 * minor one, a serious one and the serious-dishonesty entry resting on it, one about to expire, one repaired and one
 * revoked; every public page and open-data answer is walked: only what may be shown is there, masked, and the
 * person's full number is in no byte. Then the clock passes the ends of the periods.
 */
@ChengxinIntegrationTest
class PublicPortalIntegrationTests {

    private static final String NAME = "周生命";
    private static final String MASKED_NAME = "周**";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Records records;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationRegister register;

    @Autowired
    MutableClock clock;

    @Autowired
    WebApplicationContext context;

    @Value("${chengxin.portal.public-requests-per-minute}")
    int perMinute;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The decision numbers of one run: ASCII, short of ten digits, and unique to the run. */
    private final String tag = "PT" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT)
            .replaceAll("[0-9]", "Q");

    @Test
    void onlyWhatMayBePublishedIsPublishedMaskedAndGoneAtTheEndOfItsPeriod() {
        Http http = new Http(port);
        String department = fixtures.department();
        String general = http.token(fixtures.apiClientOf(department, "records:write"), Fixtures.PASSWORD, "records:write");
        String tax = http.token(fixtures.apiClientOf(fixtures.departmentWithCode("swj"), "records:write"), Fixtures.PASSWORD, "records:write");
        IdNumber person = fixtures.syntheticIdNumber();
        register.register(person, NAME, "测试");
        SubjectKey subject = citizens.subjectKeyOf(person);
        LocalDate today = LocalDate.now(clock);
        String penaltyContent = "{\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示信息\",\"penaltyResult\":\"罚款500元\",\"authority\":\"测试部门\"}";

        push(http, general, person, "YY-GN-001", "L", today.minusDays(20), "{\"licenseName\":\"食品经营许可\",\"licenseNumber\":\"JY-1\","
                + "\"licenseContent\":\"预包装食品销售\"}");
        push(http, general, person, "YY-GN-002", "G", today.minusDays(30), penaltyContent);
        push(http, general, person, "YY-GN-003", "M", today.minusDays(10), "{\"penaltyType\":\"警告\",\"facts\":\"占用疏散通道\",\"authority\":\"测试部门\"}");
        push(http, general, person, "YY-GN-002", "E", today.minusDays(355), penaltyContent);
        push(http, general, person, "YY-GN-002", "R", today.minusDays(40), penaltyContent);
        push(http, general, person, "YY-GN-002", "V", today.minusDays(50), penaltyContent);
        push(http, tax, person, "YY-TX-001", "S", today.minusDays(15),
                "{\"facts\":\"少缴税款\",\"penaltyResult\":\"追缴并罚款\",\"evadedAmount\":\"120000\",\"authority\":\"税务局\"}");
        records.markRepaired(record(department, "R").id(), "已履行处罚决定，信用修复");
        records.revoke(record(department, "V").id(), DepartmentCode.of(department), "复议撤销原处罚决定");
        // a general penalty on a person of sixteen: published for nobody, now or when the person is grown up
        IdNumber minor = fixtures.syntheticIdNumberBornOn(today.minusYears(16));
        register.register(minor, "吴少年", "测试");
        push(http, general, minor, "YY-GN-002", "Y", today.minusDays(20), penaltyContent, "吴少年");
        assertThat(record(department, "Y").status()).as("stored, and kept from the public").isEqualTo(RecordStatus.ACTIVE);
        long serious = record("swj", "S").id();
        SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(subject, doc("LIST"),
                "《中华人民共和国税收征收管理法》第六十三条", "偷税数额较大", today, today.plusDays(10), List.of(serious)));

        String published = search(http);
        assertThat(published).contains(doc("L"), doc("G"), doc("E"), doc("S"), "行政许可", "行政处罚", "预包装食品销售", "罚款500元",
                MASKED_NAME, person.masked());
        assertThat(published).as("minor, repaired and revoked decisions are never published")
                .doesNotContain(doc("M"), doc("R"), doc("V"), "占用疏散通道");
        assertThat(published).as("nor a decision about a minor").doesNotContain(doc("Y"), "吴**", minor.masked());
        assertThat(published).as("the facts are not published").doesNotContain("未按规定公示信息");
        JsonNode json = http.get("/api/v1/public/double-publicity?doc=" + tag + "&size=100", null).json();
        assertThat(json.get("total").asLong()).isEqualTo(4);
        assertThat(json.get("totalExact").asBoolean()).isTrue();
        PublicDecisionQuery byTag = new PublicDecisionQuery(Set.of("YY-GN-001", "YY-GN-002", "YY-TX-001"), tag, Set.of(), null, null);
        assertThat(records.countPublicDecisions(byTag, 100)).isEqualTo(4);
        assertThat(records.countPublicDecisions(byTag, 2)).as("the count stops where it is told to").isEqualTo(2);
        assertThat(json.get("items").findValuesAsString("maskedName")).containsOnly(MASKED_NAME);
        assertThat(json.get("items").findValuesAsString("maskedId")).containsOnly(person.masked());
        assertThat(listed(http)).contains(doc("LIST"), "偷税数额较大", MASKED_NAME, person.masked(), "偷税（逃避缴纳税款）");

        List<String> everything = walk(http);
        assertThat(everything).allSatisfy(body -> assertThat(body).doesNotContain(person.value()).doesNotContain(NAME)
                .doesNotContain(minor.value()).doesNotContain(doc("Y")));

        Http.Response byNumber = http.get("/public/double-publicity?q=" + person.value(), null);
        assertThat(byNumber.body()).contains("id-search-hint").doesNotContain(MASKED_NAME, person.masked(), person.value());
        JsonNode apiByNumber = http.get("/api/v1/public/double-publicity?q=" + person.value(), null).json();
        assertThat(apiByNumber.get("total").asLong()).isZero();
        assertThat(apiByNumber.get("notice").asString()).contains("身份证号码");
        assertThat(http.get("/api/v1/public/double-publicity?doc=" + person.value().substring(0, 12), null).json().get("total").asLong())
                .as("nor a part of the number").isZero();

        // the list entry's last day passes, then the old penalty's period (its 12 months from the decision)
        clock.advance(Duration.ofDays(11));
        assertThat(listed(http)).doesNotContain(doc("LIST"));
        assertThat(search(http)).contains(doc("S"), doc("G")).doesNotContain(doc("E"));

        clock.set(today.minusDays(30).plusMonths(12).atStartOfDay(clock.getZone()).toInstant().plus(Duration.ofHours(12)));
        assertThat(search(http)).as("removed on the day its period ends").doesNotContain(doc("G")).contains(doc("S"), doc("L"));
        clock.set(today.minusDays(30).plusMonths(12).minusDays(1).atStartOfDay(clock.getZone()).toInstant()
                .plus(Duration.ofHours(12)));
        assertThat(search(http)).as("and shown on its last day").contains(doc("G"));
    }

    @Test
    void theOpenDataIsPagedAndRefusesBadPagesWithAStableCode() {
        Http http = new Http(port);
        Http.Response tooBig = http.get("/api/v1/public/serious-dishonesty?size=101", null);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body()).contains("PUBLIC_PAGE_INVALID");
        Http.Response tooDeep = http.get("/api/v1/public/double-publicity?size=100&page=100", null);
        assertThat(tooDeep.status()).as("row 10,001 onwards is not paged to").isEqualTo(400);
        assertThat(tooDeep.body()).contains("PUBLIC_PAGE_TOO_DEEP").contains("缩小查询范围");
        Http.Response deepest = http.get("/api/v1/public/double-publicity?size=100&page=99", null);
        assertThat(deepest.status()).as("the last page within reach, past the end here: empty").isEqualTo(200);
        assertThat(deepest.json().get("items").size()).isZero();
        Http.Response badDate = http.get("/api/v1/public/double-publicity?from=yesterday", null);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("PUBLIC_DATE_INVALID");
        Http.Response csv = http.get("/api/v1/public/double-publicity.csv?size=5", null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(csv.body()).startsWith("\uFEFF类别,行政相对人,身份证号码");
        Http.Response odd = http.get("/api/v1/public/double-publicity?dept=NOT_A_CODE&item=nothing", null);
        assertThat(odd.status()).as("a department or item that is none matches nothing").isEqualTo(200);
        assertThat(odd.json().get("total").asLong()).isZero();
        Http.Response page = http.get("/public/double-publicity?from=2026-13-45&page=x&dept=NOT_A_CODE", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("bad-date");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void anAddressAskingTooOftenIsRefusedWithPublicRateLimited() throws Exception {
        MockMvc mvc = ApiContract.mockMvc(context);
        String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 250);
        MvcResult api = untilRefused(mvc, "/api/v1/public/serious-dishonesty?size=1", address);
        assertThat(api.getResponse().getStatus()).isEqualTo(429);
        assertThat(api.getResponse().getContentAsString()).contains("PUBLIC_RATE_LIMITED");
        MvcResult page = untilRefused(mvc, "/public/double-publicity", address);
        assertThat(page.getResponse().getStatus()).isEqualTo(429);
        // MockMvc does not forward to the error page: the refusal it would show is the request's
        assertThat(page.getRequest().getAttribute("chengxin.error")).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("PUBLIC_RATE_LIMITED"));
        String other = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 250);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/v1/public/serious-dishonesty?size=1").with(r -> {
            r.setRemoteAddr(other);
            return r;
        })).andReturn().getResponse().getStatus()).as("another address has its own bucket").isEqualTo(200);
    }

    /** Asks from one address until refused (the bucket refills as it goes: at most twice its size). */
    private MvcResult untilRefused(MockMvc mvc, String path, String address) throws Exception {
        MvcResult last = null;
        for (int i = 0; i < 2 * perMinute + 2; i++) {
            last = mvc.perform(MockMvcRequestBuilders.get(path).with(r -> {
                r.setRemoteAddr(address);
                return r;
            })).andReturn();
            if (last.getResponse().getStatus() != 200) {
                return last;
            }
        }
        return last;
    }

    private String doc(String kind) {
        return "YY" + tag + "-" + kind;
    }

    private void push(Http http, String token, IdNumber person, String itemCode, String kind, LocalDate decided, String content) {
        push(http, token, person, itemCode, kind, decided, content, NAME);
    }

    private void push(Http http, String token, IdNumber person, String itemCode, String kind, LocalDate decided, String content,
            String name) {
        SeriousDishonestyListAccess.pushBody(http, token, "{\"records\":[{\"sourceId\":\"" + tag + "-" + kind + "\",\"itemCode\":\""
                + itemCode + "\",\"idNumber\":\"" + person.value() + "\",\"name\":\"" + name + "\",\"decisionDate\":\"" + decided
                + "\",\"documentNumber\":\"" + doc(kind) + "\",\"content\":" + content + "}]}");
    }

    private CreditRecord record(String department, String kind) {
        return records.findBySource(DepartmentCode.of(department), tag + "-" + kind).orElseThrow();
    }

    /** The 双公示 page and its open data, searched by this run's decision numbers. */
    private String search(Http http) {
        Http.Response page = http.get("/public/double-publicity?doc=" + tag, null);
        assertThat(page.status()).isEqualTo(200);
        return page.body() + http.get("/api/v1/public/double-publicity?doc=" + tag + "&size=100", null).body()
                + http.get("/api/v1/public/double-publicity.csv?doc=" + tag + "&size=100", null).body();
    }

    /** Every page of the serious-dishonesty list, as JSON and CSV, and its first page. */
    private String listed(Http http) {
        StringBuilder all = new StringBuilder(http.get("/public/serious-dishonesty", null).body());
        JsonNode first = http.get("/api/v1/public/serious-dishonesty?size=100", null).json();
        for (int p = 0; p < first.get("pages").asInt(); p++) {
            all.append(http.get("/api/v1/public/serious-dishonesty?size=100&page=" + p, null).body());
            all.append(http.get("/api/v1/public/serious-dishonesty.csv?size=100&page=" + p, null).body());
        }
        return all.toString();
    }

    /** Every public page and answer, with and without searches. */
    private List<String> walk(Http http) {
        List<String> bodies = new ArrayList<>();
        for (String path : List.of("/", "/public/double-publicity", "/public/double-publicity?doc=" + tag, "/public/double-publicity?q=YY-GN-002",
                "/public/serious-dishonesty", "/api/v1/public/double-publicity?size=100", "/api/v1/public/double-publicity.csv?size=100",
                "/catalog", "/measures", "/verify")) {
            Http.Response r = http.get(path, null);
            assertThat(r.status()).as(path).isEqualTo(200);
            bodies.add(r.body());
        }
        bodies.add(search(http));
        bodies.add(listed(http));
        return bodies;
    }
}
