package org.chengxin.honours;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chengxin.shared.subject.SubjectKey;

/** 诚信典型: who consented to be shown, and what is shown. */
public interface HonestyModels {

    /** The person's good-credit records that would be shown (public items, in force), consent or not. */
    List<Honour> honoursOf(SubjectKey subject);

    /** When the person consented, if their consent is in force. */
    Optional<Instant> consentOf(SubjectKey subject);

    /** The person consents (idempotent); refused with HONOURS_NONE when they have nothing to show. */
    void consent(long subjectId, SubjectKey subject);

    /** The person withdraws the consent: they leave the public page at once. */
    void withdraw(SubjectKey subject);

    /** One page of the persons shown, most recent consent first, each with the honours in force today. */
    List<Model> published(int page, int size);

    long countPublished();

    /** A good-credit record as shown. */
    record Honour(long recordId, String itemName, String department, LocalDate decisionDate, String documentNumber, String detail) {
    }

    /** A person shown, by name (they consented to it) and masked number. */
    record Model(String name, String maskedId, List<Honour> honours) {
    }
}
