package org.chengxin.shared.error;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * A request body that could not be read, told in the caller's terms: where the JSON breaks (line and
 * column) or which field has the wrong type. The parser's own message is never shown: it names its
 * classes and may quote the caller's text.
 */
final class UnreadableBody {

    static final String CODE = "MALFORMED_REQUEST_BODY";
    private static final int MAX_FIELD_LENGTH = 64;

    private UnreadableBody() {
    }

    static ProblemDetail problem(HttpMessageNotReadableException e) {
        if (!(e.getMostSpecificCause() instanceof JacksonException json)) {
            return Problems.of(HttpStatus.BAD_REQUEST, CODE, "请求内容为空或无法读取：请提交格式正确的 JSON（UTF-8 编码）");
        }
        TokenStreamLocation at = json.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        String where = line > 0 ? "第 " + line + " 行第 " + column + " 列" : "开头";
        String field = field(json);
        boolean syntax = json instanceof StreamReadException && !(json instanceof InputCoercionException);
        String detail;
        if (json instanceof UnexpectedEndOfInputException) {
            detail = "请求内容不是完整的 JSON：在" + where + "意外结束";
        } else if (syntax) {
            detail = "请求内容不是合法的 JSON：" + where + "附近有误，请检查格式（须为 UTF-8 编码）";
        } else if (field.isEmpty()) {
            detail = "请求内容的结构与接口要求不符（" + where + "）：请按接口文档提交 JSON 对象";
        } else {
            detail = "请求内容中字段“" + field + "”的类型或取值不正确（" + where + "）";
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, CODE, detail);
        if (line > 0) {
            problem.setProperty("line", line);
            problem.setProperty("column", column);
        }
        if (!field.isEmpty()) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    /** The field's path as the caller wrote it ({@code records[0].idNumber}), shortened. */
    private static String field(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference step : e.getPath()) {
            if (step.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.length() > MAX_FIELD_LENGTH ? path.substring(0, MAX_FIELD_LENGTH) + "…" : path.toString();
    }
}
