package org.chengxin.remedies.web;

import java.nio.charset.StandardCharsets;

import org.chengxin.remedies.Attachment;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A case's file as a download: always an attachment, never shown inline in the platform's origin, and
 * never cached (it is evidence about a person).
 */
final class AttachmentDownload {

    private AttachmentDownload() {
    }

    static ResponseEntity<byte[]> of(Attachment file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }
}
