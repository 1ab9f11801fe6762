package org.chengxin.shared.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.chengxin.shared.id.Masking;

/** Logback's {@code %msg}, with every ID-shaped run masked. */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Masking.maskIdShaped(super.convert(event));
    }
}
