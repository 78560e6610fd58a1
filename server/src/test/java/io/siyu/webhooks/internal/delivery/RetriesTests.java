package io.siyu.webhooks.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetriesTests {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Duration FIRST = Duration.ofSeconds(30);

    @Test
    void theWaitStartsAtThirtySecondsAndDoubles() {
        assertThat(Retries.next(1, 10, FIRST, null, NOW)).hasValue(NOW.plusSeconds(30));
        assertThat(Retries.next(2, 10, FIRST, null, NOW)).hasValue(NOW.plusSeconds(60));
        assertThat(Retries.next(4, 10, FIRST, null, NOW)).hasValue(NOW.plusSeconds(240));
    }

    @Test
    void aLongerRetryAfterIsHonouredAndAShorterOneDoesNotHurry() {
        assertThat(Retries.next(1, 10, FIRST, Duration.ofSeconds(120), NOW)).hasValue(NOW.plusSeconds(120));
        assertThat(Retries.next(1, 10, FIRST, Duration.ofSeconds(1), NOW)).hasValue(NOW.plusSeconds(30));
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsParked() {
        assertThat(Retries.next(10, 10, FIRST, null, NOW)).isEmpty();
        assertThat(Retries.next(11, 10, FIRST, Duration.ofSeconds(5), NOW)).isEmpty();
    }
}
