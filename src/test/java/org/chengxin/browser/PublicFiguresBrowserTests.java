package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.chengxin.support.ChengxinIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The public figures page draws its three ECharts charts from the JSON with the static script (the CSP allows no
 * inline script: a blocked script would leave the charts empty), at 1440 px and at 390 px wide without sideways
 * scrolling; screenshots of both widths are kept in target/browser-screenshots.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class PublicFiguresBrowserTests {

    @Test
    void theChartsAreDrawnOnAWideAndANarrowScreen(Browser browser) {
        for (int width : new int[] { 1440, 390 }) {
            browser.driver().manage().window().setSize(new Dimension(width, 900));
            browser.open("/public/figures");
            browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-drawn='true']"), 3));
            assertThat(browser.driver().findElements(By.cssSelector("#chart-records-by-domain svg"))).as("drawn as SVG").isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#chart-in-force svg"))).isNotEmpty();
            assertThat(browser.sidewaysOverflow()).as("no sideways scrolling at " + width + " px").isLessThanOrEqualTo(0);
            browser.screenshot("public-figures-" + width);
        }
    }
}
