package org.chengxin.figures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.chengxin.figures.PublicFigures.Snapshot;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.Decision;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The public figures (issue 15, item 3): a pushed dishonesty record counts in its domain's month and among the
 * records in force, a listing among the entries in force; the page and the JSON are public, hold counts only, and
 * the page draws its charts with the ECharts WebJar and a static script (the CSP forbids inline script).
 */
@ChengxinIntegrationTest
class PublicFiguresIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    CachedPublicFigures figures;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PopulationRegister register;

    @Autowired
    Citizens citizens;

    @Autowired
    Records records;

    @Autowired
    SeriousDishonestyList list;

    @Test
    void aPushedRecordAndAListingCountAndThePageAndJsonHoldCountsOnly() {
        Http http = new Http(port);
        Snapshot before = figures.read(Instant.now());
        IdNumber number = fixtures.syntheticIdNumber();
        register.register(number, "名单测试", "测试");
        String source = "figures-" + UUID.randomUUID();
        SeriousDishonestyListAccess.push(http, http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write"),
                number, source);
        long recordId = records.findBySource(DepartmentCode.of("swj"), source).orElseThrow().id();
        LocalDate today = LocalDate.now();
        SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(citizens.subjectKeyOf(number), "岳税认〔2026〕99号",
                "《中华人民共和国税收征收管理法》第六十三条", "偷税数额较大", today, today.plusYears(1), List.of(recordId)));

        Snapshot after = figures.read(Instant.now());
        assertThat(after.inForceByKind().getOrDefault("失信信息", 0L)).isEqualTo(before.inForceByKind().getOrDefault("失信信息", 0L) + 1);
        assertThat(total(after)).isEqualTo(total(before) + 1);
        assertThat(after.listEntries()).isEqualTo(before.listEntries() + 1);
        assertThat(after.months()).hasSize(12);
        assertThat(after.months().get(11).toString()).isEqualTo(today.toString().substring(0, 7));

        Http.Response json = http.get("/api/v1/public/figures", null);
        assertThat(json.status()).as("no token needed").isEqualTo(200);
        JsonNode body = json.json();
        assertThat(body.get("charts").get("recordsByDomain").get("series").isArray()).isTrue();
        assertThat(body.get("charts").get("inForceByKind").get("series").get(0).get("type").asString()).isEqualTo("pie");
        assertThat(body.get("months").size()).isEqualTo(12);
        assertThat(json.body()).doesNotContain(number.value()).doesNotContain(number.masked());

        Http.Response page = http.get("/public/figures", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("数据统计", "data-chart=\"recordsByDomain\"", "/webjars/echarts/5.3.1/dist/echarts.min.js",
                "/js/figures.js", "id=\"table-in-force\"").doesNotContain(number.value());
        assertThat(page.body().replaceAll("<script[^>]*src=\"[^\"]*\"[^>]*></script>", "")).as("no inline script").doesNotContain("<script");
        assertThat(http.get("/webjars/echarts/5.3.1/dist/echarts.min.js", null).status()).as("the chart library is served").isEqualTo(200);
        assertThat(http.get("/js/figures.js", null).status()).isEqualTo(200);
    }

    private static long total(Snapshot s) {
        return s.recordsByDomain().values().stream().mapToLong(series -> series.get(11)).sum();
    }
}
