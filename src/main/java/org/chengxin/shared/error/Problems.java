package org.chengxin.shared.error;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.chengxin.shared.id.Masking;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.util.UriUtils;

/** Builds the platform's problem details: a Chinese title, a stable {@code code}, a masked detail. */
public final class Problems {

    public static final String TYPE_BASE = "urn:chengxin:problem:";

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "请求有误"),
            Map.entry(401, "需要身份认证"),
            Map.entry(403, "没有权限"),
            Map.entry(404, "资源不存在"),
            Map.entry(405, "不支持该请求方法"),
            Map.entry(406, "无法提供所要求的格式"),
            Map.entry(409, "与现有数据冲突"),
            Map.entry(413, "上传内容过大"),
            Map.entry(415, "不支持的内容类型"),
            Map.entry(422, "数据校验未通过"),
            Map.entry(423, "账号已锁定"),
            Map.entry(429, "请求过于频繁"),
            Map.entry(500, "服务器内部错误"),
            Map.entry(503, "服务暂不可用"));

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Masking.maskIdShaped(detail));
        problem.setTitle(titleOf(status.value()));
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail of(ChengxinException e) {
        return of(statusOf(e.kind()), e.code(), e.getMessage());
    }

    /** The HTTP status of a kind of refusal: the only place where a refusal meets HTTP. */
    public static HttpStatus statusOf(ChengxinException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
        };
    }

    /**
     * The problem as it may leave the platform: every ID-shaped run in its text masked, its
     * {@code instance} the masked path that was asked for (an ID number sent in a URL is not echoed).
     */
    public static ProblemDetail masked(ProblemDetail problem, String requestPath) {
        problem.setTitle(Masking.maskIdShaped(problem.getTitle()));
        problem.setDetail(Masking.maskIdShaped(problem.getDetail()));
        problem.setInstance(requestPath == null ? null : URI.create(maskedPath(requestPath)));
        if (problem.getProperties() != null) {
            problem.getProperties().replaceAll((name, value) -> masked(value));
        }
        return problem;
    }

    /**
     * A request path (as sent, percent-encoded) with every ID-shaped run masked, also one spelled
     * with percent-escapes; it comes back percent-encoded, safe for a URI or a log line.
     */
    public static String maskedPath(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        String decoded;
        try {
            decoded = UriUtils.decode(rawPath, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            decoded = rawPath;
        }
        return UriUtils.encodePath(Masking.maskIdShaped(decoded), StandardCharsets.UTF_8);
    }

    /** Strings masked, and the strings inside lists and maps (a problem's {@code errors}). */
    static Object masked(Object value) {
        if (value instanceof CharSequence text) {
            return Masking.maskIdShaped(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(masked(k), masked(v)));
            return copy;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(Problems::masked).toList();
        }
        return value;
    }

    public static String titleOf(int status) {
        String title = TITLES.get(status);
        if (title != null) {
            return title;
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        return resolved != null && resolved.is5xxServerError() ? "服务器内部错误" : "请求未能完成";
    }

    /** The generic code for a status that no handler named more precisely. */
    public static String codeOf(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "AUTHENTICATION_REQUIRED";
            case 403 -> "ACCESS_DENIED";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "TOO_MANY_REQUESTS";
            default -> status >= 500 ? "INTERNAL_ERROR" : "REQUEST_FAILED";
        };
    }
}
