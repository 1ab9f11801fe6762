package org.chengxin.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.context.WebApplicationContext;

/** The catalog is public, downloadable as templates, and changed only by publishing a new version. */
@ChengxinIntegrationTest
class CatalogIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    WebApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditRecords audit;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theCatalogInForceIsPublishedWithoutAToken() {
        Http.Response answer = new Http(port).get("/api/v1/catalog", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("domains")).hasSize(21);
        assertThat(answer.json().get("groups")).hasSize(16);
        assertThat(answer.json().get("items").size()).isGreaterThanOrEqualTo(69);
        answer.json().get("items").forEach(item -> {
            assertThat(item.get("legalBasis").get("law").asString()).isNotBlank();
            assertThat(item.get("legalBasis").get("article").asString()).isNotBlank();
        });
        assertThat(new Http(port).get("/api/v1/catalog?date=2020-01-01", null).json().get("code").asString())
                .isEqualTo("CATALOG_NOT_IN_FORCE");
    }

    @Test
    void templatesDownloadAsASpreadsheetUserExpects() throws Exception {
        Http http = new Http(port);
        var csv = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/catalog/items/YY-GN-002/template.csv")).GET());
        assertThat(csv.body()).startsWith("\uFEFF来源编号(sourceId),信息项代码(itemCode),身份证号(idNumber)").contains("违法事实(facts)");

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/catalog/items/YY-ED-001/template.xlsx")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(2).getStringCellValue()).isEqualTo("身份证号(idNumber)");
            assertThat(book.getSheet("填写说明").getRow(0).getCell(1).getStringCellValue()).startsWith("法律依据：");
        }
        assertThat(http.get("/catalog/items/NO-SUCH/template.csv", null).status()).isEqualTo(404);
    }

    @Test
    void anAdministratorPublishesANewItemAsAVersionFromItsEffectiveDate() throws Exception {
        var mvc = ApiContract.mockMvc(context);
        String code = "YY-TST-" + (System.nanoTime() % 900 + 100);
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);

        var result = mvc.perform(post("/admin/catalog").with(csrf()).with(authentication(TestPrincipal.of(Role.SYSTEM_ADMIN, "fgw")))
                        .param("code", code).param("name", "测试信息项").param("domain", "GENERAL").param("kind", "DISHONESTY")
                        .param("severity", "GENERAL").param("scope", "PUBLIC").param("minMonths", "3").param("maxMonths", "12")
                        .param("departments", "*").param("fields", "facts|违法事实|STRING|必填").param("law", "")
                        .param("article", "").param("effectiveFrom", tomorrow.toString()))
                .andReturn();
        String refused = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(refused).contains("CATALOG_INVALID").contains("法律依据");

        String published = mvc.perform(post("/admin/catalog").with(csrf()).with(authentication(TestPrincipal.of(Role.SYSTEM_ADMIN, "fgw")))
                        .param("code", code).param("name", "测试信息项").param("domain", "GENERAL").param("kind", "DISHONESTY")
                        .param("severity", "GENERAL").param("scope", "PUBLIC").param("minMonths", "3").param("maxMonths", "12")
                        .param("departments", "*").param("fields", "facts|违法事实|STRING|必填")
                        .param("law", "《中华人民共和国行政处罚法》").param("article", "第四十八条")
                        .param("effectiveFrom", tomorrow.toString()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(published).isEqualTo("/admin/catalog");

        assertThat(catalog.item(code)).as("not before its effective date").isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(catalog.item(code)).get().satisfies(i -> assertThat(i.legalBasis().article()).isEqualTo("第四十八条"));
        assertThat(audit.count("action = 'catalog.publish' and detail like ?", "%" + code + "%")).isEqualTo(1);
    }

    @Test
    void theEditorShowsAnItemsFieldsAsATableAndDepartmentsByNameAndPublishesWhatTheTableHolds() throws Exception {
        var mvc = ApiContract.mockMvc(context);
        var admin = authentication(TestPrincipal.of(Role.SYSTEM_ADMIN, "fgw"));
        String editor = mvc.perform(get("/admin/catalog").param("code", "YY-GN-002").with(admin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(editor).as("one row per field, its type and role picked in words")
                .contains("name=\"fieldName\" value=\"facts\"", "name=\"fieldLabel\" value=\"违法事实\"",
                        "<option value=\"DECIMAL\" selected=\"selected\">数值</option>", "<option value=\"FACTS\" selected=\"selected\">事由</option>")
                .as("departments by name, picked").containsPattern("name=\"departments\" value=\"\\*\" checked=\"checked\"")
                .contains("各政府部门（全部）").doesNotContain("逗号分隔").doesNotContain("字段名|中文名");

        // another test may have published a version that starts tomorrow: publish on the latest start, in force at once
        LocalDate latest = catalog.versions().stream().map(v -> v.effectiveFrom()).max(LocalDate::compareTo).orElseThrow();
        if (latest.isAfter(LocalDate.now(clock))) {
            clock.set(latest.atStartOfDay(clock.getZone()).plusHours(9).toInstant());
        }
        String code = "YY-TBL-" + (System.nanoTime() % 900 + 100);
        String refused = mvc.perform(post("/admin/catalog").with(csrf()).with(admin).param("code", code).param("name", "表格编辑测试")
                        .param("domain", "GENERAL").param("kind", "DISHONESTY").param("severity", "GENERAL").param("scope", "PUBLIC")
                        .param("minMonths", "3").param("maxMonths", "12").param("departments", "swj", "scjg")
                        .param("fieldName", "facts", "").param("fieldLabel", "", "").param("fieldType", "STRING", "STRING")
                        .param("fieldRequired", "true", "false").param("fieldRole", "FACTS", "OTHER")
                        .param("law", "《中华人民共和国行政处罚法》").param("article", "第四十八条"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("CATALOG_INVALID", "缺少中文名");

        var published = mvc.perform(post("/admin/catalog").with(csrf()).with(admin).param("code", code).param("name", "表格编辑测试")
                        .param("domain", "GENERAL").param("kind", "DISHONESTY").param("severity", "GENERAL").param("scope", "PUBLIC")
                        .param("minMonths", "3").param("maxMonths", "12").param("departments", "swj", "scjg")
                        .param("fieldName", "facts", "", "fineAmount").param("fieldLabel", "违法事实", "留空即删除", "罚款金额（元）")
                        .param("fieldType", "STRING", "STRING", "DECIMAL").param("fieldRequired", "true", "true", "false")
                        .param("fieldRole", "FACTS", "OTHER", "AMOUNT")
                        .param("law", "《中华人民共和国行政处罚法》").param("article", "第四十八条"))
                .andReturn().getResponse();
        assertThat(published.getRedirectedUrl()).as(published.getContentAsString(StandardCharsets.UTF_8).replaceAll("(?s).*<p class=\"error[^>]*>(.*?)</p>.*", "$1"))
                .isEqualTo("/admin/catalog");
        assertThat(catalog.item(code)).get().satisfies(i -> {
            assertThat(i.departments()).containsExactlyInAnyOrder("swj", "scjg");
            assertThat(i.fields()).extracting(f -> f.name() + "|" + f.label() + "|" + f.type() + "|" + f.required() + "|" + f.effectiveRole())
                    .containsExactly("facts|违法事实|STRING|true|FACTS", "fineAmount|罚款金额（元）|DECIMAL|false|AMOUNT");
        });
    }

    @Test
    void theCatalogPagesArePublic() {
        Http.Response page = new Http(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/catalog"))
                .header("Accept", "text/html").GET());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("个人公共信用信息目录").contains("食品药品").contains("志愿服务")
                .as("the city's name from the configuration").contains("诚信·岳阳市个人公共信用信息平台");
        assertThat(new String(page.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).contains("法律依据");
    }
}
