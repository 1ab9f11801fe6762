package org.chengxin.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.chengxin.audit.AuditVerification;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Verifies one archive on its own: the manifest's signature (the chain's key), the file's SM3 digest, every link of the
 * entries in the file from the manifest's first hash to its last, and that the manifest is the anchor the database
 * holds for that range.
 */
@Component
class ArchiveVerifier {

    private static final Pattern NAME = Pattern.compile("audit-\\d{12}-\\d{12}\\.csv\\.gz");

    private final ChainHash chainHash;
    private final ArchiveAnchors anchors;
    private final Clock clock;
    private final Path directory;

    ArchiveVerifier(ChainHash chainHash, ArchiveAnchors anchors, Clock clock,
            @Value("${chengxin.audit.archive-directory}") Path directory) {
        this.chainHash = chainHash;
        this.anchors = anchors;
        this.clock = clock;
        this.directory = directory;
    }

    /** The archives' file names, oldest first, as their anchors list them. */
    List<String> names() {
        return anchors.all().stream().map(ArchiveAnchor::fileName).toList();
    }

    AuditVerification verify(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return failed(0, null, "不是审计日志归档文件名（应形如 audit-000000000001-000000001000.csv.gz）");
        }
        Path file = directory.resolve(name);
        Path manifestFile = directory.resolve(ArchiveFile.manifestName(name));
        if (!Files.isRegularFile(file) || !Files.isRegularFile(manifestFile)) {
            return failed(0, null, "归档文件或其清单不存在：" + name);
        }
        try {
            ArchiveAnchor manifest = ArchiveAnchor.ofManifest(Files.readString(manifestFile, StandardCharsets.UTF_8));
            if (!manifest.verifies(chainHash) || !name.equals(manifest.fileName())) {
                return failed(0, manifest.fromSeq(), "归档清单签名不符（清单被篡改或不是本平台的归档）");
            }
            boolean anchored = anchors.all().stream().anyMatch(a -> a.equals(manifest));
            if (!anchored) {
                return failed(0, manifest.fromSeq(), "数据库中没有与该清单一致的归档锚点");
            }
            if (!ArchiveFile.sm3(file).equals(manifest.fileSm3())) {
                return failed(0, manifest.fromSeq(), "归档文件的 SM3 摘要与清单不符（文件被改动）");
            }
            ArchiveFile.Links links = new ArchiveFile.Links(chainHash, manifest.fromSeq() - 1, manifest.prevHash());
            try {
                ArchiveFile.read(file, links);
            } catch (ArchiveFile.BrokenLink e) {
                return failed(links.count, e.seq, e.getMessage());
            }
            if (links.lastSeq != manifest.throughSeq() || !links.lastHash.equals(manifest.lastHash())) {
                return failed(links.count, links.lastSeq + 1, "归档文件的末条与清单记录的第 " + manifest.throughSeq() + " 条不符");
            }
            return new AuditVerification(true, links.count, null, null, Instant.now(clock));
        } catch (IllegalArgumentException | DateTimeException e) {
            return failed(0, null, "归档清单或文件的内容格式不对：" + name);
        } catch (IOException | UncheckedIOException e) {
            return failed(0, null, "归档文件无法读取（不是完整的 gzip 文件）：" + name);
        }
    }

    private AuditVerification failed(long checked, Long seq, String reason) {
        return new AuditVerification(false, checked, seq, reason, Instant.now(clock));
    }
}
