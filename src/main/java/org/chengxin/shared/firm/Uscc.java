package org.chengxin.shared.firm;

import java.util.Locale;
import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): the identifier of a legal person or other organization.
 * Eighteen characters from the code set 0–9 and the capital letters without I, O, Z, S and V: the registering
 * authority, the kind of organization, the six-digit administrative division of registration, the nine-character
 * organization code and the check character of the whole. Only the whole's check character is verified: the organization
 * code of some registrations (个体工商户) does not carry a GB 11714 check character of its own. It names a firm,
 * not a person, and is public: it may be shown in full and travel in a URL.
 */
public record Uscc(String value) {

    /** The GB 32100 code set, in the order of the values 0–30. */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** The registering authorities' codes (第1位): 机构编制, 民政, 工商 … and 其他. */
    private static final String AUTHORITIES = "123456789ANY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Why a string is not a unified social credit code; the codes are stable. */
    public enum Error {
        USCC_WRONG_LENGTH("统一社会信用代码应为18位"),
        USCC_BAD_CHARACTERS("统一社会信用代码含有非法字符：只能是数字和除 I、O、Z、S、V 以外的大写字母"),
        USCC_BAD_AUTHORITY("统一社会信用代码的登记管理部门代码（第1位）不正确"),
        USCC_BAD_REGION("统一社会信用代码的行政区划码（第3至8位）应为6位数字"),
        USCC_BAD_CHECK_CHARACTER("统一社会信用代码校验码错误（GB 32100）");

        private final String message;

        Error(String message) {
            this.message = message;
        }

        public String code() {
            return name();
        }

        public String message() {
            return message;
        }
    }

    public Uscc {
        if (check(value).isPresent()) {
            throw new IllegalArgumentException(check(value).get().message());
        }
    }

    /** The code as written, upper-cased and stripped, or why it is not one. */
    public static Optional<Error> check(String raw) {
        String s = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (s.length() != 18) {
            return Optional.of(Error.USCC_WRONG_LENGTH);
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(s.charAt(i)) < 0) {
                return Optional.of(Error.USCC_BAD_CHARACTERS);
            }
        }
        if (AUTHORITIES.indexOf(s.charAt(0)) < 0) {
            return Optional.of(Error.USCC_BAD_AUTHORITY);
        }
        if (!s.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return Optional.of(Error.USCC_BAD_REGION);
        }
        if (s.charAt(17) != checkCharacter(s.substring(0, 17))) {
            return Optional.of(Error.USCC_BAD_CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    /** The code, normalized; the caller has checked it. */
    public static Uscc of(String raw) {
        return new Uscc(raw.strip().toUpperCase(Locale.ROOT));
    }

    /** The check character of the first seventeen characters: 31 minus the weighted sum modulo 31 (31 being 0). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** The administrative division where the organization registered (characters 3–8). */
    public String regionCode() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}
