package io.siyu.journeys.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimeOfDayTests {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalTime HALF_NINE = LocalTime.of(9, 30);

    private static Instant next(String after, ZoneId zone, LocalTime time, DayOfWeek... days) {
        return TimeOfDay.next(Instant.parse(after), zone, time, Set.of(days));
    }

    @Test
    void laterTodayWhenTheTimeIsStillToCome() {
        // 08:00 in Shanghai is 00:00 UTC
        assertThat(next("2026-12-07T00:00:00Z", SHANGHAI, HALF_NINE)).isEqualTo("2026-12-07T01:30:00Z");
    }

    @Test
    void tomorrowWhenTheTimeHasPassedOrIsNow() {
        assertThat(next("2026-12-07T02:00:00Z", SHANGHAI, HALF_NINE)).isEqualTo("2026-12-08T01:30:00Z");
        assertThat(next("2026-12-07T01:30:00Z", SHANGHAI, HALF_NINE)).isEqualTo("2026-12-08T01:30:00Z");
    }

    @Test
    void theCustomersZoneDecidesTheDay() {
        // 2026-12-07 20:00 UTC is Tuesday 04:00 in Shanghai but still Monday 15:00 in New York
        assertThat(next("2026-12-07T20:00:00Z", SHANGHAI, HALF_NINE)).isEqualTo("2026-12-08T01:30:00Z");
        assertThat(next("2026-12-07T20:00:00Z", NEW_YORK, LocalTime.of(18, 0))).isEqualTo("2026-12-07T23:00:00Z");
    }

    @Test
    void onlyOnTheGivenDays() {
        // Monday 2026-12-07, 10:00 in Shanghai: the next Friday 09:30 is 2026-12-11
        assertThat(next("2026-12-07T02:00:00Z", SHANGHAI, HALF_NINE, DayOfWeek.FRIDAY))
                .isEqualTo("2026-12-11T01:30:00Z");
        assertThat(next("2026-12-07T02:00:00Z", SHANGHAI, HALF_NINE, DayOfWeek.MONDAY))
                .isEqualTo("2026-12-14T01:30:00Z");
        assertThat(next("2026-12-07T00:00:00Z", SHANGHAI, HALF_NINE, DayOfWeek.MONDAY, DayOfWeek.SATURDAY))
                .isEqualTo("2026-12-07T01:30:00Z");
    }

    @Test
    void acrossTheSpringSwitchTheOffsetChanges() {
        // New York moves from -05:00 to -04:00 at 02:00 on Sunday 2026-03-08
        assertThat(next("2026-03-07T20:00:00Z", NEW_YORK, HALF_NINE)).isEqualTo("2026-03-08T13:30:00Z");
        assertThat(next("2026-03-06T20:00:00Z", NEW_YORK, HALF_NINE)).isEqualTo("2026-03-07T14:30:00Z");
    }

    @Test
    void aSkippedTimeIsTheMomentTheClocksJump() {
        // 02:30 does not exist in New York on 2026-03-08: the clocks go from 01:59:59 -05:00 to 03:00 -04:00
        assertThat(next("2026-03-08T05:00:00Z", NEW_YORK, LocalTime.of(2, 30))).isEqualTo("2026-03-08T07:00:00Z");
    }

    @Test
    void aRepeatedTimeIsTheFirstOfTheTwo() {
        // 01:30 comes twice in New York on 2026-11-01: at 05:30 UTC (-04:00) and at 06:30 UTC (-05:00)
        assertThat(next("2026-11-01T04:00:00Z", NEW_YORK, LocalTime.of(1, 30))).isEqualTo("2026-11-01T05:30:00Z");
        // after the first, the next is the following day's, not the repeat
        assertThat(next("2026-11-01T06:00:00Z", NEW_YORK, LocalTime.of(1, 30))).isEqualTo("2026-11-02T06:30:00Z");
    }
}
