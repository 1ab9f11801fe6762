package org.chengxin.audit;

import java.time.Instant;

/**
 * The result of walking the audit chain.
 *
 * @param intact whether every link holds
 * @param entriesChecked how many entries were read
 * @param firstBrokenSeq the sequence number of the first broken link, or null
 * @param reason what is wrong there, in Chinese
 */
public record AuditVerification(boolean intact, long entriesChecked, Long firstBrokenSeq, String reason, Instant verifiedAt) {
}
