package org.chengxin.shared.upload;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.chengxin.shared.error.ChengxinException;

/**
 * A file a person hands in as proof (grounds of an objection, proof of a repair, a signed commitment):
 * a PDF, JPEG or PNG, recognised by its first bytes, not by its name or the type the browser claims;
 * a PDF that would run something when opened (JavaScript, a launch action, an embedded file) is
 * refused, since the reviewer who opens it is the one at risk.
 *
 * @param mediaType the type found in the content
 */
public record EvidenceFile(String fileName, String mediaType, byte[] content) {

    /** The largest file taken by default: a phone photo or a scanned page fits. */
    public static final int DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

    private static final Pattern ACTIVE_PDF = Pattern.compile("/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA)\\b");
    private static final Pattern MARKUP = Pattern.compile("(?i)<\\s*(script|html|svg|iframe)\\b");

    /** Checks an upload and names what it really is; refuses anything else with its own code. */
    public static EvidenceFile check(String fileName, String declaredType, byte[] content, int maxBytes) {
        if (content == null || content.length == 0) {
            throw ChengxinException.badRequest("ATTACHMENT_EMPTY", "上传的文件是空的");
        }
        if (content.length > maxBytes) {
            throw ChengxinException.tooLarge("ATTACHMENT_TOO_LARGE", "单个附件不超过 " + Uploads.readable(maxBytes));
        }
        String type = detect(content);
        if (type == null) {
            throw ChengxinException.badRequest("ATTACHMENT_TYPE_NOT_ALLOWED", "附件只能是 PDF、JPEG 或 PNG 文件");
        }
        String claimed = declaredType == null ? "" : declaredType.toLowerCase(Locale.ROOT).strip();
        if (!claimed.isEmpty() && !claimed.equals("application/octet-stream") && !claimed.equals(type)
                && !(type.equals("image/jpeg") && claimed.equals("image/jpg"))) {
            throw ChengxinException.badRequest("ATTACHMENT_TYPE_MISMATCH", "附件的内容与其声明的类型不符");
        }
        // a script fits anywhere in a file: look at the bytes as Latin-1 text, where every byte is one character
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (type.equals("application/pdf") && ACTIVE_PDF.matcher(text).find() || MARKUP.matcher(text).find()) {
            throw ChengxinException.badRequest("ATTACHMENT_ACTIVE_CONTENT", "附件含有脚本或可执行内容，不予接收，请上传普通的扫描件或照片");
        }
        String name = fileName == null || fileName.isBlank() ? "附件." + extension(type) : FileNames.fitted(fileName.strip());
        return new EvidenceFile(name, type, content.clone());
    }

    /** The media type the first bytes show, or null. */
    static String detect(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A
                && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        return null;
    }

    private static String extension(String type) {
        return switch (type) {
            case "application/pdf" -> "pdf";
            case "image/jpeg" -> "jpg";
            default -> "png";
        };
    }

    public int size() {
        return content.length;
    }
}
