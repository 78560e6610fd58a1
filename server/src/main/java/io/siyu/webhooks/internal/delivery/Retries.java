package io.siyu.webhooks.internal.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a delivery whose attempt may pass by trying again is tried again: after {@code firstRetry}, doubling with each
 * attempt (30 s, 1 min, 2 min, ...), and never sooner than the receiver's {@code Retry-After} asked, until
 * {@code maxAttempts} attempts were made; then it is parked.
 */
final class Retries {

    private Retries() {}

    /** The time of the next attempt after {@code attempts} failed ones, empty when the delivery is to be parked. */
    static Optional<Instant> next(
            int attempts, int maxAttempts, Duration firstRetry, @Nullable Duration retryAfter, Instant now) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        var backOff = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        var wait = retryAfter != null && retryAfter.compareTo(backOff) > 0 ? retryAfter : backOff;
        return Optional.of(now.plus(wait));
    }
}
