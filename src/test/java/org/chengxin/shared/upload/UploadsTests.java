package org.chengxin.shared.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.chengxin.shared.error.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class UploadsTests {

    @Test
    void theRefusalStatesTheLimitInWholeUnitsOrRoundedDown() {
        assertThat(Uploads.readable(DataSize.ofGigabytes(1).toBytes())).isEqualTo("1 GB");
        assertThat(Uploads.readable(DataSize.ofMegabytes(100).toBytes())).isEqualTo("100 MB");
        assertThat(Uploads.readable(DataSize.ofKilobytes(64).toBytes())).isEqualTo("64 KB");
        assertThat(Uploads.readable(1_500_000)).isEqualTo("1.4 MB");
        assertThat(Uploads.readable(1000)).isEqualTo("1000 字节");
    }

    @Test
    void anUploadOverTheLimitIsRefusedWithFileTooLargeAndTheLimit(@TempDir Path dir) {
        Uploads uploads = new Uploads(DataSize.ofMegabytes(100), dir.resolve("uploads").toString());

        assertThat(uploads.tooLarge().code()).isEqualTo("FILE_TOO_LARGE");
        assertThat(Problems.statusOf(uploads.tooLarge().kind()).value()).isEqualTo(413);
        assertThat(uploads.tooLarge().getMessage()).isEqualTo("文件超过上传上限 100 MB，请拆分后分批上传");
        assertThat(dir.resolve("uploads")).isDirectory();
    }

    @Test
    void aRelativeUploadDirectoryIsRefusedAtStart() {
        assertThatThrownBy(() -> new Uploads(DataSize.ofMegabytes(1), "tmp/uploads"))
                .hasMessageContaining("chengxin.upload.temp-dir");
    }
}
