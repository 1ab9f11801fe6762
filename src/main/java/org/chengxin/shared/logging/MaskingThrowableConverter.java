package org.chengxin.shared.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.chengxin.shared.id.Masking;

/** Logback's stack traces, with every ID-shaped run in exception messages masked. */
public class MaskingThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String trace = super.convert(event);
        if (trace.isEmpty()) {
            return trace;
        }
        return Masking.maskIdShaped(System.lineSeparator() + trace);
    }
}
