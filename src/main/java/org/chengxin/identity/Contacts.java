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
}
