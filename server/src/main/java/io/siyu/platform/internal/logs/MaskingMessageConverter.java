package io.siyu.platform.internal.logs;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** The {@code %m} of the console log pattern, with phone numbers and e-mail addresses masked. */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataInLogs.mask(super.convert(event));
    }
}
