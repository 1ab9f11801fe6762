package org.chengxin.standing;

import java.time.Instant;

import org.chengxin.shared.security.Actor;
import org.chengxin.shared.subject.SubjectKey;

/**
 * A department system asked {@code POST /api/v1/credit-status} about a person: answered, or refused after the
 * person was known (today only for the credit-agency blacklist). Published inside the transaction of the answer
 * (or of the refusal), so that the query log's owner, the {@code inquiry} module, records it in that same
 * transaction. Carries the blind index and the masked number, never the number.
 *
 * @param refusalCode null when answered
 */
public record CreditStatusQueried(Instant at, Actor actor, SubjectKey subject, String maskedId, String purpose, String refusalCode) {

    public boolean refused() {
        return refusalCode != null;
    }
}
