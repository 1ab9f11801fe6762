package org.chengxin.identity;

import org.chengxin.shared.subject.SubjectKey;

/**
 * A credit subject as other modules see it: an id, the subject key (the blind index, for audit entries
 * and events), the masked number and the region of issue. Never the number itself, nor its birth date:
 * a module that needs those asks {@link Citizens#reveal(long, String)} for a reason it can name.
 */
public record CitizenRef(long id, SubjectKey subject, String maskedId, String regionCode) {
}
