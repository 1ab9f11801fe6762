package org.chengxin.ingestion.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads wait in the temporary directory while they are processed and are deleted after. A batch
 * cut off by a restart leaves its file behind, with ID numbers in it: such leftovers are removed.
 */
final class TempFiles {

    static final String PREFIX = "chengxin-batch-";
    private static final Logger log = LoggerFactory.getLogger(TempFiles.class);

    private TempFiles() {
    }

    /** Deletes one upload once its batch has ended, whatever the outcome. */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("无法删除上传临时文件 {}：{}", file.getFileName(), e.getMessage());
        }
    }

    static void deleteOlderThan(Duration age) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        Instant before = Instant.now().minus(age);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*")) {
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
