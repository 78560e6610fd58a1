package io.siyu.journeys.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BestHourTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int MONDAY = 0;
    private static final int TUESDAY = 24;

    /** Counts with {@code n} in each of the given hours of the week. */
    private static long[] counts(long n, int... hours) {
        var counts = new long[BestHour.HOURS];
        for (var hour : hours) {
            counts[hour] = n;
        }
        return counts;
    }

    /** A brand most active at 12:00 every day. */
    private static final long[] BRAND = brand();

    private static long[] brand() {
        var counts = new long[BestHour.HOURS];
        for (int day = 0; day < 7; day++) {
            for (int hour = 8; hour < 23; hour++) {
                counts[day * 24 + hour] = hour == 12 ? 500 : 100;
            }
        }
        return counts;
    }

    @Test
    void theBucketIsTheHourOfTheWeekInTheCustomersZone() {
        // Monday 2026-12-07 20:15 in Shanghai, 12:15 UTC
        assertThat(BestHour.bucket(Instant.parse("2026-12-07T12:15:00Z"), SHANGHAI))
                .isEqualTo(MONDAY + 20);
        assertThat(BestHour.bucket(Instant.parse("2026-12-07T12:15:00Z"), ZoneId.of("UTC")))
                .isEqualTo(MONDAY + 12);
        // Sunday 23:xx is the last bucket
        assertThat(BestHour.bucket(Instant.parse("2026-12-06T15:30:00Z"), SHANGHAI))
                .isEqualTo(167);
    }

    @Test
    void aCustomerWhoOftenOpensAtEightInTheEveningGetsEightInTheEvening() {
        var estimate = BestHour.estimate(counts(30, MONDAY + 20, TUESDAY + 20), BRAND);

        assertThat(BestHour.top(estimate)).isEqualTo(MONDAY + 20);
        // Monday 08:00 in Shanghai, a day to look in: Monday 20:00 (12:00 UTC)
        assertThat(BestHour.pick(Instant.parse("2026-12-07T00:00:00Z"), Duration.ofDays(1), SHANGHAI, estimate))
                .isEqualTo("2026-12-07T12:00:00Z");
        // Monday 21:00, a day to look in: Tuesday 20:00
        assertThat(BestHour.pick(Instant.parse("2026-12-07T13:00:00Z"), Duration.ofDays(1), SHANGHAI, estimate))
                .isEqualTo("2026-12-08T12:00:00Z");
    }

    @Test
    void aCustomerWithoutHistoryGetsTheBrandsBestHour() {
        var estimate = BestHour.estimate(new long[BestHour.HOURS], BRAND);

        assertThat(BestHour.top(estimate)).isEqualTo(MONDAY + 12);
        assertThat(BestHour.pick(Instant.parse("2026-12-07T00:00:00Z"), Duration.ofDays(1), SHANGHAI, estimate))
                .isEqualTo("2026-12-07T04:00:00Z");
    }

    @Test
    void aThinHistoryIsPulledTowardTheBrand() {
        var brandNoon = 500.0 / 13_300;
        var brandEvening = 100.0 / 13_300;

        // one open at 20:00: its own share would be 1, the estimate (1 + 15 p) / (1 + 15) keeps most of the prior
        var one = BestHour.estimate(counts(1, MONDAY + 20), BRAND);
        assertThat(one[MONDAY + 20]).isCloseTo((1 + 15 * brandEvening) / 16, within(1e-12));
        assertThat(one[MONDAY + 12]).isCloseTo(15 * brandNoon / 16, within(1e-12));
        assertThat(Arrays.stream(one).sum()).isCloseTo(1, within(1e-9));

        // one open at 03:00 and one at noon: the brand's pattern breaks the tie for noon
        var even = BestHour.estimate(counts(1, MONDAY + 3, MONDAY + 12), BRAND);
        assertThat(BestHour.top(even)).isEqualTo(MONDAY + 12);

        // forty opens at 20:00 outweigh the prior almost wholly
        var many = BestHour.estimate(counts(40, MONDAY + 20), BRAND);
        assertThat(many[MONDAY + 20])
                .isCloseTo((40 + 15 * brandEvening) / 55, within(1e-12))
                .isGreaterThan(0.7);
    }

    @Test
    void theCurrentHourCountsWhenItIsTheBest() {
        var estimate = BestHour.estimate(counts(30, MONDAY + 20), BRAND);

        // Monday 20:40 in Shanghai: now is best
        var now = Instant.parse("2026-12-07T12:40:00Z");
        assertThat(BestHour.pick(now, Duration.ofHours(6), SHANGHAI, estimate)).isEqualTo(now);
    }

    @Test
    void onlyHoursInsideTheWindowAreChosen() {
        var estimate = BestHour.estimate(counts(30, MONDAY + 20), BRAND);

        // Monday 08:00 in Shanghai, 6 hours to look in: noon, the brand's best, not the customer's 20:00
        assertThat(BestHour.pick(Instant.parse("2026-12-07T00:00:00Z"), Duration.ofHours(6), SHANGHAI, estimate))
                .isEqualTo("2026-12-07T04:00:00Z");
    }

    @Test
    void withoutAnyActivityAnywhereItActsAtOnce() {
        var estimate = BestHour.estimate(new long[BestHour.HOURS], new long[BestHour.HOURS]);
        var now = Instant.parse("2026-12-07T00:10:00Z");

        assertThat(BestHour.pick(now, Duration.ofDays(1), SHANGHAI, estimate)).isEqualTo(now);
    }

    @Test
    void localHoursAreFollowedAcrossASwitchOfClocks() {
        var newYork = ZoneId.of("America/New_York");
        var sunday = 6 * 24;
        var estimate = BestHour.estimate(counts(30, sunday + 9), new long[BestHour.HOURS]);

        // Saturday 2026-03-07 12:00 in New York (-05:00); Sunday 09:00 is after the switch to -04:00
        assertThat(BestHour.pick(Instant.parse("2026-03-07T17:00:00Z"), Duration.ofDays(1), newYork, estimate))
                .isEqualTo("2026-03-08T13:00:00Z");
    }
}
