package org.chengxin.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without {@code chengxin.sso.enabled} (the default) there is no single sign-on: no button, no address that starts one. */
@ChengxinIntegrationTest
class SingleSignOnDisabledIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theLoginPageOffersNoSingleSignOnAndItsAddressesAreClosed() {
        Http http = new Http(port);
        Http.Response login = http.get("/login", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).doesNotContain("sso-login", "/oauth2/authorization");

        Http.Response start = http.get("/oauth2/authorization/province", null);
        assertThat(start.status()).as("denied like any address no rule allows: to the login page").isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElse("")).endsWith("/login");
        Http.Response callback = http.get("/login/oauth2/code/province?code=x&state=y", null);
        assertThat(callback.status()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElse("")).endsWith("/login");
    }
}
