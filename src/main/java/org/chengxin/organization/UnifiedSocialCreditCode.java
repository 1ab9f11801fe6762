package org.chengxin.organization;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): registration authority, category,
 * six-digit division code, nine-character organization code and a MOD 31 check character.
 */
public record UnifiedSocialCreditCode(String value) {

    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final String AUTHORITIES = "123456789ANY";

    public UnifiedSocialCreditCode {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Null when the code is valid; otherwise a Chinese sentence saying what is wrong. */
    public static String problemWith(String code) {
        if (code == null || code.length() != 18) {
            return "统一社会信用代码应为18位";
        }
        for (int i = 0; i < 18; i++) {
            if (CHARACTERS.indexOf(code.charAt(i)) < 0) {
                return "统一社会信用代码含有非法字符（不使用 I、O、S、V、Z）";
            }
        }
        if (AUTHORITIES.indexOf(code.charAt(0)) < 0) {
            return "统一社会信用代码的登记管理部门代码不正确";
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return "统一社会信用代码的行政区划码应为6位数字";
        }
        if (checkCharacter(code.substring(0, 17)) != code.charAt(17)) {
            return "统一社会信用代码校验码错误";
        }
        return null;
    }

    public static boolean isValid(String code) {
        return problemWith(code) == null;
    }

    /** The check character of the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARACTERS.charAt(check == 31 ? 0 : check);
    }
}
