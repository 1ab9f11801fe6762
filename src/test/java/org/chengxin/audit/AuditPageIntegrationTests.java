package org.chengxin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/** The auditor's page: filtered, paged, in words with the codes in tooltips, exported to XLSX, and itself audited. */
@ChengxinIntegrationTest
class AuditPageIntegrationTests {

    private static final Authentication AUDITOR = TestPrincipal.of(Role.AUDITOR, "fgw");

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AuditRecords audit;

    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    String actor;

    String department;

    @BeforeEach
    void entries() {
        mvc = ApiContract.mockMvc(context);
        actor = "auditpage-" + ThreadLocalRandom.current().nextInt(1_000_000);
        department = fixtures.department();
        Actor who = new Actor(actor, "CLERK", DepartmentCode.of(department));
        for (int i = 0; i < 45; i++) {
            events.publishEvent(AuditEvent.of(who, Instant.now(), "records.view", null, "窗口查询", AuditOutcome.SUCCESS, "查看第" + i + "条"));
        }
        events.publishEvent(AuditEvent.of(who, Instant.now(), "records.revoke", null, "纠错", AuditOutcome.DENIED, "无权撤销"));
    }

    @Test
    void entriesAreFilteredPagedAndShownInWordsWithTheCodesInTooltips() throws Exception {
        String page = body(get("/audit").param("actor", actor).param("size", "20"));
        assertThat(page).contains("符合条件 <strong>46</strong> 条", "第 <span>1</span> / <span>3</span> 页")
                .contains("<span class=\"action\" title=\"records.view\">查看信用记录</span>")
                .contains("<span title=\"CLERK\">窗口人员</span>", "<span title=\"" + department + "\">测试部门" + department.substring("dept-".length()) + "</span>")
                .contains("title=\"DENIED\" class=\"tag disputed\">被拒绝</span>", "无权撤销")
                .as("numbered pages keep the filter").contains("href=\"/audit?page=3&amp;size=20&amp;actor=" + actor + "\"");
        assertThat(rows(page)).isEqualTo(20);

        String last = body(get("/audit").param("actor", actor).param("size", "20").param("page", "3"));
        assertThat(rows(last)).isEqualTo(6);

        String denied = body(get("/audit").param("actor", actor).param("outcome", "DENIED"));
        assertThat(denied).contains("符合条件 <strong>1</strong> 条", "撤销信用记录").doesNotContain("查看第1条");

        String byAction = body(get("/audit").param("actor", actor).param("action", "records.revoke"));
        assertThat(byAction).contains("符合条件 <strong>1</strong> 条");
        assertThat(audit.count("action = 'audit.view' and detail like ?", "%操作人=" + actor + "%")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aBadDateIsSaidPlainlyAndTheClerkMayNotLook() throws Exception {
        MockHttpServletResponse bad = mvc.perform(get("/audit").param("from", "2026-13-45").with(authentication(AUDITOR)))
                .andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("起始日期格式应为 yyyy-MM-dd", "AUDIT_FILTER_INVALID");
        String reversed = body(get("/audit").param("from", "2026-12-05").param("to", "2026-12-01"));
        assertThat(reversed).contains("截止日期不能早于起始日期");

        assertThat(mvc.perform(get("/audit").with(authentication(TestPrincipal.of(Role.CLERK, "zwfw")))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/audit/export.xlsx").with(authentication(TestPrincipal.of(Role.CLERK, "zwfw")))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theFilteredEntriesExportToXlsxAndTheExportIsAudited() throws Exception {
        MockHttpServletResponse file = mvc.perform(get("/audit/export.xlsx").param("actor", actor).param("outcome", "SUCCESS")
                .with(authentication(AUDITOR))).andReturn().getResponse();
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getHeader("Content-Disposition")).contains("attachment", "filename*=UTF-8''");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.getContentAsByteArray()))) {
            Sheet sheet = book.getSheet("审计日志");
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("操作");
            assertThat(sheet.getLastRowNum()).as("45 successful entries, the denied one left out").isEqualTo(45);
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("查看信用记录");
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("records.view");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("窗口人员");
        }
        assertThat(audit.count("action = 'audit.export' and detail like ?", "%导出审计日志 45 条%" + actor + "%")).isEqualTo(1);
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(AUDITOR))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static int rows(String page) {
        String table = page.substring(page.indexOf("id=\"audit-entries\""), page.indexOf("</table>", page.indexOf("id=\"audit-entries\"")));
        return table.split("<td data-label=\"序号\"", -1).length - 1;
    }
}
