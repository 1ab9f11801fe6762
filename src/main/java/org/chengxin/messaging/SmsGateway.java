package org.chengxin.messaging;

/** Sends a text message to a mainland mobile number. */
public interface SmsGateway {

    /**
     * Sends {@code text} (the platform's signature is added by the adapter); throws {@link MessageNotSent} when the
     * gateway did not take it, so that the caller can try again later.
     */
    void send(String mobile, String text);

    /**
     * Sends a one-time code: the same as {@link #send}, but an adapter that thins out what it shows (the console) always
     * shows a code, which the person is waiting for.
     */
    default void sendCode(String mobile, String text) {
        send(mobile, text);
    }

    /** What the adapter is, for the operations page and the audit trail (for example "HTTP 短信网关"). */
    String name();
}
