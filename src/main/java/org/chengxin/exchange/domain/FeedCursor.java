package org.chengxin.exchange.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import org.chengxin.shared.error.ChengxinException;

/**
 * Where a client of the change feed stands: the last position it was given, bound to that client. Opaque to the client
 * (base64url of {@code v1:client:position:check}); the check is a digest against typing errors and cut-off copies, not a
 * secret (a client may read any position of its own feed). A cursor of another client, a garbled one and one below the
 * feed's horizon are refused, each with its code.
 */
public record FeedCursor(String clientId, long position) {

    private static final String VERSION = "v1";

    public FeedCursor {
        if (position < 0) {
            throw new IllegalArgumentException("position < 0");
        }
    }

    /** The start of the feed for this client (before its first change). */
    public static FeedCursor start(String clientId) {
        return new FeedCursor(clientId, 0);
    }

    public String token() {
        String body = VERSION + ":" + clientId + ":" + position;
        return Base64.getUrlEncoder().withoutPadding().encodeToString((body + ":" + check(body)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a token stands for, for the client presenting it; a blank token is the start of the feed.
     *
     * @param horizon the highest position pruned from the feed: a cursor below it would skip changes no longer kept
     */
    public static FeedCursor parse(String token, String clientId, long horizon) {
        if (token == null || token.isBlank()) {
            return new FeedCursor(clientId, horizon);
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || !check(parts[0] + ":" + parts[1] + ":" + parts[2]).equals(parts[3])) {
            throw invalid();
        }
        long position;
        try {
            position = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw invalid();
        }
        if (position < 0) {
            throw invalid();
        }
        if (!parts[1].equals(clientId)) {
            throw ChengxinException.forbidden("EXCHANGE_CURSOR_FOREIGN", "该游标不是发给本客户端的，请使用本客户端上次取得的游标，或不带游标从头读取");
        }
        if (position < horizon) {
            throw ChengxinException.conflict("EXCHANGE_CURSOR_EXPIRED", "该游标已过期：其后的部分变更已超过保留期限被清理（保留至第 " + horizon
                    + " 号之后），请不带游标从现存最早的变更重新读取，并与本方核对期间的全量数据");
        }
        return new FeedCursor(clientId, position);
    }

    private static ChengxinException invalid() {
        return ChengxinException.badRequest("EXCHANGE_CURSOR_INVALID", "游标无法识别（可能被截断或修改），请使用上次应答中 next 的原值");
    }

    private static String check(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
