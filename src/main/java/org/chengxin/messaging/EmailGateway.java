package org.chengxin.messaging;

/** Sends a plain-text e-mail. */
public interface EmailGateway {

    /** Throws {@link MessageNotSent} when the mail server did not take it. */
    void send(String to, String subject, String text);

    String name();
}
