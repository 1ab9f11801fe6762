package org.chengxin.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

/** The administrator registers a department, its staff and its business system, all from the pages. */
@ChengxinIntegrationTest
class AdministrationPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiClients clients;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
    }

    @Test
    void registersADepartmentThenAStaffMemberWhoCanLogIn() throws Exception {
        String code = "page-" + System.nanoTime() % 1_000_000;
        String body = "11430600" + String.format("P%08d", System.nanoTime() % 100_000_000);
        String uscc = body + UnifiedSocialCreditCode.checkCharacter(body);

        String redirect = mvc.perform(post("/admin/departments").with(admin()).with(csrf())
                        .param("code", code).param("name", "岳阳市测试局").param("kind", "GOVERNMENT")
                        .param("uscc", uscc).param("regionCode", "430600"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(redirect).isEqualTo("/admin/departments");
        String again = mvc.perform(post("/admin/departments").with(admin()).with(csrf())
                        .param("code", code).param("name", "覆盖尝试").param("kind", "GOVERNMENT")
                        .param("uscc", uscc).param("regionCode", "430600"))
                .andReturn().getResponse().getContentAsString();
        assertThat(again).as("registering a code twice never overwrites").contains("DEPARTMENT_EXISTS");

        String username = "page-officer-" + System.nanoTime() % 1_000_000;
        mvc.perform(post("/admin/staff").with(securityAdmin()).with(csrf()).param("username", username)
                .param("displayName", "测试报送员").param("role", "DATA_OFFICER").param("departmentCode", code)
                .param("password", Fixtures.PASSWORD));

        assertThat(new Http(port).login(username, Fixtures.PASSWORD)).as("an administrator-set password is changed first")
                .endsWith("/account/password?required");
        assertThat(audit.count("action = 'organization.staff-create' and actor = 'security_admin-test' and detail like ?", "%" + username + "%"))
                .isEqualTo(1);
    }

    @Test
    void refusesABadCreditCodeOrAWeakPasswordWithItsCode() throws Exception {
        String page = mvc.perform(post("/admin/departments").with(admin()).with(csrf())
                        .param("code", "bad-uscc").param("name", "错误代码局").param("kind", "GOVERNMENT")
                        .param("uscc", "11430600MB0001000A").param("regionCode", "430600"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("DEPARTMENT_INVALID_USCC").contains("校验码");

        String staffPage = mvc.perform(post("/admin/staff").with(securityAdmin()).with(csrf()).param("username", "weak-one")
                        .param("displayName", "弱密码").param("role", "CLERK").param("departmentCode", fixtures.department())
                        .param("password", "short"))
                .andReturn().getResponse().getContentAsString();
        assertThat(staffPage).contains("ACCOUNT_WEAK_PASSWORD");
        assertThat(accounts.staffExists("weak-one")).isFalse();
    }

    @Test
    void aDepartmentCodeNoDepartmentCanHaveIsRefusedOnTheFormsLikeAnUnknownOne() throws Exception {
        for (String code : new String[] {"no-such-dept", "SCJG", "市监局", "s"}) {
            var staff = mvc.perform(post("/admin/staff").with(securityAdmin()).with(csrf()).param("username", "nodept-one")
                            .param("displayName", "无部门").param("role", "CLERK").param("departmentCode", code)
                            .param("password", Fixtures.PASSWORD))
                    .andReturn().getResponse();
            assertThat(staff.getStatus()).as(code).isEqualTo(200);
            assertThat(staff.getContentAsString()).as(code).contains("DEPARTMENT_NOT_FOUND").contains("所属部门不存在");

            var client = mvc.perform(post("/admin/clients").with(admin()).with(csrf()).param("clientId", "nodept-client")
                            .param("name", "无部门系统").param("departmentCode", code).param("scopes", "identity:validate"))
                    .andReturn().getResponse();
            assertThat(client.getStatus()).as(code).isEqualTo(200);
            assertThat(client.getContentAsString()).as(code).contains("DEPARTMENT_NOT_FOUND").contains("部门不存在：");
        }
        assertThat(accounts.staffExists("nodept-one")).isFalse();
        assertThat(clients.exists("nodept-client")).isFalse();
    }

    @Test
    void registersABusinessSystemWhoseSecretIsShownOnceAndWorks() throws Exception {
        String clientId = "page-client-" + System.nanoTime() % 1_000_000;
        String page = mvc.perform(post("/admin/clients").with(admin()).with(csrf()).param("clientId", clientId)
                        .param("name", "测试业务系统").param("departmentCode", fixtures.department())
                        .param("scopes", "identity:validate"))
                .andReturn().getResponse().getContentAsString();
        String secret = page.replaceAll("(?s).*<code id=\"secret-value\">([^<]+)</code>.*", "$1");
        assertThat(secret).hasSizeGreaterThan(20);

        Http http = new Http(port);
        assertThat(http.tokenResponse(clientId, secret, "identity:validate").status()).isEqualTo(200);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/admin/clients")
                .with(admin())).andReturn().getResponse().getContentAsString()).contains(clientId).doesNotContain(secret);
    }

    @Test
    void aLockedStaffMemberIsUnlockedByTheAdministrator() throws Exception {
        Http http = new Http(port);
        String clerk = fixtures.staff(Role.CLERK);
        for (int i = 0; i < 5; i++) {
            http.login(clerk, "wrong-password-" + i);
        }
        assertThat(http.login(clerk, Fixtures.PASSWORD)).endsWith("/login?error");
        long id = accounts.staff().stream().filter(a -> a.username().equals(clerk)).findFirst().orElseThrow().id();
        assertThat(accounts.staff().stream().filter(a -> a.id() == id).findFirst().orElseThrow().lockedUntil()).isNotNull();

        mvc.perform(post("/admin/staff/" + id + "/unlock").with(securityAdmin()).with(csrf()));

        assertThat(http.login(clerk, Fixtures.PASSWORD)).endsWith("/home");
    }

    /** Staff accounts, their roles and lockouts are the security administrator's (三员分立). */
    private static RequestPostProcessor securityAdmin() {
        return authentication(TestPrincipal.of(Role.SECURITY_ADMIN, "fgw"));
    }

    private static RequestPostProcessor admin() {
        return authentication(TestPrincipal.of(Role.SYSTEM_ADMIN, "fgw"));
    }
}
