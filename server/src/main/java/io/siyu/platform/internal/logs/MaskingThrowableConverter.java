package io.siyu.platform.internal.logs;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * The {@code %wEx} of the console log pattern: an exception's stack trace with phone numbers and e-mail addresses
 * masked in its messages (and those of its causes and suppressed exceptions).
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return PersonalDataInLogs.mask(super.throwableProxyToString(throwable));
    }
}
