package org.chengxin.ingestion.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.chengxin.ingestion.BatchFormat;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.upload.Uploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads wait in the upload directory while they are processed and are deleted after. A batch cut
 * off by a restart leaves its file behind, with ID numbers in it: such leftovers are removed, and so
 * are the multipart parts Tomcat wrote there if the process stopped before it could delete them.
 */
public final class TempFiles {

    static final String PREFIX = "chengxin-batch-";
    /** How Tomcat names the parts of a multipart request that it keeps on disk. */
    private static final String TOMCAT_PARTS = "upload_*.tmp";
    private static final Logger log = LoggerFactory.getLogger(TempFiles.class);

    private TempFiles() {
    }

    /**
     * Writes an upload to a file of its own in the upload directory, refusing it past the limit or
     * when it is empty; on any failure the file is deleted before the failure goes on.
     */
    public static Path spool(InputStream in, BatchFormat format, Uploads uploads) throws IOException {
        Path file = Files.createTempFile(uploads.directory(), PREFIX, "." + format.name().toLowerCase(Locale.ROOT));
        try (InputStream limited = new LimitedInput(in, uploads)) {
            long n = Files.copy(limited, file, StandardCopyOption.REPLACE_EXISTING);
            if (n == 0) {
                throw ChengxinException.badRequest("FILE_EMPTY", "上传的内容为空");
            }
            return file;
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** Deletes one upload once its batch has ended, whatever the outcome. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("无法删除上传临时文件 {}：{}", file.getFileName(), e.getMessage());
        }
    }

    static void deleteOlderThan(Path dir, Duration age) {
        Instant before = Instant.now().minus(age);
        for (String pattern : new String[] {PREFIX + "*", TOMCAT_PARTS}) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, pattern)) {
                for (Path f : files) {
                    if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                        Files.deleteIfExists(f);
                        log.info("已删除遗留的上传临时文件 {}", f.getFileName());
                    }
                }
            } catch (IOException e) {
                log.warn("清理上传临时文件失败：{}", e.getMessage());
            }
        }
    }

    /** An input stream that fails once more than the upload limit has been read. */
    private static final class LimitedInput extends FilterInputStream {
        private final Uploads uploads;
        private long read;

        LimitedInput(InputStream in, Uploads uploads) {
            super(in);
            this.uploads = uploads;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > uploads.maxBytes()) {
                throw uploads.tooLarge();
            }
        }
    }
}
