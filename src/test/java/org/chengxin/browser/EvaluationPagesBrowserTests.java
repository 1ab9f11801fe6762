package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.chengxin.evaluation.Scores;
import org.chengxin.identity.Citizens;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A citizen reads their own points, grade and its explanation after two department systems pushed
 * an honour and a penalty about them; an administrator reads the points model and starts a full
 * recomputation that drains. The citizen logs in with the full (synthetic) ID number, so every check
 * about it is a yes/no assertion, and nothing that might contain it (a page, an API answer) is ever
 * used as an assertion message.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class EvaluationPagesBrowserTests {

    private static final Duration DRAIN_WAIT = Duration.ofSeconds(60);
    private static final String HONOUR = "YY-GN-004";
    private static final String PENALTY = "YY-GN-002";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Scores scores;

    @Autowired
    Citizens citizens;

    @Autowired
    Clock clock;

    @Test
    void citizenSeesPointsGradeAndTheirExplanationWithoutTheFullIdNumber(Browser browser) {
        IdNumber person = fixtures.citizenWithAccount();
        Http http = new Http(port);
        String morals = http.token(fixtures.apiClientOf("wmb", "records:write"), Fixtures.PASSWORD, "records:write");
        String anyDepartment = http.token(fixtures.apiClient("records:write"), Fixtures.PASSWORD, "records:write");
        LocalDate today = LocalDate.now(clock);

        push(http, morals, record("honour-" + UUID.randomUUID(), HONOUR, person, today.minusMonths(2),
                "\"honourTitle\":\"岳阳市诚信道德模范\",\"awardingAuthority\":\"市文明委\""));
        push(http, anyDepartment, record("penalty-" + UUID.randomUUID(), PENALTY, person, today.minusDays(20),
                "\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示年度报告\",\"penaltyResult\":\"罚款500元\","
                        + "\"authority\":\"岳阳市市场监督管理局\""));
        scores.recomputePending(10_000);
        awaitScored(citizens.subjectKeyOf(person));

        browser.logIn(person.value(), Fixtures.PASSWORD);
        browser.find(By.cssSelector("a[href$='/my/credit']")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("my-points")));

        assertThat(browser.text("my-points")).isEqualTo("1000");
        assertThat(browser.text("my-grade")).isEqualTo("A");

        List<List<String>> explanation = rowsOf(browser, "explanation");
        assertThat(explanation).anySatisfy(cells -> assertThat(cells).startsWith("起始分", "1000"));
        // A record's row: 信息项, 报送部门, 决定日期, 积分, 记录内容, 法律依据, 计分截至, (异议)
        assertThat(explanation).anySatisfy(cells -> assertThat(cells).hasSizeGreaterThan(3)
                .satisfies(c -> assertThat(List.of(c.get(0), c.get(3))).containsExactly("诚信道德模范", "+30")));
        assertThat(explanation).anySatisfy(cells -> assertThat(cells).hasSizeGreaterThan(3)
                .satisfies(c -> assertThat(List.of(c.get(0), c.get(3))).containsExactly("行政处罚信息（一般）", "-30")));
        assertThat(browser.driver().findElements(By.cssSelector("#grade-history tbody tr"))).isNotEmpty();
        assertThat(browser.pageSource().contains(person.value())).as("the credit page must not contain the full ID number")
                .isFalse();
        browser.screenshot("my-credit");
    }

    @Test
    void administratorReadsTheModelAndRunsAFullRecomputationThatDrains(Browser browser) {
        browser.logIn(fixtures.staff(Role.SYSTEM_ADMIN), Fixtures.PASSWORD);
        browser.find(By.cssSelector("a[href$='/admin/evaluation']")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("points-model")));

        assertThat(rowsOf(browser, "points-model")).anySatisfy(cells -> assertThat(cells).containsExactly("严重失信", "-150"));
        assertThat(rowsOf(browser, "grade-bands")).anySatisfy(cells -> {
            assertThat(cells.get(0)).startsWith("AA");
            assertThat(cells.get(1)).isEqualTo("1030–1049 分");
        });

        WebElement recompute = browser.find(By.id("recompute"));
        recompute.click();
        browser.await(ExpectedConditions.stalenessOf(recompute));
        WebElement notice = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(notice.getText()).contains("重算");

        // The recomputation runs in the background and the page polls its progress part, never reloaded.
        browser.waiting(DRAIN_WAIT).pollingEvery(Duration.ofMillis(500))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("recompute-percent")).getText().trim().equals("100%")
                        && d.findElement(By.id("recomputation")).getText().contains("最近一次全量重算"));
        assertThat(browser.find(By.id("recompute-bar")).getAttribute("value")).isEqualTo("100");
        assertThat(Long.parseLong(browser.text("recompute-people"))).isPositive();
        assertThat(browser.driver().findElements(By.id("notice"))).isNotEmpty();
        // Start the picture at the notice so that it also shows the emptied queue further down.
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true)", browser.find(By.id("notice")));
        browser.screenshot("admin-evaluation");
    }

    private static List<List<String>> rowsOf(Browser browser, String table) {
        return browser.driver().findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).stream().map(c -> c.getText().trim()).toList())
                .toList();
    }

    /** The worker may hold this person's queue entry; wait until a first grade is recorded. */
    private void awaitScored(SubjectKey subject) {
        for (int i = 0; i < 300; i++) {
            if (scores.scoreOf(subject).isPresent() && !scores.historyOf(subject).isEmpty()) {
                return;
            }
            scores.recomputePending(10_000);
            sleep();
        }
        throw new AssertionError("the person was not scored");
    }

    private static String record(String source, String item, IdNumber person, LocalDate decided, String content) {
        return "{\"records\":[{\"sourceId\":\"" + source + "\",\"itemCode\":\"" + item + "\",\"idNumber\":\"" + person.value()
                + "\",\"name\":\"评价测试\",\"decisionDate\":\"" + decided + "\",\"documentNumber\":\"文" + source.hashCode()
                + "\",\"content\":{" + content + "}}]}";
    }

    /** Pushes one batch and waits until it is done with nothing rejected; answers are never printed. */
    private static void push(Http http, String token, String body) {
        Http.Response accepted = http.postJson("/api/v1/record-batches", token, body);
        assertThat(accepted.status()).as("the batch is accepted").isEqualTo(202);
        JsonNode report = http.awaitBatch(token, accepted.json().get("id").asLong());
        assertThat(report.get("status").asString()).as("batch status").isEqualTo("COMPLETED");
        assertThat(report.get("rejected").asInt()).as("rejected records in the batch").isZero();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
