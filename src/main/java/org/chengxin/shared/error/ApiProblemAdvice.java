package org.chengxin.shared.error;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.chengxin.shared.id.IdNumberError;
import org.chengxin.shared.id.InvalidIdNumberException;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.upload.Uploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of an {@code /api} request into a problem detail with a stable code. Requests
 * for pages are handed on (rethrown) to the HTML error page.
 */
@RestControllerAdvice
class ApiProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    private final Uploads uploads;

    ApiProblemAdvice(Uploads uploads) {
        this.uploads = uploads;
    }

    @ExceptionHandler(ChengxinException.class)
    ProblemDetail chengxin(ChengxinException e, HttpServletRequest request) throws ChengxinException {
        apiOnly(e, request);
        return Problems.of(e);
    }

    @ExceptionHandler(InvalidIdNumberException.class)
    ProblemDetail invalidIdNumber(InvalidIdNumberException e, HttpServletRequest request) {
        apiOnly(e, request);
        IdNumberError first = e.firstError();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, first.code(), first.message());
        problem.setProperty("errors", e.errors().stream()
                .map(err -> Map.of("code", err.code(), "message", err.message())).toList());
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) throws Exception {
        apiOnly(e, request);
        List<Map<String, String>> fields = e.getBindingResult().getFieldErrors().stream()
                .map(ApiProblemAdvice::describe).toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请求内容未通过校验");
        problem.setProperty("errors", fields);
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        apiOnly(e, request);
        // a refusal raised while the body was read (UnfitTextDeserializer) is answered as itself
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ChengxinException refusal) {
                return Problems.of(refusal);
            }
        }
        return UnreadableBody.problem(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        apiOnly(e, request);
        return Problems.of(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "参数“" + e.getName() + "”的格式不正确");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        apiOnly(e, request);
        return Problems.of(uploads.tooLarge());
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e, HttpServletRequest request) {
        apiOnly(e, request);
        return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_UPLOAD", "上传内容无法解析");
    }

    /** A path no endpoint maps (the caller passed authentication: an anonymous one is answered 401 first). */
    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ProblemDetail noSuchPath(Exception e, HttpServletRequest request) throws Exception {
        apiOnly(e, request);
        return Problems.of(HttpStatus.NOT_FOUND, "API_PATH_NOT_FOUND", "接口路径不存在，请核对请求地址（接口文档见 /swagger-ui.html）");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        // Spring Security's entry point and access-denied handler answer these.
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) throws Exception {
        apiOnly(e, request);
        if (e instanceof ErrorResponse framework) {
            int status = framework.getStatusCode().value();
            return Problems.of(framework.getStatusCode(), Problems.codeOf(status), Problems.titleOf(status));
        }
        ChengxinException database = DatabaseUnavailable.of(e);
        if (database != null) {
            // the database is out of reach: no stack trace per request, the pool and health say the rest
            log.warn("数据库不可用 {} {}: {}", request.getMethod(), Problems.maskedPath(request.getRequestURI()), e.getClass().getSimpleName());
            return Problems.of(database);
        }
        log.error("未处理的异常 {} {}: {}", request.getMethod(), Problems.maskedPath(request.getRequestURI()),
                Masking.maskIdShaped(e.toString()), e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "服务器处理请求时出错，请稍后重试或联系平台管理员");
    }

    private static Map<String, String> describe(FieldError error) {
        String message = error.getDefaultMessage() == null ? "取值不正确" : error.getDefaultMessage();
        return Map.of("field", error.getField(), "code", "FIELD_INVALID", "message", Masking.maskIdShaped(message));
    }

    private static <E extends Exception> void apiOnly(E e, HttpServletRequest request) throws E {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
    }
}
