package org.chengxin.lists;

import java.util.List;

import org.chengxin.lists.domain.SeriousDishonestyCandidates.Proposal;

/** A person the machine proposes to a department's reviewers, with why and on which records. */
public record Candidate(String subjectIndex, String maskedId, List<Proposal> proposals) {

    /** Every record any proposal rests on, once each, in order. */
    public List<Long> recordIds() {
        return proposals.stream().flatMap(p -> p.recordIds().stream()).distinct().toList();
    }
}
