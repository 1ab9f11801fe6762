package org.chengxin.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

/**
 * 三员分立: an account has exactly one role, and no person (a name) holds two of the system, security and audit
 * administrators' roles; the accounts refuse it, and so does the database when the accounts are bypassed.
 */
@ChengxinIntegrationTest
class SeparatedAdministratorsIntegrationTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    @Test
    void anAccountHasOneRoleColumnHoldingOneOfTheKnownRoles() {
        List<String> roleColumns = jdbc.sql("""
                select column_name || ' ' || data_type from information_schema.columns
                where table_name = 'organization_staff_account' and column_name like '%role%'""").query(String.class).list();
        assertThat(roleColumns).as("one scalar role per account, no list of roles").containsExactly("role character varying");
        String department = fixtures.department();

        for (String role : List.of("ADMIN", "CLERK,AUDITOR", "{CLERK,LEADER}")) {
            assertThatThrownBy(() -> insert("two-roles-" + Math.abs(role.hashCode()), "两个角色", role, department))
                    .as(role).isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("organization_staff_account_role_check");
        }
    }

    @Test
    void aPersonHoldingOneAdministratorRoleIsRefusedAnother() {
        String name = "三员测试" + System.nanoTime() % 1_000_000;
        DepartmentCode department = DepartmentCode.of(fixtures.department());
        accounts.createStaff("sys-" + System.nanoTime() % 1_000_000, name, Role.SYSTEM_ADMIN, department, Fixtures.PASSWORD);

        for (Role other : List.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN, Role.SYSTEM_ADMIN)) {
            assertThatThrownBy(() -> accounts.createStaff("second-" + other.name().toLowerCase().replace('_', '-')
                    + System.nanoTime() % 1_000_000, name, other, department, Fixtures.PASSWORD))
                    .as(other.name()).isInstanceOfSatisfying(ChengxinException.class,
                            e -> assertThat(e.code()).isEqualTo("ACCOUNT_ADMINISTRATOR_ROLES_SEPARATED"));
        }
        // the same person may hold an ordinary role beside it: only the three administrators are kept apart
        accounts.createStaff("clerk-" + System.nanoTime() % 1_000_000, name, Role.CLERK, department, Fixtures.PASSWORD);

        assertThatThrownBy(() -> insert("bypass-" + System.nanoTime() % 1_000_000, name, "AUDIT_ADMIN", department.value()))
                .as("the database holds the rule when the accounts are bypassed")
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("organization_staff_account_one_administrator_role");
        assertThat(jdbc.sql("select count(*) from organization_staff_account where display_name = :n and role <> 'CLERK'")
                .param("n", name).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSecurityAdministratorsFormRefusesASecondAdministratorRoleInWords() throws Exception {
        String name = "三员表单" + System.nanoTime() % 1_000_000;
        accounts.createStaff("audit-" + System.nanoTime() % 1_000_000, name, Role.AUDIT_ADMIN,
                DepartmentCode.of(fixtures.department()), Fixtures.PASSWORD);
        String username = "form-sys-" + System.nanoTime() % 1_000_000;

        var page = ApiContract.mockMvc(context).perform(post("/admin/staff").with(csrf())
                        .with(authentication(TestPrincipal.of(Role.SECURITY_ADMIN, "fgw")))
                        .param("username", username).param("displayName", name).param("role", "SYSTEM_ADMIN")
                        .param("departmentCode", fixtures.department()).param("password", Fixtures.PASSWORD))
                .andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("ACCOUNT_ADMINISTRATOR_ROLES_SEPARATED").contains("同一人不得兼任");
        assertThat(accounts.staffExists(username)).isFalse();
    }

    @Test
    void anyAdministratorAnswersPerRoleAndOnlyForTheThree() {
        accounts.createStaff("per-role-" + System.nanoTime() % 1_000_000, "每角色" + System.nanoTime() % 1_000_000,
                Role.AUDIT_ADMIN, DepartmentCode.of(fixtures.department()), Fixtures.PASSWORD);

        assertThat(accounts.anyAdministrator(Role.AUDIT_ADMIN)).isTrue();
        assertThatThrownBy(() -> accounts.anyAdministrator(Role.AUDITOR)).isInstanceOf(IllegalArgumentException.class);
    }

    private void insert(String username, String name, String role, String department) {
        jdbc.sql("""
                insert into organization_staff_account (username, display_name, role, department_code, password_hash)
                values (:u, :n, :r, :d, 'x')""").param("u", username).param("n", name).param("r", role).param("d", department)
                .update();
    }
}
