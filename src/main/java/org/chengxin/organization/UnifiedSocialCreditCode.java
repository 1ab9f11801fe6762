package org.chengxin.organization;

import java.util.Locale;

import org.chengxin.shared.firm.Uscc;

/**
 * A department's or organization's unified social credit code (统一社会信用代码, GB 32100-2015), as the organization
 * register keeps it: exactly as written, upper case. The rules are {@link Uscc}'s, the one reading of the standard that
 * firms' records use too.
 */
public record UnifiedSocialCreditCode(String value) {

    public UnifiedSocialCreditCode {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Null when the code is valid; otherwise a Chinese sentence saying what is wrong. */
    public static String problemWith(String code) {
        if (code == null || !code.equals(code.strip().toUpperCase(Locale.ROOT))) {
            return code == null ? Uscc.Error.USCC_WRONG_LENGTH.message() : "统一社会信用代码应为大写且前后不留空格";
        }
        return Uscc.check(code).map(Uscc.Error::message).orElse(null);
    }

    public static boolean isValid(String code) {
        return problemWith(code) == null;
    }

    /** The check character of the first 17 characters. */
    public static char checkCharacter(String first17) {
        return Uscc.checkCharacter(first17);
    }
}
