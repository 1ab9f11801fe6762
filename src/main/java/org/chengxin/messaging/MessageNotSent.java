package org.chengxin.messaging;

/**
 * A gateway did not take a message. The message says why in terms of the gateway (a status, a timeout), never the
 * address or the text sent; {@link #code()} is stable, for the outbox and the audit trail.
 */
public class MessageNotSent extends RuntimeException {

    private final String code;

    public MessageNotSent(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public MessageNotSent(String code, String message) {
        this(code, message, null);
    }

    public String code() {
        return code;
    }
}
