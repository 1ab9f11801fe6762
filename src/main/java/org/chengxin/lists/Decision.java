package org.chengxin.lists;

import java.time.LocalDate;
import java.util.List;

/** A reviewer's decision to list a person: document, legal basis, criteria, period and the records it rests on. */
public record Decision(String subjectIndex, String documentNumber, String legalBasis, String criteria, LocalDate startDate,
        LocalDate endDate, List<Long> recordIds) {
}
