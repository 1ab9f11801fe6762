package org.chengxin.measures;

import java.time.Instant;

import org.chengxin.shared.security.Actor;
import org.chengxin.shared.subject.SubjectKey;

/**
 * A department checked a person for a matter (联合奖惩核查): stored as check {@code checkId}, or refused after
 * the person was known (today only for the credit-agency blacklist). Published inside the transaction that
 * stores the check (or logs the refusal), so that the query log's owner, the {@code inquiry} module, records it
 * in that same transaction. Carries the blind index and the masked number, never the number.
 *
 * @param checkId     null when refused
 * @param refusalCode null when the check was made
 */
public record MeasureChecked(Instant at, Actor actor, SubjectKey subject, String maskedId, String matterCode, String matterName,
        String listVersion, Long checkId, String refusalCode) {

    public boolean refused() {
        return refusalCode != null;
    }
}
