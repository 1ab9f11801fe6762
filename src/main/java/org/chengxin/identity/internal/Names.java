package org.chengxin.identity.internal;

/** Normalizes a person's name before comparing: no spaces, half-width, one kind of middle dot. */
final class Names {

    private Names() {
    }

    static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || cp == 0x3000) {
                return;
            }
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                cp -= 0xFEE0;
            }
            if (cp == '.' || cp == 0x2022 || cp == 0x2027 || cp == 0x30FB || cp == 0xFF65 || cp == 0x00B7) {
                cp = 0x00B7;
            }
            out.appendCodePoint(cp);
        });
        return out.toString();
    }
}
