package org.chengxin.shared.error;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * The servlet container's answer to a request it refused before any filter saw it (an encoded slash,
 * backslash or NUL in the path): a problem detail with a code for {@code /api}, a Chinese page for
 * anyone else, in place of Tomcat's English HTML.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own valve: nothing for a success, nothing once a page or body was written, report once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String path = request.getRequestURI();
        boolean refusedPath = status == 400 && hasForbiddenEscape(path);
        String code = refusedPath ? ProblemBodies.PATH_INVALID : Problems.codeOf(status);
        String message = refusedPath ? ProblemBodies.PATH_INVALID_MESSAGE : Problems.titleOf(status);
        boolean api = ProblemBodies.isApi(request.getContextPath(), path);
        try {
            response.setContentType(api ? ProblemBodies.CONTENT_TYPE : "text/html;charset=UTF-8");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(api ? ProblemBodies.json(status, code, message, path) : ProblemBodies.page(status, message));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the response is closed: nothing more can be said
        }
    }

    private static boolean hasForbiddenEscape(String path) {
        if (path == null) {
            return false;
        }
        String p = path.toLowerCase(Locale.ROOT);
        return p.contains("%2f") || p.contains("%5c") || p.contains("%00") || p.contains("\\");
    }
}
