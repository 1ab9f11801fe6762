package org.chengxin.lists;

import java.util.List;

import org.chengxin.lists.domain.SeriousDishonestyCandidates.Proposal;
import org.chengxin.shared.subject.SubjectKey;

/** A person the machine proposes to a department's reviewers, with why and on which records. */
public record Candidate(SubjectKey subject, String maskedId, List<Proposal> proposals) {

    /** Every record any proposal rests on, once each, in order. */
    public List<Long> recordIds() {
        return proposals.stream().flatMap(p -> p.recordIds().stream()).distinct().toList();
    }
}
