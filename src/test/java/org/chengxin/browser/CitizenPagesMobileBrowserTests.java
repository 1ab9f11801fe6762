package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every citizen page works on a phone (issue 15, item 4): logged in at 390 px wide, with a record, the person's pages
 * do not scroll sideways; a screenshot of each is kept in target/browser-screenshots.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class CitizenPagesMobileBrowserTests {

    private static final String[] PAGES = {"/home", "/my/credit", "/my/report", "/my/queries", "/my/objections", "/my/repairs",
        "/my/complaints", "/my/inbox", "/my/notification-settings", "/my/honesty-model", "/my/statements", "/my/list-notices",
        "/my/account", "/account/password"};

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PopulationRegister register;

    @Test
    void theCitizensPagesFitAPhone(Browser browser) {
        IdNumber person = fixtures.citizenWithAccount();
        register.register(person, "名单测试", "19907309999", "测试");
        Http http = new Http(port);
        String token = http.token(fixtures.apiClient("records:write"), Fixtures.PASSWORD, "records:write");
        SeriousDishonestyListAccess.pushSerious(http, token, person, "YY-GN-002", "mobile-" + UUID.randomUUID(), 20,
                "{\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示年度报告，逾期未改正并拒不配合检查\",\"penaltyResult\":\"罚款500元\","
                        + "\"authority\":\"岳阳市市场监督管理局\"}");
        browser.logIn(person.value(), Fixtures.PASSWORD);
        try {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            for (String path : PAGES) {
                browser.open(path);
                browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("footer")));
                assertThat(browser.sidewaysOverflow()).as(path + " scrolls sideways: " + browser.widerThanWindow()).isLessThanOrEqualTo(0);
                browser.screenshot("citizen-390" + path.replace('/', '-'));
            }
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
