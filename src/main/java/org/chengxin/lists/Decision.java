package org.chengxin.lists;

import java.time.LocalDate;
import java.util.List;
import org.chengxin.shared.subject.SubjectKey;

/** A reviewer's decision to list a person: document, legal basis, criteria, period and the records it rests on. */
public record Decision(SubjectKey subject, String documentNumber, String legalBasis, String criteria, LocalDate startDate,
        LocalDate endDate, List<Long> recordIds) {
}
