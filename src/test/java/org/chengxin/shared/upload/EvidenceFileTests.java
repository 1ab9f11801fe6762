package org.chengxin.shared.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.chengxin.shared.error.ChengxinException;
import org.junit.jupiter.api.Test;

class EvidenceFileTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void aPdfAJpegAndAPngAreRecognisedByTheirFirstBytesWhateverTheirName() {
        assertThat(EvidenceFile.check("凭证.dat", null, PDF, 1000).mediaType()).isEqualTo("application/pdf");
        assertThat(EvidenceFile.check("photo.jpeg", "image/jpeg", JPEG, 1000).mediaType()).isEqualTo("image/jpeg");
        assertThat(EvidenceFile.check("scan.png", "image/png", PNG, 1000).mediaType()).isEqualTo("image/png");
        assertThat(EvidenceFile.check(null, null, PNG, 1000).fileName()).isEqualTo("附件.png");
    }

    @Test
    void aFileThatIsNotWhatItClaimsIsRefused() {
        byte[] text = "just text pretending".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EvidenceFile.check("fake.png", "image/png", text, 1000)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("ATTACHMENT_TYPE_NOT_ALLOWED"));
        assertThatThrownBy(() -> EvidenceFile.check("x.png", "image/png", PDF, 1000)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("ATTACHMENT_TYPE_MISMATCH"));
    }

    @Test
    void anEmptyOrOversizedFileIsRefused() {
        assertThatThrownBy(() -> EvidenceFile.check("x.png", null, new byte[0], 1000)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("ATTACHMENT_EMPTY"));
        assertThatThrownBy(() -> EvidenceFile.check("x.png", null, PNG, 10)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("ATTACHMENT_TOO_LARGE"));
    }

    @Test
    void aPdfThatWouldRunSomethingAndAnImageCarryingMarkupAreRefused() {
        byte[] scripted = "%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj".getBytes(StandardCharsets.ISO_8859_1);
        byte[] launching = "%PDF-1.4\n1 0 obj << /S /Launch /F (cmd.exe) >> endobj".getBytes(StandardCharsets.ISO_8859_1);
        byte[] polyglot = new byte[PNG.length + 30];
        System.arraycopy(PNG, 0, polyglot, 0, PNG.length);
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(script, 0, polyglot, PNG.length, script.length);

        for (byte[] bad : new byte[][] {scripted, launching, polyglot}) {
            assertThatThrownBy(() -> EvidenceFile.check("x", null, bad, 1000)).isInstanceOfSatisfying(ChengxinException.class,
                    e -> assertThat(e.code()).isEqualTo("ATTACHMENT_ACTIVE_CONTENT"));
        }
    }
}
