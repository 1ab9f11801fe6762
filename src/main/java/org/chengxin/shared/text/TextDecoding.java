package org.chengxin.shared.text;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.chengxin.shared.error.ChengxinException;

/**
 * Decodes uploaded text files as Chinese government offices produce them. A UTF-8 BOM wins; then
 * strict UTF-8; otherwise GB18030, which reads every GBK file too. A declared charset is used
 * strictly: bytes that are not valid in it are an error, never silently replaced.
 */
public final class TextDecoding {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoding() {
    }

    public static String decode(byte[] bytes, Charset declared) {
        if (declared != null) {
            return strict(bytes, declared, 0).orElseThrow(() -> ChengxinException.badRequest("FILE_BAD_ENCODING",
                    "文件内容不是有效的 " + declared.name() + " 编码，请确认文件编码后重新上传"));
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return strict(bytes, StandardCharsets.UTF_8, 3).orElseThrow(() -> ChengxinException.badRequest(
                    "FILE_BAD_ENCODING", "文件带有 UTF-8 标记，但内容不是有效的 UTF-8 编码"));
        }
        return strict(bytes, StandardCharsets.UTF_8, 0)
                .or(() -> strict(bytes, GB18030, 0))
                .orElseThrow(() -> ChengxinException.badRequest("FILE_BAD_ENCODING",
                        "无法识别文件编码：请使用 UTF-8、GBK 或 GB18030 编码"));
    }

    /**
     * {@link #decode} without the whole text in memory: the same choice of charset and the same errors, the bytes checked
     * in a pass that keeps nothing, then read through a strict decoder (a big register file is parsed as it is read).
     */
    public static Reader reader(byte[] bytes, Charset declared) {
        if (declared != null) {
            if (!valid(bytes, declared, 0)) {
                throw ChengxinException.badRequest("FILE_BAD_ENCODING",
                        "文件内容不是有效的 " + declared.name() + " 编码，请确认文件编码后重新上传");
            }
            return reader(bytes, declared, 0);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            if (!valid(bytes, StandardCharsets.UTF_8, 3)) {
                throw ChengxinException.badRequest("FILE_BAD_ENCODING", "文件带有 UTF-8 标记，但内容不是有效的 UTF-8 编码");
            }
            return reader(bytes, StandardCharsets.UTF_8, 3);
        }
        if (valid(bytes, StandardCharsets.UTF_8, 0)) {
            return reader(bytes, StandardCharsets.UTF_8, 0);
        }
        if (valid(bytes, GB18030, 0)) {
            return reader(bytes, GB18030, 0);
        }
        throw ChengxinException.badRequest("FILE_BAD_ENCODING", "无法识别文件编码：请使用 UTF-8、GBK 或 GB18030 编码");
    }

    private static Reader reader(byte[] bytes, Charset charset, int offset) {
        return new InputStreamReader(new ByteArrayInputStream(bytes, offset, bytes.length - offset), strictDecoder(charset));
    }

    private static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean valid(byte[] bytes, Charset charset, int offset) {
        CharsetDecoder decoder = strictDecoder(charset);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(8192);
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
        } while (result.isOverflow());
        do {
            out.clear();
            result = decoder.flush(out);
        } while (result.isOverflow());
        return !result.isError();
    }

    /** Parses a charset name from a request, with a clear error for an unknown one. */
    public static Charset charsetNamed(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            throw ChengxinException.badRequest("FILE_UNKNOWN_CHARSET", "不支持的字符编码：" + name.trim());
        }
    }

    private static Optional<String> strict(byte[] bytes, Charset charset, int offset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
