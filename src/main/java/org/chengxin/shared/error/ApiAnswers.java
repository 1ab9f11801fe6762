package org.chengxin.shared.error;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an operation of the API ({@code /api/v1}) answers, for its OpenAPI description (issue 18, item 5: the API as a
 * contract). The description then declares the status of success, every problem status the operation can answer
 * (with the RFC 9457 problem schema and its {@code code}) and the OAuth2 scopes that open it. The problems every
 * operation can answer are added for all: 400 (a malformed request or parameter), 401 and 403 unless {@link #open()},
 * 429 for the open ones (the public rate limit) and 503 (the database unavailable); {@link #problems()} adds the
 * operation's own (404 for an unknown id, 409, 413, 415 …). The access rules of each module enforce the scopes; the
 * description states them. {@code ApiContract} in the tests checks every answer the integration tests receive against
 * the description.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiAnswers {

    /** The status of success: 200, 201 (created) or 202 (accepted, processed later). */
    int success() default 200;

    /** The operation's own problem statuses, besides those every operation can answer. */
    int[] problems() default {};

    /** The OAuth2 scopes that open the operation (any one of them). */
    String[] scopes() default {};

    /** Open data: no token. */
    boolean open() default false;

    /** The media types of a success that is a file (an attachment, a CSV or XLSX export), where they vary by answer. */
    String[] media() default {};
}
