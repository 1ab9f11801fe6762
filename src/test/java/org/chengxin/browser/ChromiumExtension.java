package org.chengxin.browser;

import java.time.Clock;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a browser test a {@link Browser}: a fresh headless Chromium per test (no session cookie
 * carries over from one test to the next) pointed at the application the Spring test context started,
 * closed when the test ends, passed or failed.
 */
final class ChromiumExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ChromiumExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Browser resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(Browser.class, type -> open(context), Browser.class);
    }

    private static Browser open(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        String port = application.getEnvironment().getRequiredProperty("local.server.port");
        return new Browser(HeadlessChromium.start(), "http://localhost:" + port, application.getBean(Clock.class));
    }
}
