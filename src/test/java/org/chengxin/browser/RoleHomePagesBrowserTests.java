package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.chengxin.shared.security.Role;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each role logs in through the real login page in a real browser and lands on its own home page.
 * Citizens log in with their full ID number, so the assertions about it are written as yes/no
 * checks: a failing assertion must not print the number (nor a page that might contain it).
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class RoleHomePagesBrowserTests {

    @Autowired
    Fixtures fixtures;

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN", "DATA_OFFICER", "REVIEWER", "CLERK", "AUDITOR", "LEADER"})
    void staffMemberLandsOnTheRoleHomePageWithTheDepartment(Role role, Browser browser) {
        browser.logIn(fixtures.staff(role), Fixtures.PASSWORD);

        assertThat(browser.text("home-title")).isEqualTo(role.label() + "工作台");
        assertThat(browser.text("home-department")).isNotBlank();
        browser.screenshot(role.name().toLowerCase());
    }

    @Test
    void citizenLandsOnTheCitizenHomePageAndSeesOnlyTheMaskedIdNumber(Browser browser) {
        String idNumber = fixtures.citizenWithAccount().value();
        String masked = idNumber.substring(0, 6) + "*".repeat(8) + idNumber.substring(14);

        browser.logIn(idNumber, Fixtures.PASSWORD);

        assertThat(browser.text("home-title")).isEqualTo(Role.CITIZEN.label() + "工作台");
        String page = browser.pageSource();
        assertThat(page.contains(masked)).as("the home page shows the masked ID number").isTrue();
        assertThat(page.contains(idNumber)).as("the home page must not contain the full ID number").isFalse();
        browser.screenshot("citizen");
    }

    @Test
    void wrongPasswordShowsTheLoginError(Browser browser) {
        browser.submitLogin(fixtures.staff(Role.CLERK), "Wrong-Passw0rd");

        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(browser.driver().getCurrentUrl()).contains("/login");
    }

    @Test
    void clerkOpeningTheAuditLogGetsTheChineseForbiddenPage(Browser browser) {
        browser.logIn(fixtures.staff(Role.CLERK), Fixtures.PASSWORD);

        browser.open("/audit");

        String body = browser.find(By.tagName("body")).getText();
        assertThat(body).contains("没有权限").contains("403");
        assertThat(browser.driver().findElements(By.id("home-title"))).isEmpty();
    }
}
