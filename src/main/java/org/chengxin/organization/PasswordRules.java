package org.chengxin.organization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be (GB/T 22239-2019, 8.1.4.1: identities' passwords of enough complexity): at least 12
 * characters, three of the four kinds (capital, small letter, digit, other sign), and neither a common password nor
 * one made of a common word (its letters written as @ $ 0 1 3 too) with digits and signs around it (the list: {@code organization/common-passwords.txt}).
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    private static final Set<String> COMMON = load();

    private PasswordRules() {
    }

    /** Null when the password is acceptable, else what is wrong with it, in words. */
    public static String problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "密码至少" + MIN_LENGTH + "位";
        }
        int kinds = (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (kinds < 3) {
            return "密码须包含大写字母、小写字母、数字和其他符号中的至少三种";
        }
        if (common(password)) {
            return "该密码过于常见，容易被猜中，请换一个";
        }
        return null;
    }

    static boolean common(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String word = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "")
                .replace('@', 'a').replace('$', 's').replace('0', 'o').replace('1', 'i').replace('3', 'e');
        return COMMON.contains(lower) || COMMON.contains(word);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream("/organization/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("organization/common-passwords.txt is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
