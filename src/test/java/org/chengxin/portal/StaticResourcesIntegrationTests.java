package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Static files and webjars are served as named, and no link a page renders is looked up as a static file: with the
 * resource chain on (a webjar locator on the classpath turns it on), Thymeleaf's {@link ResourceUrlEncodingFilter}
 * searched the classpath for every link of a page, two thirds of the CPU of a list of 100 rows.
 */
@ChengxinIntegrationTest
class StaticResourcesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void noLinkIsResolvedAgainstTheClasspath() {
        assertThat(context.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
                .noneMatch(r -> r.getFilter() instanceof ResourceUrlEncodingFilter);
    }

    @Test
    void stylesScriptsAndVersionedWebjarsAreServed() {
        Http http = new Http(port);

        assertThat(http.get("/css/chengxin.css", null).status()).isEqualTo(200);
        assertThat(http.get("/webjars/echarts/5.3.1/dist/echarts.min.js", null).status()).isEqualTo(200);
        assertThat(http.get("/webjars/htmx.org/2.0.4/dist/htmx.min.js", null).status()).isEqualTo(200);
        assertThat(http.get("/login", null).body()).contains("/css/chengxin.css");
    }
}
