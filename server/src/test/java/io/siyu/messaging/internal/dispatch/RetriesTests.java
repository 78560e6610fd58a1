package io.siyu.messaging.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetriesTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void theWaitDoublesWithEachFailedAttempt() {
        var first = Duration.ofSeconds(30);

        assertThat(Retries.next(1, 6, first, NOW)).hasValue(NOW.plusSeconds(30));
        assertThat(Retries.next(2, 6, first, NOW)).hasValue(NOW.plusSeconds(60));
        assertThat(Retries.next(5, 6, first, NOW)).hasValue(NOW.plusSeconds(480));
    }

    @Test
    void afterTheLastAttemptTheMessageIsParked() {
        assertThat(Retries.next(6, 6, Duration.ofSeconds(30), NOW)).isEmpty();
        assertThat(Retries.next(7, 6, Duration.ofSeconds(30), NOW)).isEmpty();
    }
}
