package io.siyu.messaging.internal.respect;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The respect settings a brand starts with ({@code siyu.messaging.respect.*}), until an operator saves their own.
 *
 * @param quietHours {@code 21:00-08:00} (the customer's own clock), or {@code off} ({@code SIYU_QUIET_HOURS})
 */
@ConfigurationProperties("siyu.messaging.respect")
public record RespectProperties(@DefaultValue("21:00-08:00") String quietHours) {

    public RespectProperties {
        defaultQuietHours(quietHours);
    }

    /** The quiet hours the setting names; a setting that names none stops the start with a clear message. */
    static QuietHours defaultQuietHours(String setting) {
        var text = setting.strip();
        if (text.equalsIgnoreCase("off")) {
            return new QuietHours(false, QuietHours.DEFAULT.start(), QuietHours.DEFAULT.end());
        }
        var dash = text.indexOf('-');
        try {
            return new QuietHours(
                    true, LocalTime.parse(text.substring(0, dash)), LocalTime.parse(text.substring(dash + 1)));
        } catch (DateTimeParseException | IndexOutOfBoundsException notTwoTimes) {
            throw new IllegalArgumentException(
                    "SIYU_QUIET_HOURS must be two times of day such as 21:00-08:00, or off; it is '" + setting + "'");
        }
    }

    QuietHours defaultQuietHours() {
        return defaultQuietHours(quietHours);
    }
}
