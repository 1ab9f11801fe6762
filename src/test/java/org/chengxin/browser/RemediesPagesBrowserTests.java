package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A citizen objects to one of their records with a photo of the receipt, sees the objection under the
 * platform's screening and the record marked as disputed on their credit page. The citizen logs in with the
 * full (synthetic) ID number, so checks about it are yes/no assertions and pages are never assertion messages.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class RemediesPagesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationRegister register;

    @Autowired
    Records records;

    @Test
    void citizenObjectsWithAPhotoAndSeesTheObjectionAndTheMarkOnTheirCreditPage(Browser browser, @TempDir Path dir) throws IOException {
        IdNumber person = fixtures.citizenWithAccount();
        register.register(person, "名单测试", "测试");
        Http http = new Http(port);
        String token = http.token(fixtures.apiClient("records:write"), Fixtures.PASSWORD, "records:write");
        SeriousDishonestyListAccess.pushSerious(http, token, person, "YY-GN-002", "browser-objection-" + UUID.randomUUID(), 20,
                "{\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示年度报告\",\"penaltyResult\":\"罚款500元\",\"authority\":\"岳阳市市场监督管理局\"}");
        long recordId = records.allFor(citizens.subjectKeyOf(person)).get(0).id();
        Path photo = dir.resolve("receipt.png");
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 2, 0xB3261E);
        ImageIO.write(image, "png", photo.toFile());

        browser.logIn(person.value(), Fixtures.PASSWORD);
        browser.find(By.cssSelector("a[href$='/my/objections']")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("object-" + recordId))).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("objection-form")));
        browser.find(By.cssSelector("#objection-field option[value='penaltyResult']")).click();
        browser.find(By.id("objection-grounds")).sendKeys("罚款已于决定当日缴清，金额登记有误");
        browser.find(By.id("objection-value")).sendKeys("罚款200元");
        browser.find(By.id("objection-files")).sendKeys(photo.toAbsolutePath().toString());
        browser.find(By.id("objection-submit")).click();

        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        List<String> row = browser.driver().findElements(By.cssSelector("#objections tbody tr td")).stream()
                .map(c -> c.getText().trim()).toList();
        assertThat(row).contains("平台初审中", "receipt.png");
        assertThat(browser.text("record-" + recordId)).contains("异议处理中");
        assertThat(browser.pageSource().contains(person.value())).as("the page must not contain the full ID number").isFalse();
        browser.screenshot("my-objections");

        browser.open("/my/credit");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("explanation")));
        List<List<String>> explanation = browser.driver().findElements(By.cssSelector("#explanation tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).stream().map(c -> c.getText().trim()).toList()).toList();
        assertThat(explanation).anySatisfy(cells -> assertThat(cells).startsWith("行政处罚信息（一般）").contains("异议中"));
        browser.screenshot("my-credit-objected");
    }
}
