package org.chengxin.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.Role;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Five wrong passwords lock an account for fifteen minutes; every attempt is audited. The login page
 * answers a locked account like a wrong password, so the lock is seen by the right password failing.
 */
@ChengxinIntegrationTest
class LoginLockoutIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditRecords audit;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void staffAccountLocksAfterFiveFailuresAndOpensAgainAfterFifteenMinutes() {
        String clerk = fixtures.staff(Role.CLERK);
        assertThat(http.login(clerk, Fixtures.PASSWORD)).endsWith("/home");

        for (int i = 0; i < 4; i++) {
            assertThat(http.login(clerk, "wrong-password-" + i)).endsWith("/login?error");
        }
        assertThat(http.login(clerk, Fixtures.PASSWORD)).as("four failures do not lock").endsWith("/home");

        for (int i = 0; i < 5; i++) {
            http.login(clerk, "wrong-password-" + i);
        }
        assertThat(http.login(clerk, Fixtures.PASSWORD)).as("locked even with the right password").endsWith("/login?error");

        clock.advance(Duration.ofMinutes(14));
        assertThat(http.login(clerk, Fixtures.PASSWORD)).endsWith("/login?error");
        clock.advance(Duration.ofMinutes(2));
        assertThat(http.login(clerk, Fixtures.PASSWORD)).endsWith("/home");
    }

    @Test
    void citizenAccountLocksTooAndIsAuditedUnderItsBlindIndex() {
        IdNumber citizen = fixtures.citizenWithAccount();
        for (int i = 0; i < 5; i++) {
            http.login(citizen.value(), "wrong-password-" + i);
        }
        assertThat(http.login(citizen.value(), Fixtures.PASSWORD)).endsWith("/login?error");

        assertThat(audit.count("action = 'auth.login' and outcome = 'DENIED' and actor = ? and subject_index is not null",
                citizen.masked())).isEqualTo(6);
    }

    @Test
    void successfulLoginIsAudited() {
        String auditor = fixtures.staff(Role.AUDITOR);
        http.login(auditor, Fixtures.PASSWORD);

        assertThat(audit.count("action = 'auth.login' and outcome = 'SUCCESS' and actor = ? and role = 'AUDITOR'", auditor))
                .isEqualTo(1);
    }

    @Test
    void unknownAccountsAreRefusedLikeWrongPasswords() {
        assertThat(http.login("nobody-" + System.nanoTime(), Fixtures.PASSWORD)).endsWith("/login?error");
    }
}
