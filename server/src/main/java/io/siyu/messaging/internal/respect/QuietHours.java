package io.siyu.messaging.internal.respect;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The hours of the night in which no marketing message reaches a customer (免打扰), read on the customer's own clock:
 * from {@code start} to {@code end}, crossing midnight when {@code start} is later than {@code end} (21:00–08:00).
 *
 * <p>A message due in these hours is held until they end in the customer's zone. The end is found as a local date and
 * time and only then placed in the zone, so summer time is respected: on the night New York's clocks move forward, a
 * message held at 23:00 goes out at 08:00 local time, eight hours later rather than nine; an end that falls into the
 * hour a switch skips is read as the first moment after it ({@link ZonedDateTime#of}'s rule), and one that falls into
 * the hour a switch repeats as its first pass, or its second when the first is over. Equal start and end hold nothing.
 *
 * @param enabled whether quiet hours hold anything; when off, {@link #heldUntil} never holds
 */
public record QuietHours(boolean enabled, LocalTime start, LocalTime end) {

    /** 21:00 to 08:00, switched on: the default. */
    public static final QuietHours DEFAULT = new QuietHours(true, LocalTime.of(21, 0), LocalTime.of(8, 0));

    /** When a message due at {@code now} for a customer in {@code zone} may go out, empty when it may go now. */
    public Optional<Instant> heldUntil(Instant now, ZoneId zone) {
        if (!enabled || start.equals(end)) {
            return Optional.empty();
        }
        var local = now.atZone(zone);
        var time = local.toLocalTime();
        var crossesMidnight = start.isAfter(end);
        var quiet = crossesMidnight
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        var endDate =
                crossesMidnight && !time.isBefore(start) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        var ends = ZonedDateTime.of(endDate, end, zone);
        if (!ends.toInstant().isAfter(now)) {
            // the end falls in the hour a switch repeats, and its first pass is over: the second one is meant
            ends = ends.withLaterOffsetAtOverlap();
        }
        return ends.toInstant().isAfter(now) ? Optional.of(ends.toInstant()) : Optional.empty();
    }
}
