package org.chengxin.shared.error;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details written where no message converter helps: in the security firewall and in the
 * servlet container's own error report, before any controller runs.
 */
final class ProblemBodies {

    static final String PATH_INVALID = "PATH_INVALID";
    static final String PATH_INVALID_MESSAGE = "请求地址含有不允许的字符或写法（编码的斜杠 %2F、反斜杠 %5C、空字符 %00、分号或连续的斜杠等），"
            + "请检查请求地址";
    static final String CONTENT_TYPE = "application/problem+json;charset=UTF-8";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemBodies() {
    }

    /** An {@code /api} path (as sent, within the context path) answers with problem details, not pages. */
    static boolean isApi(String contextPath, String rawPath) {
        return rawPath != null && rawPath.startsWith((contextPath == null ? "" : contextPath) + "/api/");
    }

    /** The problem for a status nothing described more precisely, with the masked path as its instance. */
    static String json(int status, String code, String detail, String rawPath) {
        ProblemDetail problem = Problems.masked(Problems.of(HttpStatus.valueOf(status), code, detail), rawPath);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance() == null ? null : problem.getInstance().toString());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return JSON.writeValueAsString(body);
    }

    /** A short Chinese page for a person whose browser sent such a request. */
    static String page(int status, String message) {
        String title = Problems.titleOf(status);
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + title + "</title></head><body>"
                + "<h1>" + title + "</h1><p>" + message + "</p><p><a href=\"/\">返回首页</a></p></body></html>";
    }
}
