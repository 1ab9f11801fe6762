package org.chengxin.organization.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The issuer ({@code iss}) every access token names: {@code chengxin.security.issuer}, the address at
 * which department systems reach the platform. Configured, never read from a request, so a request
 * with a forged {@code Host} cannot make the platform sign a token for another name.
 */
record TokenIssuer(URI uri) {

    TokenIssuer {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalStateException("chengxin.security.issuer（生产模式为 CHENGXIN_ISSUER）应为平台对外的 http(s) 地址，"
                    + "不含查询串和片段，例如 https://credit.yueyang.gov.cn；当前为：" + uri);
        }
    }

    static TokenIssuer of(String value) {
        try {
            return new TokenIssuer(new URI(value.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("chengxin.security.issuer 不是合法的地址：" + value, e);
        }
    }

    String value() {
        return uri.toString();
    }

    /**
     * Whether the request was addressed to the issuer's host. Only the name is compared, not the port:
     * behind a reverse proxy the application sees its own port, not the public one, and the name is
     * what a forged {@code Host} changes.
     */
    boolean isHostOf(HttpServletRequest request) {
        return uri.getHost().equalsIgnoreCase(request.getServerName());
    }
}
