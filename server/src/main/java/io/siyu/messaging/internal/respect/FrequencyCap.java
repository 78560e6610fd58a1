package io.siyu.messaging.internal.respect;

import io.siyu.messaging.Channel;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * At most {@code limit} marketing messages to one customer in any {@code windowHours} hours, across every channel, or
 * on one channel when {@code channel} is set.
 */
public record FrequencyCap(
        int limit, int windowHours, @Nullable Channel channel) {

    /** The longest window a cap may have: 90 days. */
    public static final int MOST_HOURS = 90 * 24;

    /** The most messages a cap may allow. */
    public static final int MOST_MESSAGES = 1_000;

    public Duration window() {
        return Duration.ofHours(windowHours);
    }

    /** Whether a message on {@code other} counts against this cap. */
    boolean counts(Channel other) {
        return channel == null || channel == other;
    }
}
