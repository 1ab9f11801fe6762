package org.chengxin.shared.upload;

import java.nio.charset.StandardCharsets;

/**
 * An uploaded file's name as the platform keeps it: at most 255 bytes of UTF-8 (what file systems and
 * the {@code varchar(255)} columns hold), shortened on a character boundary with its extension kept and
 * an ellipsis where it was cut; control characters and unpaired surrogates replaced by {@code _}, since
 * the database cannot store NUL and a name is only ever shown.
 */
public final class FileNames {

    public static final int MAX_BYTES = 255;
    private static final String CUT = "…";
    /** Longer "extensions" are part of the name: cutting them is no loss. */
    private static final int MAX_EXTENSION_BYTES = 16;

    private FileNames() {
    }

    /** The name kept to {@link #MAX_BYTES}; null stays null. */
    public static String fitted(String name) {
        return fitted(name, MAX_BYTES);
    }

    /** The name kept to {@code maxBytes} of UTF-8 (at least 32); null stays null. */
    public static String fitted(String name, int maxBytes) {
        if (maxBytes < 32) {
            throw new IllegalArgumentException("maxBytes < 32");
        }
        if (name == null) {
            return null;
        }
        String clean = printable(name);
        if (bytes(clean) <= maxBytes) {
            return clean;
        }
        String extension = extensionOf(clean);
        String stem = clean.substring(0, clean.length() - extension.length());
        return prefix(stem, maxBytes - bytes(CUT) - bytes(extension)) + CUT + extension;
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                out.append(c).append(name.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append('_');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return "";
        }
        String extension = name.substring(dot);
        return bytes(extension) <= MAX_EXTENSION_BYTES ? extension : "";
    }

    /** The longest start of {@code s} of at most {@code maxBytes}, never splitting a code point. */
    private static String prefix(String s, int maxBytes) {
        int used = 0;
        int end = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int size = bytes(Character.toString(cp));
            if (used + size > maxBytes) {
                break;
            }
            used += size;
            end += Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
