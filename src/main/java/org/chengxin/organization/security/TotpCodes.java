package org.chengxin.organization.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app computes them: HMAC-SHA1, six digits,
 * steps of 30 seconds, the secret (160 bits) shown in Base32. A code is accepted one step early or late, for
 * a phone's clock that is off by a few seconds.
 */
final class TotpCodes {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final int SECRET_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6);

    private TotpCodes() {
    }

    /** A new secret, in Base32 without padding. */
    static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new Base32().encodeToString(secret).replace("=", "");
    }

    /** The code of the step the instant falls in. */
    static String code(String base32Secret, Instant at) {
        try {
            return GENERATOR.generateOneTimePasswordString(key(base32Secret), at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("TOTP 密钥无效", e);
        }
    }

    /** The step a code belongs to, if it is the code of the step of {@code now} or of the step before or after. */
    static OptionalLong matchingStep(String base32Secret, String code, Instant now) {
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long step = now.getEpochSecond() / STEP.getSeconds();
        for (long candidate = step - 1; candidate <= step + 1; candidate++) {
            if (code(base32Secret, Instant.ofEpochSecond(candidate * STEP.getSeconds())).equals(digits)) {
                return OptionalLong.of(candidate);
            }
        }
        return OptionalLong.empty();
    }

    /** The address an authenticator app reads from the QR code (Key Uri Format). */
    static String uri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=" + STEP.getSeconds();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Key key(String base32Secret) {
        return new SecretKeySpec(new Base32().decode(base32Secret.toUpperCase(Locale.ROOT)), "HmacSHA1");
    }
}
