package io.siyu.journeys.internal.runtime;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The next time a clock on the customer's wall shows a given time of day, on given days of the week. On the day a
 * time zone skips the time (clocks jump forward over it), it is the instant the clocks jump, the first that exists
 * after it; on the day it comes twice (clocks go back), the first of the two.
 */
public final class TimeOfDay {

    private TimeOfDay() {}

    /** The first instant after {@code after} at {@code time} in {@code zone}, on one of {@code days} (any when empty). */
    public static Instant next(Instant after, ZoneId zone, LocalTime time, Set<DayOfWeek> days) {
        var date = after.atZone(zone).toLocalDate();
        for (int i = 0; i <= 7; i++) {
            var day = date.plusDays(i);
            if (!days.isEmpty() && !days.contains(day.getDayOfWeek())) {
                continue;
            }
            var at = at(LocalDateTime.of(day, time), zone);
            if (at.isAfter(after)) {
                return at;
            }
        }
        throw new IllegalStateException("no day of a week after " + after + " matches " + days);
    }

    /** The instant a local time means in a zone: a skipped one at the jump, a repeated one the first time. */
    static Instant at(LocalDateTime local, ZoneId zone) {
        var rules = zone.getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }
}
