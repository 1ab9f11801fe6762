package org.chengxin.identity;

import java.util.Map;

import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.subject.SubjectKey;

/**
 * A chunk of a push looked up once ({@link Citizens#lookUp}): every number's subject key (its blind index, computed
 * once for the chunk) and the subjects among them that exist already. The name check and the enrolment of the same
 * chunk both start from it, so the chunk's people are looked up in the table once, not twice.
 */
public record SubjectLookup(Map<IdNumber, SubjectKey> keys, Map<IdNumber, CitizenRef> found) {
}
