package io.siyu.messaging.internal.push;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the poll that asks JPush which pushes reached a device ({@code siyu.messaging.push.receipts.*},
 * documented in docs/operations.md).
 *
 * @param endpoint JPush's Report API address, with its version ({@code https://bjapi.push.jiguang.cn/v3/report} for
 *     apps in the Beijing data centre)
 * @param every how long after one poll ends the next begins
 * @param window how long after it was sent a push is asked about; one not received by then stays sent
 */
@ConfigurationProperties("siyu.messaging.push.receipts")
public record PushReceiptSettings(
        @DefaultValue("https://report.jpush.cn/v3") URI endpoint,
        @DefaultValue("5m") Duration every,
        @DefaultValue("1d") Duration window) {

    /** JPush answers the Report API about pushes of the last 28 days only. */
    static final Duration MAX_WINDOW = Duration.ofDays(28);

    /** A poll at least a minute apart: JPush's report counts are not live. */
    static final Duration MIN_EVERY = Duration.ofMinutes(1);

    /** The window within JPush's bounds. */
    Duration boundedWindow() {
        return window.isNegative() || window.isZero()
                ? Duration.ZERO
                : window.compareTo(MAX_WINDOW) > 0 ? MAX_WINDOW : window;
    }
}
