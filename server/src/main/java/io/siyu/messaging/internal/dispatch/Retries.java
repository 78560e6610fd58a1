package io.siyu.messaging.internal.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a message whose provider failed in a way that may pass is tried again: after {@code firstRetry}, doubling with
 * each attempt (30 s, 1 min, 2 min, ...), until {@code maxAttempts} attempts were made; then it is parked.
 */
final class Retries {

    private Retries() {}

    /** The time of the next attempt after {@code attempts} failed ones, empty when the message is to be parked. */
    static Optional<Instant> next(int attempts, int maxAttempts, Duration firstRetry, Instant now) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(now.plus(firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20))));
    }
}
