package org.chengxin.remedies.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.chengxin.remedies.Upload;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.upload.EvidenceFile;
import org.springframework.stereotype.Component;

/** Checks the files of a case before anything is written, and keeps them once the case is stored. */
@Component
class CaseEvidence {

    private final JdbcAttachments attachments;
    private final RemediesSettings settings;

    CaseEvidence(JdbcAttachments attachments, RemediesSettings settings) {
        this.attachments = attachments;
        this.settings = settings;
    }

    /** Every file checked, the empty file inputs of a form left out; refused as a whole if one is bad. */
    List<EvidenceFile> check(List<Upload> uploads) {
        List<Upload> given = uploads == null ? List.of() : uploads.stream().filter(u -> u != null && !u.isEmpty()).toList();
        if (given.size() > settings.attachmentsPerCase()) {
            throw ChengxinException.badRequest("ATTACHMENT_TOO_MANY", "附件最多 " + settings.attachmentsPerCase() + " 个");
        }
        List<EvidenceFile> checked = new ArrayList<>(given.size());
        for (Upload u : given) {
            checked.add(EvidenceFile.check(u.fileName(), u.declaredType(), u.content(), settings.attachmentMaxBytes()));
        }
        return checked;
    }

    void keepForObjection(long objectionId, List<EvidenceFile> files, Instant at) {
        files.forEach(f -> attachments.add(objectionId, null, f, sha256(f.content()), at));
    }

    void keepForRepair(long repairId, List<EvidenceFile> files, Instant at) {
        files.forEach(f -> attachments.add(null, repairId, f, sha256(f.content()), at));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
