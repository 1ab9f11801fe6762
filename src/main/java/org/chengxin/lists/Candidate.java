package org.chengxin.lists;

import java.time.LocalDate;
import java.util.List;

import org.chengxin.lists.domain.SeriousDishonestyCandidates.Proposal;
import org.chengxin.shared.subject.SubjectKey;

/**
 * A person the machine proposes to a department's reviewers, with why and on which records.
 *
 * @param subjectId the person's subject id in identity (0 when unknown), for the masked name of a list
 * @param itemCodes the catalog items of the records the proposals rest on, once each
 * @param earliest  the earliest decision date of those records; null when unknown
 */
public record Candidate(SubjectKey subject, String maskedId, List<Proposal> proposals, long subjectId, List<String> itemCodes,
        LocalDate earliest) {

    public Candidate(SubjectKey subject, String maskedId, List<Proposal> proposals) {
        this(subject, maskedId, proposals, 0, List.of(), null);
    }

    /** Every record any proposal rests on, once each, in order. */
    public List<Long> recordIds() {
        return proposals.stream().flatMap(p -> p.recordIds().stream()).distinct().toList();
    }
}
