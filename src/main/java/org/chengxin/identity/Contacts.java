package org.chengxin.identity;

import java.util.Optional;

import org.chengxin.shared.subject.SubjectKey;

/**
 * How to reach a person outside the platform: the mobile number the population register holds (never one typed by
 * whoever asks), and the e-mail address the person gave themselves. Both are stored encrypted and only read to send
 * a message.
 */
public interface Contacts {

    Optional<String> mobileOf(SubjectKey subject);

    Optional<String> emailOf(SubjectKey subject);

    /** Sets the person's e-mail address; null or blank removes it. Refused with EMAIL_INVALID when malformed. */
    void setEmail(SubjectKey subject, String email);

    /** An address shown to its owner: the first character of the name, stars, the domain. */
    static String maskedEmail(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
