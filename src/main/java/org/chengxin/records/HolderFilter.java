package org.chengxin.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.chengxin.shared.subject.SubjectKey;

/**
 * Who holds records in force (shown today: active, under objection, or suspended after an objection not verified in
 * time; not expired, revoked or repaired) of some items: the members of a key group's or the students' archive.
 *
 * @param qualifying the items a record of which makes a person a holder (a regulator's own items)
 * @param counted    the items whose records are counted and dated for each holder (the whole archive); a holder's
 *                   qualifying records are among them when {@code qualifying} is a subset, as the archives make it
 * @param subjects   the person by subject keys (blind indexes): null means anyone, an empty list no one
 * @param adultsOnly leave out records decided while the person was a minor (the student archive is of people aged 18+)
 */
public record HolderFilter(Set<String> qualifying, Set<String> counted, List<SubjectKey> subjects, boolean adultsOnly) {

    public HolderFilter {
        qualifying = Set.copyOf(qualifying);
        counted = Set.copyOf(counted);
        subjects = subjects == null ? null : List.copyOf(subjects);
    }

    /** A holder: the person, how many records of the counted items are in force and the latest decision date among them. */
    public record Holder(long subjectId, long records, LocalDate latestDecision) {
    }
}
