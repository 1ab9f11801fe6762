package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Pages and API answers carry the security headers a government site needs. */
@ChengxinIntegrationTest
class SecurityHeadersIntegrationTests {

    private static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), browsing-topics=()";

    @LocalServerPort
    int port;

    @Test
    void pagesAreProtectedAgainstFramingSniffingAndForeignScripts() {
        Http.Response login = new Http(port).get("/login", null);

        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        assertThat(login.headers().firstValue("Set-Cookie")).get().asString().contains("HttpOnly").contains("SameSite=Lax");
        assertThat(login.body()).contains("name=\"_csrf\"");
        assertThat(login.headers().firstValue("Permissions-Policy")).hasValue(PERMISSIONS_POLICY);
    }

    @Test
    void apiAnswersAllowNoContentToRun() {
        Http.Response refused = new Http(port).postJson("/api/v1/identity/validations", null, "{}");

        assertThat(refused.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'");
        assertThat(refused.headers().firstValue("Set-Cookie")).as("the API is stateless").isEmpty();
        assertThat(refused.headers().firstValue("Permissions-Policy")).hasValue(PERMISSIONS_POLICY);
    }

    @Test
    void pagesFilesErrorsApiAndTokenEndpointAllSendThePermissionsPolicy() {
        Http http = new Http(port);
        List<Http.Response> answers = List.of(
                http.get("/", null),
                http.get("/css/chengxin.css", null),
                http.get("/no-such-page", null),
                http.get("/api/v1/catalog", null),
                http.tokenResponse("no-such-client", "wrong-secret-123", "identity:validate"),
                http.get("/.well-known/oauth-authorization-server", null));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.headers().firstValue("Permissions-Policy"))
                .hasValue(PERMISSIONS_POLICY));
    }
}
