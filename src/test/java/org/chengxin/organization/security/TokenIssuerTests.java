package org.chengxin.organization.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The configured issuer, and which requests are addressed to it. */
class TokenIssuerTests {

    private final TokenIssuer issuer = TokenIssuer.of("https://credit.yueyang.gov.cn");

    @Test
    void aRequestToTheIssuersHostNameIsItsOnAnyPortAndInAnyCase() {
        assertThat(issuer.isHostOf(requestTo("credit.yueyang.gov.cn", 443))).isTrue();
        assertThat(issuer.isHostOf(requestTo("Credit.Yueyang.Gov.CN", 8080))).isTrue();
    }

    @Test
    void aRequestToAnotherHostNameIsNot() {
        assertThat(issuer.isHostOf(requestTo("evil.example", 443))).isFalse();
        assertThat(issuer.isHostOf(requestTo("credit.yueyang.gov.cn.evil.example", 443))).isFalse();
        assertThat(issuer.isHostOf(requestTo("127.0.0.1", 443))).isFalse();
    }

    @Test
    void anIssuerThatIsNotAPlainHttpAddressIsRefusedAtStart() {
        assertThatThrownBy(() -> TokenIssuer.of("credit.yueyang.gov.cn")).hasMessageContaining("chengxin.security.issuer");
        assertThatThrownBy(() -> TokenIssuer.of("ftp://credit.yueyang.gov.cn")).hasMessageContaining("chengxin.security.issuer");
        assertThatThrownBy(() -> TokenIssuer.of("https://credit.yueyang.gov.cn/?a=b")).hasMessageContaining("chengxin.security.issuer");
        assertThatThrownBy(() -> TokenIssuer.of("https://credit yueyang")).hasMessageContaining("chengxin.security.issuer");
    }

    @Test
    void theIssuerIsNamedAsConfigured() {
        assertThat(TokenIssuer.of(" http://localhost:8080 ").value()).isEqualTo("http://localhost:8080");
    }

    private static MockHttpServletRequest requestTo(String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
        request.setServerName(host);
        request.setServerPort(port);
        return request;
    }
}
