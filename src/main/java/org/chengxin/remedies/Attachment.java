package org.chengxin.remedies;

/** A file attached to an objection or a repair application; {@code content} only when it is being opened. */
public record Attachment(long id, String fileName, String mediaType, int sizeBytes, String sha256, byte[] content) {
}
