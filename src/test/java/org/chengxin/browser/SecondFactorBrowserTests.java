package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.chengxin.organization.Accounts;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.TestTotp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator's first login in a browser (issue 19, item 1): the password, then the enrolment page with its QR
 * code and secret; the code an authenticator app would show for that secret (computed here) enrols it; the recovery
 * codes are shown once; the workbench opens. Then a second login asks for the code and takes it.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class SecondFactorBrowserTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Accounts accounts;

    @Autowired
    Clock clock;

    @Test
    void anAdministratorEnrolsTotpAndLogsInWithIt(Browser browser) {
        String admin = "browser-admin-" + System.nanoTime() % 1_000_000;
        accounts.createStaff(admin, "测试安全管理员" + admin, Role.SECURITY_ADMIN, DepartmentCode.of(fixtures.department()), Fixtures.PASSWORD);

        browser.submitLogin(admin, Fixtures.PASSWORD);
        browser.await(ExpectedConditions.urlContains("/login/second-factor/enrolment"));
        assertThat(browser.driver().findElements(By.cssSelector("#totp-qr svg"))).as("the QR code is drawn").hasSize(1);
        String secret = browser.text("totp-secret").replace(" ", "");
        browser.find(By.id("code")).sendKeys(TestTotp.code(secret, clock.instant()));
        browser.find(By.id("enrolment-submit")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
        assertThat(browser.driver().findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        browser.find(By.id("recovery-codes-done")).click();
        browser.awaitHomePage();
        browser.logOut();

        browser.submitLogin(admin, Fixtures.PASSWORD);
        browser.await(ExpectedConditions.urlMatches("/login/second-factor$"));
        browser.find(By.id("code")).sendKeys(TestTotp.nextCode(secret, clock));
        browser.find(By.id("second-factor-submit")).click();
        browser.awaitHomePage();
        browser.open("/admin/second-factor-resets");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/second-factor-resets");
        assertThat(browser.driver().getPageSource()).contains(admin);
    }
}
