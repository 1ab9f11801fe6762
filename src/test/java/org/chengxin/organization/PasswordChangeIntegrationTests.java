package org.chengxin.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chengxin.identity.Citizens;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Staff and citizens change their own password, proving the current one. */
@ChengxinIntegrationTest
class PasswordChangeIntegrationTests {

    private static final String NEW_PASSWORD = "Brand-new-2026";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

    @Test
    void staffMemberChangesTheirPassword() {
        String clerk = fixtures.staff(Role.CLERK);
        var who = new TestPrincipal(clerk, Role.CLERK, null);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken
                        .authenticated(who, null, who.getAuthorities()));

        assertThatThrownBy(() -> accounts.changeOwnPassword(who, "not-the-password-1", NEW_PASSWORD))
                .isInstanceOf(ChengxinException.class).extracting("code").isEqualTo("ACCOUNT_WRONG_PASSWORD");
        assertThat(audit.count("action = 'auth.password-change' and outcome = 'DENIED' and actor = ?", who.displayName()))
                .as("a refused change is still recorded").isEqualTo(1);
        assertThatThrownBy(() -> accounts.changeOwnPassword(who, Fixtures.PASSWORD, "short"))
                .isInstanceOf(ChengxinException.class).extracting("code").isEqualTo("ACCOUNT_WEAK_PASSWORD");
        accounts.changeOwnPassword(who, Fixtures.PASSWORD, NEW_PASSWORD);

        Http http = new Http(port);
        assertThat(http.login(clerk, Fixtures.PASSWORD)).endsWith("/login?error");
        assertThat(http.login(clerk, NEW_PASSWORD)).endsWith("/home");
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void wrongCurrentPasswordsCountTowardsTheLockout() {
        String clerk = fixtures.staff(Role.CLERK);
        var who = new TestPrincipal(clerk, Role.CLERK, null);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> accounts.changeOwnPassword(who, "guess-number-1", NEW_PASSWORD));
        }
        assertThat(new Http(port).login(clerk, Fixtures.PASSWORD)).as("locked after five guesses").endsWith("/login?error");
    }

    @Test
    void citizenChangesTheirPassword() {
        IdNumber citizen = fixtures.citizenWithAccount();
        Http http = new Http(port);
        assertThat(http.login(citizen.value(), Fixtures.PASSWORD)).endsWith("/home");
        long subjectId = subjectIdOf(citizen);

        accounts.changeOwnPassword(new CitizenWho(citizen.masked(), subjectId), Fixtures.PASSWORD, NEW_PASSWORD);

        assertThat(http.login(citizen.value(), NEW_PASSWORD)).endsWith("/home");
        assertThat(audit.count("action = 'auth.password-change' and outcome = 'SUCCESS'")).isGreaterThanOrEqualTo(1);
    }

    @Autowired
    Citizens citizens;

    private long subjectIdOf(IdNumber number) {
        return citizens.find(number).orElseThrow().id();
    }

    record CitizenWho(String displayName, Long subjectId) implements ChengxinPrincipal {
        @Override
        public Role role() {
            return Role.CITIZEN;
        }

        @Override
        public DepartmentCode departmentCode() {
            return null;
        }
    }
}
