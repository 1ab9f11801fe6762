package org.chengxin.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.subject.SubjectKey;

/** The identity module's API: credit subjects by ID number, without ever storing the number in clear. */
public interface Citizens {

    /** Finds the subject of this number, creating it on first sight. */
    CitizenRef enroll(IdNumber number);

    Optional<CitizenRef> find(IdNumber number);

    /** Enrolls many numbers at once (bulk ingestion); the answer has an entry for every number. */
    default Map<IdNumber, CitizenRef> enrollAll(Collection<IdNumber> numbers) {
        return enrollAll(lookUp(numbers), numbers);
    }

    /** Each number's subject key, and the subjects among them that exist: one lookup for a chunk of a push. */
    SubjectLookup lookUp(Collection<IdNumber> numbers);

    /**
     * Enrolls these numbers (all of them looked up in {@code lookup}): only those the lookup did not find are
     * enrolled; the answer has an entry for every number.
     */
    Map<IdNumber, CitizenRef> enrollAll(SubjectLookup lookup, Collection<IdNumber> numbers);

    Optional<CitizenRef> findById(long subjectId);

    /** The subject ids of these blind indexes, in one query; keys of no subject are left out. */
    Map<SubjectKey, Long> subjectIdsOf(Collection<SubjectKey> keys);

    /** The masked numbers of many subjects in one query (a list page, an export); unknown ids are left out. */
    Map<Long, String> maskedIds(Collection<Long> subjectIds);

    /**
     * The credit subject of the logged-in citizen, for the pages under {@code /my}; anyone without one
     * (staff, or a citizen whose subject is gone) is answered SUBJECT_NOT_FOUND.
     */
    default CitizenRef signedIn(ChengxinPrincipal who) {
        return (who == null || who.subjectId() == null ? Optional.<CitizenRef>empty() : findById(who.subjectId()))
                .orElseThrow(() -> ChengxinException.notFound("SUBJECT_NOT_FOUND", "找不到您的信用主体信息"));
    }

    /**
     * Decrypts the number of a subject, for the few uses that need it in full (a birth date, a
     * printed report). Each use is recorded in the audit trail with its purpose.
     */
    IdNumber reveal(long subjectId, String purpose);

    /**
     * {@link #reveal} for many subjects at once (a background job): each decrypted number is recorded in the audit
     * trail with its purpose, as one reveal would be. Subjects that no longer exist are left out.
     */
    Map<Long, IdNumber> revealAll(Collection<Long> subjectIds, String purpose);

    /** The subject key (blind index) of a number, whether or not a subject exists for it. */
    SubjectKey subjectKeyOf(IdNumber number);

    long count();
}
