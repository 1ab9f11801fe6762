package org.chengxin.shared.listing;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.chengxin.shared.subject.SubjectKey;
import org.springframework.stereotype.Component;

/**
 * Filters by a person's ID number or name, which never go into a URL: the form posts them, the page keeps what they
 * were turned into (the subjects' blind indexes and a masked label, never the number or the name) in the session
 * under a random token, and the list's links carry only the token ({@code who=...}). A token lives
 * {@value #LIFETIME_MINUTES} minutes and only in the session that made it; a session keeps at most
 * {@value #MAX_PER_SESSION}. One store serves every staff list (records, checks, cases, list entries, good-credit
 * records): a token made on one list names the same person on another in the same session.
 */
@Component
public class PersonLookups {

    public static final int LIFETIME_MINUTES = 30;
    public static final int MAX_PER_SESSION = 20;
    private static final String ATTRIBUTE = PersonLookups.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    PersonLookups(Clock clock) {
        this.clock = clock;
    }

    /** What a token stands for: the subjects (blind indexes) and how the page names the filter (masked). */
    public record Lookup(List<String> subjectHex, String label, Instant expires) implements Serializable {

        public List<SubjectKey> subjects() {
            return subjectHex.stream().map(SubjectKey::fromHex).toList();
        }
    }

    public String store(HttpSession session, List<SubjectKey> subjects, String label) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        synchronized (session) {
            Map<String, Lookup> lookups = lookups(session);
            lookups.values().removeIf(l -> l.expires().isBefore(Instant.now(clock)));
            while (lookups.size() >= MAX_PER_SESSION) {
                lookups.remove(lookups.keySet().iterator().next());
            }
            lookups.put(token, new Lookup(subjects.stream().map(SubjectKey::hex).toList(), label, Instant.now(clock).plus(Duration.ofMinutes(LIFETIME_MINUTES))));
            session.setAttribute(ATTRIBUTE, lookups);
        }
        return token;
    }

    public Optional<Lookup> find(HttpSession session, String token) {
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
