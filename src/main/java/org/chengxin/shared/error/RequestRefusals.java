package org.chengxin.shared.error;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before a controller runs still answer in the platform's terms: Spring
 * Security's firewall ({@code ;}, {@code //}, encoded slashes) and Tomcat's connector (an encoded
 * slash, backslash or NUL) both give {@code PATH_INVALID} as a problem detail for {@code /api}, and a
 * Chinese page for people.
 */
@Configuration(proxyBeanMethods = false)
class RequestRefusals {

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            if (!ProblemBodies.isApi(request.getContextPath(), request.getRequestURI())) {
                // the error page answers people, in Chinese
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(ProblemBodies.CONTENT_TYPE);
            response.getOutputStream().write(ProblemBodies.json(400, ProblemBodies.PATH_INVALID, ProblemBodies.PATH_INVALID_MESSAGE,
                    request.getRequestURI()).getBytes(StandardCharsets.UTF_8));
        };
    }

    @Bean
    ProblemReportsCustomizer problemErrorReports() {
        return new ProblemReportsCustomizer();
    }

    /** Runs after Spring Boot's own customizer, which adds Tomcat's English error report valve to the host. */
    static final class ProblemReportsCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> useProblemReports(context.getParent()));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    private static void useProblemReports(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemErrorReportValve());
        if (host instanceof StandardHost standard) {
            // the host adds the valve of this class when it starts, unless one is there already
            standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
    }
}
