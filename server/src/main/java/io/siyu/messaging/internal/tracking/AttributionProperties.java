package io.siyu.messaging.internal.tracking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far back an order looks for the message that converted it ({@code siyu.messaging.attribution.*}).
 *
 * @param clickWindow a message whose link was clicked this long before the order may claim it (5 days)
 * @param openWindow a message opened, not clicked, this long before the order may claim it (1 day): shorter, since mail
 *     clients that load images on their own (Apple Mail Privacy Protection) make opens a weak signal
 */
@ConfigurationProperties("siyu.messaging.attribution")
public record AttributionProperties(
        @DefaultValue("P5D") Duration clickWindow,
        @DefaultValue("P1D") Duration openWindow) {

    public AttributionProperties {
        if (clickWindow.isNegative() || openWindow.isNegative()) {
            throw new IllegalArgumentException("siyu.messaging.attribution windows must not be negative: click "
                    + clickWindow + ", open " + openWindow);
        }
    }
}
