package org.chengxin.shared.text;

import java.util.Optional;

/**
 * Text as a person counts and sees it. Lengths are code points (𠮷 is one character, as in
 * PostgreSQL's {@code varchar(n)}), never UTF-16 units. Values are trimmed of what a person cannot
 * see: white space, space separators (the no-break spaces among them) and format characters (zero
 * width space and joiners, the BOM, direction marks, the soft hyphen). And a value can be examined
 * for what no text field may hold: control characters, lone surrogates and non-characters.
 */
public final class UnicodeText {

    /**
     * What a lenient decoder puts where a file's bytes are not valid in its encoding (a non-character,
     * which no text may hold), so that the row holding them is refused alone, not the whole file.
     */
    public static final char UNDECODABLE = '\uFDD0';

    private UnicodeText() {
    }

    /** What makes a value unfit to store, and where. */
    public record Flaw(Kind kind, int codePoint) {

        /** The two kinds of flaw, each with its own refusal code. */
        public enum Kind {
            /** A C0 or C1 control character (tab, CR and LF allowed only in multi-line text). */
            CONTROL_CHARACTER,
            /** An unpaired surrogate or a Unicode non-character (U+FFFE, U+FDD1 …). */
            INVALID_CHARACTER,
            /** Bytes of a file that are not valid in its encoding ({@link UnicodeText#UNDECODABLE}). */
            UNDECODABLE_BYTES
        }

        /** The code point as a person looks it up: {@code U+0000}. */
        public String notation() {
            return String.format("U+%04X", codePoint);
        }
    }

    /** The number of characters a person counts. */
    public static int length(CharSequence text) {
        return text == null ? 0 : Character.codePointCount(text, 0, text.length());
    }

    /** Whether the text is longer than {@code max} characters (code points). */
    public static boolean longerThan(CharSequence text, int max) {
        return text != null && (text.length() > max && length(text) > max);
    }

    /** The first {@code max} characters, never cutting a character in two. */
    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max || length(text) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max));
    }

    /** Whether a person would see nothing where this code point is. */
    public static boolean isInvisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT;
    }

    /** The text without invisible characters at either end (see {@link #isInvisible}). */
    public static String stripInvisible(String text) {
        if (text == null) {
            return null;
        }
        int start = 0;
        int end = text.length();
        while (start < end) {
            int cp = text.codePointAt(start);
            if (!isInvisible(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = text.codePointBefore(end);
            if (!isInvisible(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return text.substring(start, end);
    }

    /** The first invisible character inside the text (its ends not counted), if any. */
    public static Optional<Integer> invisibleInside(String text) {
        String t = stripInvisible(text);
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            if (isInvisible(cp) && cp != ' ') {
                return Optional.of(cp);
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /**
     * The first flaw of a value: a control character anywhere (tab, CR and LF are tolerated at its
     * ends, where trimming removes them, and inside only when {@code multiline}), an unpaired
     * surrogate or a non-character.
     */
    public static Optional<Flaw> firstFlaw(String value, boolean multiline) {
        if (value == null) {
            return Optional.empty();
        }
        int start = 0;
        int end = value.length();
        while (start < end && isInvisible(value.charAt(start))) {
            start++;
        }
        while (end > start && isInvisible(value.charAt(end - 1))) {
            end--;
        }
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            int cp = value.codePointAt(i);
            if (Character.isSurrogate(c) && cp == c) {
                return Optional.of(new Flaw(Flaw.Kind.INVALID_CHARACTER, cp));
            }
            if (Character.getType(cp) == Character.CONTROL) {
                boolean tolerated = isLayout(c) && (multiline || i < start || i >= end);
                if (!tolerated) {
                    return Optional.of(new Flaw(Flaw.Kind.CONTROL_CHARACTER, cp));
                }
            } else if (cp == UNDECODABLE) {
                return Optional.of(new Flaw(Flaw.Kind.UNDECODABLE_BYTES, cp));
            } else if (isNonCharacter(cp)) {
                return Optional.of(new Flaw(Flaw.Kind.INVALID_CHARACTER, cp));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    private static boolean isLayout(char c) {
        return c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isNonCharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }
}
