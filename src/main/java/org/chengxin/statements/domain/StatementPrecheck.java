package org.chengxin.statements.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The automatic pre-check of a statement's text for likely personal data of others: an 18-character ID
 * number and an 11-digit mainland mobile number (also written 3-4-4 with spaces or hyphens), in half- or
 * full-width digits. It flags for the reviewer, who decides; a person may well quote their own number.
 */
public final class StatementPrecheck {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?!\\d)");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d(?:[ -]?\\d{4}){2}(?!\\d)");

    private StatementPrecheck() {
    }

    public static Set<PrecheckFlag> flags(String text) {
        Set<PrecheckFlag> flags = EnumSet.noneOf(PrecheckFlag.class);
        if (text == null) {
            return flags;
        }
        String halfWidth = halfWidth(text);
        if (ID_NUMBER.matcher(halfWidth).find()) {
            flags.add(PrecheckFlag.ID_NUMBER);
        }
        if (MOBILE.matcher(halfWidth).find()) {
            flags.add(PrecheckFlag.MOBILE_NUMBER);
        }
        return flags;
    }

    /** Full-width digits, X and hyphen as their ASCII forms, one character for one, so positions stay. */
    private static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                out.append((char) (c - '０' + '0'));
            } else if (c == 'Ｘ' || c == 'ｘ') {
                out.append('X');
            } else if (c == '－' || c == '　') {
                out.append(c == '－' ? '-' : ' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
