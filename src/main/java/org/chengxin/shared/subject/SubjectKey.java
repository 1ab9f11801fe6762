package org.chengxin.shared.subject;

import java.util.Arrays;
import java.util.HexFormat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The blind index of a credit subject (keyed SM3 of the ID number, 32 bytes): the pseudonym under which
 * every module stores a person. Compared by content; the array never leaves or enters without a copy.
 * {@link #toString()} shows a short prefix only, since the whole key identifies a person across tables.
 * In JSON (events in the registry, API bodies) it is the lowercase hex string, as before it had a type.
 */
public final class SubjectKey {

    /** The length of an SM3 digest. */
    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private SubjectKey(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("主体索引须为" + LENGTH + "字节，实为"
                    + (bytes == null ? "空" : bytes.length + "字节"));
        }
        this.bytes = bytes;
    }

    /** The key of these bytes (copied), as read from a {@code bytea} column. */
    public static SubjectKey of(byte[] bytes) {
        return new SubjectKey(bytes == null ? null : bytes.clone());
    }

    /** The key of its hex text (either case), as stored in a text column or carried in JSON. */
    @JsonCreator
    public static SubjectKey fromHex(String hex) {
        if (hex == null || hex.length() != LENGTH * 2) {
            throw new IllegalArgumentException("主体索引须为" + LENGTH * 2 + "位十六进制字符");
        }
        return new SubjectKey(HEX.parseHex(hex));
    }

    /** A copy of the 32 bytes, to bind as {@code bytea}. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The lowercase hex text, for the few places that store or show the key as text. */
    @JsonValue
    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubjectKey that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SubjectKey[" + HEX.formatHex(bytes, 0, 3) + "…]";
    }
}
