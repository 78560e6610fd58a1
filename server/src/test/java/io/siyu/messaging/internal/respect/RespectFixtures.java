package io.siyu.messaging.internal.respect;

import io.siyu.messaging.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/** Quiet hours, caps and counted messages for the tests of the respect rules. */
final class RespectFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant NOW = Instant.parse("2026-05-01T04:00:00Z");

    private RespectFixtures() {}

    /** Quiet hours from one time of day to another, switched on: {@code quiet("21:00", "08:00")}. */
    static QuietHours quiet(String start, String end) {
        return new QuietHours(true, LocalTime.parse(start), LocalTime.parse(end));
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    /** At most {@code limit} marketing messages in {@code hours} hours, on every channel. */
    static FrequencyCap cap(int limit, int hours) {
        return new FrequencyCap(limit, hours, null);
    }

    /** A budget with these caps and e-mails counted the given durations before {@link #NOW}. */
    static ContactBudget budget(List<FrequencyCap> caps, Duration... agoes) {
        return new ContactBudget(
                caps,
                Arrays.stream(agoes)
                        .map(ago -> new ContactBudget.Counted(Channel.EMAIL, NOW.minus(ago)))
                        .toList());
    }

    static RespectSettings settings(QuietHours quietHours, FrequencyCap... caps) {
        return new RespectSettings(quietHours, List.of(caps));
    }
}
