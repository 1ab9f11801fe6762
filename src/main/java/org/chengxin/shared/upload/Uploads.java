package org.chengxin.shared.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.chengxin.shared.error.ChengxinException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The platform's uploads: the largest one it takes ({@code chengxin.upload.max-size}, which Tomcat's
 * multipart limits and the push API's JSON body limit are set from) and the directory where they wait
 * while they are read ({@code chengxin.upload.temp-dir}, Tomcat's multipart location as well). Both are
 * read here once, so that a refusal states the limit that was applied.
 */
@Component
public class Uploads {

    private final long maxBytes;
    private final Path directory;

    Uploads(@Value("${chengxin.upload.max-size}") DataSize maxSize, @Value("${chengxin.upload.temp-dir}") String directory) {
        this.maxBytes = maxSize.toBytes();
        this.directory = Path.of(directory);
        if (!this.directory.isAbsolute()) {
            // Tomcat would take a relative location as relative to its own work directory, not to ours
            throw new IllegalStateException("chengxin.upload.temp-dir 必须是绝对路径：" + directory);
        }
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new UncheckedIOException("无法创建上传临时目录 " + directory, e);
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Where uploads wait while they are read; every failure deletes what it left here. */
    public Path directory() {
        return directory;
    }

    /** The refusal of an upload over this platform's limit. */
    public ChengxinException tooLarge() {
        return tooLarge(maxBytes);
    }

    /** The refusal of an upload over a limit, which the message states. */
    public static ChengxinException tooLarge(long limitBytes) {
        return ChengxinException.tooLarge("FILE_TOO_LARGE",
                "文件超过上传上限 " + readable(limitBytes) + "，请拆分后分批上传");
    }

    /** 1 GB, 100 MB, 64 KB; a limit that is no whole number of units is rounded down, never stated higher. */
    static String readable(long bytes) {
        String[] units = {"GB", "MB", "KB"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (units.length - i));
            if (bytes >= unit) {
                long tenths = bytes * 10 / unit;
                return (tenths % 10 == 0 ? String.valueOf(tenths / 10) : tenths / 10 + "." + tenths % 10) + " " + units[i];
            }
        }
        return bytes + " 字节";
    }
}
