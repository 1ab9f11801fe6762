package org.chengxin.lists;

import java.time.LocalDate;
import java.util.List;

import org.chengxin.shared.subject.SubjectKey;

/**
 * What narrows a department's candidates: the people (blind indexes, from an ID number or a name; null for anyone),
 * a catalog item one of the records rests on, and a range of the decision dates of those records (a candidate is kept
 * when one of its records was decided within it). Null leaves a part out.
 */
public record CandidateFilter(List<SubjectKey> subjects, String itemCode, LocalDate from, LocalDate to) {

    public static final CandidateFilter NONE = new CandidateFilter(null, null, null, null);

    public CandidateFilter {
        subjects = subjects == null ? null : List.copyOf(subjects);
    }
}
