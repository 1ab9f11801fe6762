package org.chengxin.records.domain;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.text.UnicodeText;

/**
 * Why a record's status was changed by someone: required, at most 500 characters, kept for good (in the
 * status history and the append-only audit trail), so an ID number written into it is masked.
 */
public record ChangeReason(String text) {

    private static final int MAX_LENGTH = 500;

    /** The reason a department gives for revoking one of its records. */
    public static ChangeReason forRevocation(String raw) {
        if (missingOrTooLong(raw)) {
            throw ChengxinException.badRequest("REVOCATION_REASON_REQUIRED", "撤销必须说明理由（不超过500字）");
        }
        return new ChangeReason(Masking.maskIdShaped(raw).strip());
    }

    /** The reason an objection or a repair gives for changing a record's status. */
    public static ChangeReason of(String raw) {
        if (missingOrTooLong(raw)) {
            throw ChengxinException.badRequest("RECORD_CHANGE_REASON_REQUIRED", "变更记录状态必须说明理由（不超过500字）");
        }
        return new ChangeReason(Masking.maskIdShaped(raw).strip());
    }

    private static boolean missingOrTooLong(String raw) {
        return raw == null || raw.isBlank() || UnicodeText.longerThan(raw, MAX_LENGTH);
    }
}
