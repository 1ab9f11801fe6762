package org.chengxin.inquiry.web;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.chengxin.shared.subject.SubjectKey;
import org.springframework.stereotype.Component;

/**
 * The auditor's filter by a person's ID number, which never goes into a URL (the same way as the records list's
 * person filter, kept apart because that one belongs to the records module): the form posts the number, the session
 * keeps what it was turned into (the blind index and the masked number, never the number) under a random token, and
 * the list's links carry only the token ({@code who=...}). A token lives {@value #LIFETIME_MINUTES} minutes and only in
 * the session that made it; a session keeps at most {@value #MAX_PER_SESSION}.
 */
@Component
class QueryLogLookups {

    static final int LIFETIME_MINUTES = 30;
    static final int MAX_PER_SESSION = 20;
    private static final String ATTRIBUTE = QueryLogLookups.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    QueryLogLookups(Clock clock) {
        this.clock = clock;
    }

    /** What a token stands for: the person's blind index and the masked number the page shows. */
    record Lookup(String subjectHex, String label, Instant expires) implements Serializable {

        SubjectKey subject() {
            return SubjectKey.fromHex(subjectHex);
        }
    }

    String store(HttpSession session, SubjectKey subject, String maskedLabel) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        synchronized (session) {
            Map<String, Lookup> lookups = lookups(session);
            lookups.values().removeIf(l -> l.expires().isBefore(Instant.now(clock)));
            while (lookups.size() >= MAX_PER_SESSION) {
                lookups.remove(lookups.keySet().iterator().next());
            }
            lookups.put(token, new Lookup(subject.hex(), maskedLabel, Instant.now(clock).plus(Duration.ofMinutes(LIFETIME_MINUTES))));
            session.setAttribute(ATTRIBUTE, lookups);
        }
        return token;
    }

    Optional<Lookup> find(HttpSession session, String token) {
        if (token == null || token.isBlank() || session == null) {
            return Optional.empty();
        }
        synchronized (session) {
            Lookup lookup = lookups(session).get(token);
            return lookup == null || lookup.expires().isBefore(Instant.now(clock)) ? Optional.empty() : Optional.of(lookup);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Lookup> lookups(HttpSession session) {
        Object o = session.getAttribute(ATTRIBUTE);
        return o instanceof LinkedHashMap<?, ?> m ? (LinkedHashMap<String, Lookup>) m : new LinkedHashMap<>();
    }
}
