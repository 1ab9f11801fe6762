package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.chengxin.shared.security.Role;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each role logs in through the real login page in a real browser and lands on its own home page.
 * Citizens log in with their full ID number, so the assertions about it are written as yes/no
 * checks: a failing assertion must not print the number (nor a page that might contain it).
 */
@Tag("browser")
@ChengxinIntegrationTest
class RoleHomePagesBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        // A fresh browser per test: no session cookie carries over from another role.
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "DATA_OFFICER", "REVIEWER", "CLERK", "AUDITOR"})
    void staffMemberLandsOnTheRoleHomePageWithTheDepartment(Role role) {
        logIn(fixtures.staff(role), Fixtures.PASSWORD);
        awaitHomePage();

        assertThat(text("home-title")).isEqualTo(role.label() + "工作台");
        assertThat(text("home-department")).isNotBlank();
        chromium.screenshot(role.name().toLowerCase());
    }

    @Test
    void citizenLandsOnTheCitizenHomePageAndSeesOnlyTheMaskedIdNumber() {
        String idNumber = fixtures.citizenWithAccount().value();
        String masked = idNumber.substring(0, 6) + "*".repeat(8) + idNumber.substring(14);

        logIn(idNumber, Fixtures.PASSWORD);
        awaitHomePage();

        assertThat(text("home-title")).isEqualTo(Role.CITIZEN.label() + "工作台");
        String page = browser.getPageSource();
        assertThat(page.contains(masked)).as("the home page shows the masked ID number").isTrue();
        assertThat(page.contains(idNumber)).as("the home page must not contain the full ID number").isFalse();
        chromium.screenshot("citizen");
    }

    @Test
    void wrongPasswordShowsTheLoginError() {
        logIn(fixtures.staff(Role.CLERK), "Wrong-Passw0rd");

        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(browser.getCurrentUrl()).contains("/login");
    }

    @Test
    void clerkOpeningTheAuditLogGetsTheChineseForbiddenPage() {
        logIn(fixtures.staff(Role.CLERK), Fixtures.PASSWORD);
        awaitHomePage();

        browser.get(url("/audit"));

        String body = browser.findElement(By.tagName("body")).getText();
        assertThat(body).contains("没有权限").contains("403");
        assertThat(browser.findElements(By.id("home-title"))).isEmpty();
    }

    private void logIn(String account, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("account")).sendKeys(account);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    /** The click only starts the form post; wait for the redirect to land before reading the page. */
    private void awaitHomePage() {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlMatches("/home$"));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("home-title")));
        assertThat(browser.getCurrentUrl()).endsWith("/home");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
