package org.chengxin.mutual;

import java.time.Instant;

import org.chengxin.shared.security.Actor;
import org.chengxin.shared.subject.SubjectKey;

/**
 * Another city's platform asked {@code POST /api/v1/mutual/credit-status} about a person: answered, or refused once the
 * person was known (the name given is not the registered one). Published inside the transaction of the answer (or of
 * the refusal), so that the query log's owner, the {@code inquiry} module, records it in that same transaction. Carries
 * the blind index and the masked number, never the number.
 *
 * @param platform    the asking platform's registered name (常德市公共信用信息平台)
 * @param dutyCode    the duty of the mutual-query list (GWY-LY …)
 * @param caseNumber  the asking city's case number, ID-shaped runs masked
 * @param answer      what was answered, in one line of Chinese; null when refused
 * @param refusalCode null when answered
 */
public record MutualQueryAnswered(Instant at, Actor actor, SubjectKey subject, String maskedId, String platform, String dutyCode,
        String dutyName, String caseNumber, String purpose, String answer, String refusalCode) {

    public boolean refused() {
        return refusalCode != null;
    }
}
