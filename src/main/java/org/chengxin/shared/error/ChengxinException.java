package org.chengxin.shared.error;

import org.chengxin.shared.id.InvalidIdNumberException;

/**
 * A refusal the caller can understand and act on: a stable code, a Chinese message (never holding a
 * full ID number) and its kind. Plain Java, so that domain code decides and throws it; the web layer
 * alone turns the kind into an HTTP status ({@link Problems#statusOf}).
 */
public class ChengxinException extends RuntimeException {

    /** What kind of refusal: the web layer maps each to one HTTP status. */
    public enum Kind {
        /** The request or the data in it is not acceptable (400). */
        INVALID,
        /** The caller may not do this (403). */
        FORBIDDEN,
        /** No such thing, or not the caller's: the two are answered alike (404). */
        NOT_FOUND,
        /** The thing's current state does not allow it (409). */
        CONFLICT,
        /** More than the platform accepts at once (413). */
        TOO_LARGE,
        /** The platform cannot serve it now; the caller may try again later (503). */
        UNAVAILABLE,
        /** Too many attempts in a while (a rate limit); the caller may try again later (429). */
        TOO_MANY
    }

    private final Kind kind;
    private final String code;

    public ChengxinException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static ChengxinException badRequest(String code, String message) {
        return new ChengxinException(Kind.INVALID, code, message);
    }

    /** An invalid ID number for a page: its first error's code and message (never the number). */
    public static ChengxinException invalidIdNumber(InvalidIdNumberException e) {
        return badRequest(e.firstError().code(), e.firstError().message());
    }

    public static ChengxinException notFound(String code, String message) {
        return new ChengxinException(Kind.NOT_FOUND, code, message);
    }

    public static ChengxinException conflict(String code, String message) {
        return new ChengxinException(Kind.CONFLICT, code, message);
    }

    public static ChengxinException forbidden(String code, String message) {
        return new ChengxinException(Kind.FORBIDDEN, code, message);
    }

    public static ChengxinException tooLarge(String code, String message) {
        return new ChengxinException(Kind.TOO_LARGE, code, message);
    }

    public static ChengxinException unavailable(String code, String message) {
        return new ChengxinException(Kind.UNAVAILABLE, code, message);
    }

    public static ChengxinException tooMany(String code, String message) {
        return new ChengxinException(Kind.TOO_MANY, code, message);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
