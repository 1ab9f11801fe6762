package org.chengxin.portal;


import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.error.DatabaseUnavailable;
import org.chengxin.shared.error.Problems;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.upload.Uploads;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors that no controller answered (no such page, a servlet-level failure): a Chinese page for
 * people, a problem detail for API callers. Never a stack trace, never an ID number.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final Uploads uploads;

    ErrorPageController(Uploads uploads) {
        this.uploads = uploads;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = status(request);
        if (isApi(request)) {
            return "forward:/error/problem";
        }
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("title", Problems.titleOf(status));
        // a body is too large only when Tomcat stopped an upload: the refusal says by how much
        Object failure = status == 413 ? uploads.tooLarge() : request.getAttribute("chengxin.error");
        if (failure == null) {
            failure = DatabaseUnavailable.of((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        if (failure instanceof ChengxinException e) {
            model.addAttribute("message", Masking.maskIdShaped(e.getMessage()));
            model.addAttribute("code", e.code());
            return "error";
        }
        model.addAttribute("message", switch (status) {
            case 404 -> "您访问的页面不存在，请检查地址或返回首页。";
            case 403 -> "您没有访问此页面的权限。如需开通，请联系本单位管理员。";
            case 400 -> "提交的内容有误，请检查后重试。";
            default -> "系统处理请求时出错，请稍后重试；如问题持续，请联系平台管理员。";
        });
        return "error";
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        int status = status(request);
        ChengxinException database = request.getAttribute("chengxin.error") instanceof ChengxinException e
                && DatabaseUnavailable.CODE.equals(e.code()) ? e
                : DatabaseUnavailable.of((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        ProblemDetail problem = status == 413 ? Problems.of(uploads.tooLarge())
                : database != null ? Problems.of(database)
                : Problems.of(HttpStatus.valueOf(status), Problems.codeOf(status), Problems.titleOf(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @RequestMapping("/error/problem")
    ResponseEntity<ProblemDetail> forwardedProblem(HttpServletRequest request) {
        return problem(request);
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith(request.getContextPath() + "/api/");
    }

    private static int status(HttpServletRequest request) {
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Throwable cause = exception instanceof Throwable t && t.getCause() != null ? t.getCause() : (Throwable) exception;
        if (cause instanceof MaxUploadSizeExceededException) {
            return 413;
        }
        if (cause instanceof MultipartException) {
            return 400;
        }
        if (cause instanceof ChengxinException e) {
            return Problems.statusOf(e.kind()).value();
        }
        if (exception instanceof Throwable t && DatabaseUnavailable.is(t)) {
            // a filter (a session, a login) could not reach the database
            return 503;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null && exception == null) {
            // /error asked for directly: no failure to report, and no such page
            return 404;
        }
        int status = code instanceof Integer i ? i : 500;
        return HttpStatus.resolve(status) == null ? 500 : status;
    }

}
