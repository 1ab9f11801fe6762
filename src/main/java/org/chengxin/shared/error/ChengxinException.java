package org.chengxin.shared.error;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can understand and act on: a stable code, a Chinese message (never holding
 * a full ID number) and the HTTP status it maps to.
 */
public class ChengxinException extends RuntimeException {

    private final String code;
    private final HttpStatus status;

    public ChengxinException(HttpStatus status, String code, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public static ChengxinException badRequest(String code, String message) {
        return new ChengxinException(HttpStatus.BAD_REQUEST, code, message);
    }

    /** An invalid ID number for a page: its first error's code and message (never the number). */
    public static ChengxinException invalidIdNumber(org.chengxin.shared.id.InvalidIdNumberException e) {
        return badRequest(e.firstError().code(), e.firstError().message());
    }

    public static ChengxinException notFound(String code, String message) {
        return new ChengxinException(HttpStatus.NOT_FOUND, code, message);
    }

    public static ChengxinException conflict(String code, String message) {
        return new ChengxinException(HttpStatus.CONFLICT, code, message);
    }

    public static ChengxinException forbidden(String code, String message) {
        return new ChengxinException(HttpStatus.FORBIDDEN, code, message);
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }
}
