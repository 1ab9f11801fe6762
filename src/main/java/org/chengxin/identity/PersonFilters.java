package org.chengxin.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.InvalidIdNumberException;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.listing.PersonLookups;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.stereotype.Component;

/**
 * Turns what a clerk typed into a list's person filter: the ID number (form field {@code idNumber}) into the subject
 * key and the masked number, the name (field {@code name}) into the subjects registered under it, both kept in the
 * session by {@link PersonLookups} under a token. The number and the name come in a POST body and leave only as that
 * token: the lists' addresses carry {@code who=<token>}, never the number or the name. One place for every staff
 * list, so that all of them check the same way and say the same Chinese words when the input is wrong.
 */
@Component
public class PersonFilters {

    /** The longest name a filter accepts. */
    public static final int MAX_NAME = 50;
    /** A name shared by more people than this is narrowed by the ID number instead; the list shows the first ones'. */
    public static final int MAX_NAMESAKES = 1000;

    private final Citizens citizens;
    private final PopulationRegister register;
    private final PersonLookups lookups;
    private final Clock clock;

    PersonFilters(Citizens citizens, PopulationRegister register, PersonLookups lookups, Clock clock) {
        this.citizens = citizens;
        this.register = register;
        this.lookups = lookups;
        this.clock = clock;
    }

    /**
     * What the form was turned into.
     *
     * @param token the {@code who} parameter the list's address should carry (a new token, the one kept from before
     *     when the form asked to keep it, or null for no person filter)
     * @param label the filter as the page names it (masked), null when nothing new was typed
     * @param byNumber the subject key of a valid typed ID number (for an audit entry), else null
     * @param maskedNumber the typed ID number masked, else null
     * @param error the Chinese message to flash as {@code filterError} when the input was wrong, else null
     */
    public record Result(String token, String label, SubjectKey byNumber, String maskedNumber, String error) {

        public boolean hasError() {
            return error != null;
        }
    }

    /** A filter by ID number or name (or both: the people with that number and that name). */
    public Result byNumberOrName(HttpSession session, Map<String, String> form) {
        return resolve(session, form, true);
    }

    /** A filter by ID number only (lists whose module does not know names); a {@code name} field is ignored. */
    public Result byNumber(HttpSession session, Map<String, String> form) {
        return resolve(session, form, false);
    }

    private Result resolve(HttpSession session, Map<String, String> form, boolean withName) {
        String idNumber = form.getOrDefault("idNumber", "").strip();
        String name = withName ? form.getOrDefault("name", "").strip() : "";
        List<SubjectKey> subjects = null;
        List<String> labels = new ArrayList<>();
        SubjectKey byNumber = null;
        String masked = null;
        String error = null;
        if (!idNumber.isEmpty()) {
            try {
                IdNumber number = IdNumber.parse(idNumber, clock);
                byNumber = citizens.subjectKeyOf(number);
                masked = number.masked();
                subjects = List.of(byNumber);
                labels.add(masked);
            } catch (InvalidIdNumberException e) {
                // the message names what is wrong, never the number
                error = "身份证号码有误：" + e.getMessage() + "。未按身份证号筛选。";
            }
        }
        if (!name.isEmpty()) {
            if (name.length() > MAX_NAME) {
                error = "姓名过长（最多 " + MAX_NAME + " 个字符）。未按姓名筛选。";
            } else {
                List<SubjectKey> named = register.subjectsNamed(name, MAX_NAMESAKES);
                subjects = subjects == null ? named : subjects.stream().filter(named::contains).toList();
                labels.add("姓名 " + Masking.name(name));
            }
        }
        if (subjects != null) {
            String label = String.join("，", labels);
            return new Result(lookups.store(session, subjects, label), label, byNumber, masked, error);
        }
        // the lists by number or name keep the earlier person when nothing valid was typed; the lists by number only
        // keep it when no number was typed at all (a wrong number drops the earlier filter), as they always did
        boolean mayKeep = withName || idNumber.isEmpty();
        String kept = mayKeep && form.get("keepPerson") != null && lookups.find(session, form.get("who")).isPresent() ? form.get("who") : null;
        return new Result(kept, null, null, null, error);
    }
}
