package org.chengxin.shared.id;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one masking rule for citizen ID numbers: the six-digit region stays, the birth date and
 * sequence are hidden, the last four stay ({@code 430602********123X}). Every page, API answer,
 * log line and error uses it. The same for a person's contact details: a mobile number
 * ({@code 138****1234}) and an e-mail address ({@code z***@example.org}).
 */
public final class Masking {

    /** Anything that looks like an 18- or 15-character ID number, valid or not, in half- or full-width digits. */
    private static final Pattern ID_SHAPED = Pattern.compile(
            "(?<![0-9０-９])(?:[0-9０-９]{17}[0-9０-９XxＸｘ]|[0-9０-９]{15})(?![0-9０-９])");

    private Masking() {
    }

    /** Masks one ID number; anything too short to mask is hidden entirely. */
    public static String idNumber(String number) {
        if (number == null) {
            return null;
        }
        String n = number.trim();
        if (n.length() < 10) {
            return "*".repeat(n.length());
        }
        return n.substring(0, 6) + "*".repeat(n.length() - 10) + n.substring(n.length() - 4);
    }

    /** A person's name: the surname stays, every other character is hidden (张三 → 张*, 欧阳娜娜 → 欧***). */
    public static String name(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return "—";
        }
        int first = n.offsetByCodePoints(0, 1);
        return n.substring(0, first) + "*".repeat(Math.max(1, n.codePointCount(first, n.length())));
    }

    /** The first three and last four digits of an 11-digit mobile number; anything else as stars only. */
    public static String mobile(String mobile) {
        return mobile != null && mobile.length() == 11 ? mobile.substring(0, 3) + "****" + mobile.substring(7) : "***********";
    }

    /** The first character of an e-mail address's name, stars, the domain; anything else as stars only. */
    public static String email(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** Masks every ID-shaped run of characters in a free text (a log line, an error message). */
    public static String maskIdShaped(CharSequence text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = ID_SHAPED.matcher(text);
        if (!matcher.find()) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(idNumber(matcher.group())));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }
}
