package org.chengxin.browser;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.chengxin.support.TestTotp;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One headless Chromium on the application under test, with what every browser test does: open, log in, wait. */
final class Browser implements AutoCloseable {

    /** Long enough for a page on a busy 2-core machine; a wait ends as soon as its condition holds. */
    static final Duration WAIT = Duration.ofSeconds(15);

    private final HeadlessChromium chromium;
    private final String base;
    private final Clock clock;
    private final Map<String, String> secrets = new HashMap<>();

    /** The platform's clock: the second factor's code is the one of the platform's time. */
    Browser(HeadlessChromium chromium, String base, Clock clock) {
        this.chromium = chromium;
        this.base = base;
        this.clock = clock;
    }

    WebDriver driver() {
        return chromium.driver();
    }

    String url(String path) {
        return base + path;
    }

    void open(String path) {
        driver().get(url(path));
    }

    /** Fills in and sends the login form; the answer may be the home page or the login error. */
    void submitLogin(String account, String password) {
        open("/login");
        driver().findElement(By.id("account")).sendKeys(account);
        driver().findElement(By.id("password")).sendKeys(password);
        driver().findElement(By.id("login-submit")).click();
    }

    /**
     * Logs in and waits for the role's home page. A role that needs a second factor gives the code of its secret: the
     * fixtures' {@link TestTotp#SECRET}, or, for an account not enrolled yet, the one the enrolment page shows (kept for
     * the account's next login, as the person's authenticator app would keep it).
     */
    void logIn(String account, String password) {
        submitLogin(account, password);
        await(ExpectedConditions.not(ExpectedConditions.urlMatches(".*/login$")));
        if (driver().getCurrentUrl().contains("/login/second-factor/enrolment")) {
            String secret = text("totp-secret").replace(" ", "");
            secrets.put(account, secret);
            find(By.id("code")).sendKeys(TestTotp.nextCode(secret, clock));
            find(By.id("enrolment-submit")).click();
            await(ExpectedConditions.elementToBeClickable(By.id("recovery-codes-done"))).click();
        } else if (driver().getCurrentUrl().contains("/login/second-factor")) {
            find(By.id("code")).sendKeys(TestTotp.nextCode(secrets.getOrDefault(account, TestTotp.SECRET), clock));
            find(By.id("second-factor-submit")).click();
        }
        awaitHomePage();
    }

    /** Logs out through the header's 退出 button and waits for the login page that confirms it. */
    void logOut() {
        find(By.cssSelector("form[action$='/logout'] button")).click();
        await(ExpectedConditions.urlContains("/login?logout"));
    }

    /** The click only starts the form post; wait for the redirect to land before reading the page. */
    void awaitHomePage() {
        await(ExpectedConditions.urlMatches("/home$"));
        await(ExpectedConditions.presenceOfElementLocated(By.id("home-title")));
    }

    /** Waits for the confirmation dialog of a destructive action (static/js/confirm.js); returns the consequence it states. */
    String confirmation() {
        return await(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-message"))).getText();
    }

    /** Confirms in the open confirmation dialog: the form is sent. */
    void confirm() {
        find(By.id("confirm-ok")).click();
    }

    /** Cancels the open confirmation dialog and waits for it to close: nothing is sent. */
    void cancelConfirmation() {
        find(By.id("confirm-cancel")).click();
        await(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-dialog")));
    }

    <T> T await(ExpectedCondition<T> condition) {
        return waiting(WAIT).until(condition);
    }

    WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver(), timeout);
    }

    WebElement find(By by) {
        return driver().findElement(by);
    }

    /** The trimmed text of the element with this id. */
    String text(String id) {
        return find(By.id(id)).getText().trim();
    }

    /** Scrolls the element to the top of the window, so that a screenshot shows it. */
    void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView(true);", element);
    }

    /** How many pixels the page is wider than the window (0 or less: no sideways scrolling). */
    long sidewaysOverflow() {
        Object px = ((JavascriptExecutor) driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        return ((Number) px).longValue();
    }

    /** The elements wider than the window, to say what to fix when a page scrolls sideways. */
    Object widerThanWindow() {
        return ((JavascriptExecutor) driver()).executeScript("""
                return Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                    .slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right)).join(', ');""");
    }

    String pageSource() {
        return driver().getPageSource();
    }

    Path screenshot(String name) {
        return chromium.screenshot(name);
    }

    @Override
    public void close() {
        chromium.close();
    }
}
