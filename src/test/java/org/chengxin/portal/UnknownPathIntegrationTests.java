package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * A logged-in person asking for a page that does not exist is told so (404, in Chinese), while a page that
 * exists but is not theirs stays refused (403). The same for department systems on the API, as a problem
 * detail. Anonymous callers learn nothing about which paths exist: they are sent to log in (401 on the API)
 * whether the path exists or not.
 */
@ChengxinIntegrationTest
class UnknownPathIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @LocalServerPort
    int port;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
    }

    @Test
    void aLoggedInPersonGetsTheChinese404PageForAnUnknownPage() throws Exception {
        Http http = new Http(port);
        String session = logIn(http, fixtures.staff(Role.CLERK));

        Http.Response unknown = page(http, "/no-such-page/at-all", session);
        Http.Response forbidden = page(http, "/audit", session);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("您访问的页面不存在").contains("staff-menu");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("没有访问此页面的权限");
    }

    @Test
    void aKnownPathWithAnotherMethodOrAnotherRoleStaysForbidden() throws Exception {
        var admin = authentication(TestPrincipal.of(Role.SYSTEM_ADMIN, "scjg"));

        assertThat(status(get("/records").with(admin))).isEqualTo(403);
        assertThat(status(post("/public/double-publicity").with(admin).with(csrf()))).as("open for GET only").isEqualTo(403);
        assertThat(status(get("/admin/staff/1/unlock").with(authentication(TestPrincipal.of(Role.CLERK, "scjg")))))
                .as("an administrator's path").isEqualTo(403);
        assertThat(status(get("/admin/no-such-page").with(admin))).isEqualTo(404);
    }

    @Test
    void anAnonymousCallerIsSentToLogInWhetherThePathExistsOrNot() throws Exception {
        MockHttpServletResponse unknown = mvc.perform(get("/no-such-page")).andReturn().getResponse();
        MockHttpServletResponse known = mvc.perform(get("/audit")).andReturn().getResponse();

        assertThat(unknown.getStatus()).isEqualTo(known.getStatus()).isEqualTo(302);
        assertThat(unknown.getRedirectedUrl()).isEqualTo(known.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void aDepartmentSystemGetsAProblemWithApiPathNotFound() {
        Http http = new Http(port);
        String token = http.token(fixtures.apiClient("records:write"), Fixtures.PASSWORD, "records:write");

        Http.Response unknown = http.get("/api/v1/no-such-endpoint", token);
        Http.Response forbidden = http.get("/api/v1/objections", token);
        Http.Response anonymous = http.get("/api/v1/no-such-endpoint", null);

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        assertThat(unknown.json().get("code").asString()).isEqualTo("API_PATH_NOT_FOUND");
        assertThat(unknown.json().get("detail").asString()).contains("接口路径不存在");
        assertThat(unknown.json().get("status").asInt()).isEqualTo(404);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("code").asString()).isEqualTo("ACCESS_DENIED");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
    }

    /** Logs in through the form as a browser would; returns the session cookie of the logged-in session. */
    private static String logIn(Http http, String account) {
        Http.Response form = http.get("/login", null);
        String cookie = form.headers().firstValue("Set-Cookie").orElse("").split(";")[0];
        String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        Http.Response answer = http.send(HttpRequest.newBuilder(http.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("account=" + encode(account) + "&password=" + encode(Fixtures.PASSWORD)
                        + "&_csrf=" + encode(csrf))));
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/home"));
        return answer.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse(cookie);
    }

    private static Http.Response page(Http http, String path, String session) {
        return http.send(HttpRequest.newBuilder(http.uri(path)).header("Cookie", session).header("Accept", "text/html").GET());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private int status(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
