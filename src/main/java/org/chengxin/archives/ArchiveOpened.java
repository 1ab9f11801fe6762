package org.chengxin.archives;

import java.time.Instant;

import org.chengxin.shared.security.Actor;
import org.chengxin.shared.subject.SubjectKey;

/**
 * A department's staff opened a person's key-group or student archive for a purpose. Published inside the
 * transaction of the opening, so that the query log's owner (the {@code inquiry} module) records the use in that same
 * transaction; the archive is shown only when it is recorded. Carries the blind index and the masked number, never
 * the number.
 *
 * @param student  the student archive (policy 四) rather than a key group's (policy 七)
 * @param archive  the archive's name in words (律师, 学生诚信档案 …)
 * @param purpose  the purpose chosen from the archive's fixed list
 * @param basis    what the use rests on, in words
 */
public record ArchiveOpened(Instant at, Actor actor, SubjectKey subject, String maskedId, boolean student, String archive,
        String purpose, String basis) {
}
