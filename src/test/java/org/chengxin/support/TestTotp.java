package org.chengxin.support;

import java.security.InvalidKeyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/** What a staff member's authenticator app shows: the TOTP code (RFC 6238) of a Base32 secret, computed apart from the platform. */
public final class TestTotp {

    /**
     * The synthetic secret that the test fixtures' (and the demo's) staff of roles needing a second factor are enrolled
     * with; documented in the README for the demo.
     */
    public static final String SECRET = "KRSXG5CDNBSW4Z3YNFXECZDNNFXA";

    private static final Duration STEP = Duration.ofSeconds(30);

    private TestTotp() {
    }

    public static String code(String base32Secret, Instant at) {
        try {
            return new TimeBasedOneTimePasswordGenerator(STEP, 6).generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(base32Secret.replace(" ", "")), "HmacSHA1"), at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String code(Instant at) {
        return code(SECRET, at);
    }

    /**
     * The code of {@link #SECRET} for a new login: the platform accepts each code once, so a test clock (frozen between
     * moves) is first moved on by one time step; the real clock is left alone.
     */
    public static String nextCode(Clock clock) {
        return nextCode(SECRET, clock);
    }

    /** As {@link #nextCode(Clock)}, for another secret. */
    public static String nextCode(String base32Secret, Clock clock) {
        if (clock instanceof MutableClock moved) {
            moved.advance(STEP);
        }
        return code(base32Secret, clock.instant());
    }
}
