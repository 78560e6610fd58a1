package io.siyu.access.internal.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How many requests a customer and an address may make, on a clock the test moves. */
class ConsumerLimitsTests {

    /** A clock that stands still until the test moves it. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-02T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final MovingClock clock = new MovingClock();
    final ConsumerLimits limits = new ConsumerLimits(
            new ConsumerProperties(new ConsumerProperties.RateLimit(3, 5, Duration.ofMinutes(1))), clock);

    @Test
    void aCustomerGetsTheirAllowanceThenWaitsForItToRefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.takeForCustomer("U1001")).as("request %d", i).isEmpty();
        }

        var wait = limits.takeForCustomer("U1001");
        assertThat(wait).hasValueSatisfying(d -> assertThat(d).isEqualTo(Duration.ofSeconds(20)));
        assertThat(limits.takeForCustomer("U2002")).as("another customer").isEmpty();

        clock.now = clock.now.plusSeconds(20);
        assertThat(limits.takeForCustomer("U1001")).isEmpty();
        assertThat(limits.takeForCustomer("U1001")).isPresent();
    }

    @Test
    void anIpv6ClientIsCountedByItsNetwork() {
        for (int i = 0; i < 5; i++) {
            assertThat(limits.takeForAddress("2001:db8:1:2::" + (i + 1))).isEmpty();
        }

        assertThat(limits.takeForAddress("2001:db8:1:2:ffff::9")).isPresent();
        assertThat(limits.takeForAddress("2001:db8:1:3::1")).isEmpty();
        assertThat(limits.takeForAddress("203.0.113.7")).isEmpty();
    }
}
