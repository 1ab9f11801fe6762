package org.chengxin.shared.audit;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.subject.SubjectKey;

/**
 * Something a person or system did that the audit trail must hold: a login, a change, a read of a
 * person's data. Carries the subject's blind index, never an ID number. Published inside a
 * transaction it is stored with that transaction; published outside one, the publisher waits
 * until it is durable.
 *
 * @param action stable action code, e.g. {@code identity.validation}, {@code auth.login}
 * @param subject the subject key of the person concerned, or null; in the event registry's JSON it keeps
 *        its earlier name and form, {@code "subjectIndex": hex}, so that stored publications still read
 * @param purpose why the data was used, where that applies
 * @param detail a short note, never holding a full ID number
 */
public record AuditEvent(UUID eventId, Instant occurredAt, String actor, String role, String department,
        String action, @JsonProperty("subjectIndex") SubjectKey subject, String purpose, AuditOutcome outcome, String detail) {

    public static AuditEvent of(Actor actor, Instant when, String action, SubjectKey subject, String purpose,
            AuditOutcome outcome, String detail) {
        return new AuditEvent(UUID.randomUUID(), when, actor.name(), actor.role(),
                actor.department() == null ? null : actor.department().value(), action,
                subject, purpose, outcome, detail);
    }
}
