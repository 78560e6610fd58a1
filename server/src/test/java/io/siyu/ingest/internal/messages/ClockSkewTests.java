package io.siyu.ingest.internal.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a message happened, by Siyu's clock, from the sender's timestamp, its {@code sentAt} and the receipt. */
class ClockSkewTests {

    static final Duration TOLERANCE = Duration.ofSeconds(30);
    static final Instant RECEIVED = Instant.parse("2026-05-01T08:00:00.250Z");

    @Test
    void aCorrectClocksTimestampStandsHoweverLongTheRequestTook() {
        var stamped = Instant.parse("2026-05-01T07:59:58.100Z");

        for (var transit : new Duration[] {Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(1200), TOLERANCE}) {
            var sentAt = RECEIVED.minus(transit);
            assertThat(MessageReader.occurredAt(stamped, sentAt, RECEIVED, TOLERANCE))
                    .as("sent %s before receipt", transit)
                    .isEqualTo(stamped);
        }
    }

    @Test
    void twoEventsOfACorrectClockKeepTheirOrderWhateverTheirRequestsTransitTimes() {
        var earlier = Instant.parse("2026-05-01T07:59:57.000Z");
        var later = Instant.parse("2026-05-01T07:59:57.500Z");

        // the earlier event travelled in a slow request (1.2 s), the later one in a quick one (0.1 s)
        var earlierAt = MessageReader.occurredAt(earlier, RECEIVED.minusMillis(1200), RECEIVED, TOLERANCE);
        var laterAt = MessageReader.occurredAt(later, RECEIVED.plusMillis(900), RECEIVED.plusMillis(1000), TOLERANCE);

        assertThat(earlierAt).isBefore(laterAt);
    }

    @Test
    void aFastClockBeyondTheToleranceIsCorrectedBySentAt() {
        // the device's clock is an hour fast: it stamped the event ten minutes before it sent the batch
        var deviceSentAt = RECEIVED.plus(Duration.ofHours(1));
        var stamped = deviceSentAt.minus(Duration.ofMinutes(10));

        assertThat(MessageReader.occurredAt(stamped, deviceSentAt, RECEIVED, TOLERANCE))
                .isEqualTo(RECEIVED.minus(Duration.ofMinutes(10)));
    }

    @Test
    void aSlowClockBeyondTheToleranceIsCorrectedBySentAt() {
        // this one is a minute slow: it stamped the event five seconds before it sent the batch
        var slowSentAt = RECEIVED.minus(Duration.ofMinutes(1));

        assertThat(MessageReader.occurredAt(slowSentAt.minusSeconds(5), slowSentAt, RECEIVED, TOLERANCE))
                .isEqualTo(RECEIVED.minusSeconds(5));
    }

    @Test
    void withoutSentAtTheTimestampStands() {
        var stamped = Instant.parse("2026-04-30T00:00:00Z");

        assertThat(MessageReader.occurredAt(stamped, null, RECEIVED, TOLERANCE)).isEqualTo(stamped);
    }

    @Test
    void withoutATimestampTheReceiptStands() {
        assertThat(MessageReader.occurredAt(null, null, RECEIVED, TOLERANCE)).isEqualTo(RECEIVED);
    }

    static final Instant ANCIENT = Instant.parse("-999999999-01-01T00:00:00Z");
    static final Instant DISTANT = Instant.parse("+999999999-12-31T23:59:59Z");

    @Test
    void anAncientStampSentAgesLaterCorrectsToATimeBefore1970() {
        assertThat(MessageReader.occurredAt(ANCIENT, DISTANT, RECEIVED, TOLERANCE))
                .isBefore(MessageReader.EARLIEST);
    }

    @Test
    void aDistantStampSentAgesEarlierCorrectsToATimeTooFarAhead() {
        assertThat(MessageReader.occurredAt(DISTANT, ANCIENT, RECEIVED, TOLERANCE))
                .isAfter(RECEIVED.plus(MessageReader.MAX_FUTURE));
    }
}
