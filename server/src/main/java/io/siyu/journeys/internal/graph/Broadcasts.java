package io.siyu.journeys.internal.graph;

import io.siyu.journeys.internal.graph.JourneyGraph.Trigger.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/** When a schedule trigger fires: its one-off time, or the next time its cron expression names in its zone. */
public final class Broadcasts {

    private Broadcasts() {}

    /** Whether a cron expression reads (six fields, seconds first, Spring's syntax); the reason it does not, else. */
    public static Optional<String> cronProblem(String cron) {
        try {
            CronExpression.parse(cron);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The first firing after {@code after}, in the schedule's zone or else {@code brandZone}; none once a one-off passed. */
    public static Optional<Instant> next(Schedule schedule, Instant after, ZoneId brandZone) {
        if (schedule.cron() == null) {
            return Optional.ofNullable(schedule.at()).filter(at -> at.isAfter(after));
        }
        var zone = schedule.zone() == null ? brandZone : schedule.zone();
        return Optional.ofNullable(CronExpression.parse(schedule.cron()).next(after.atZone(zone)))
                .map(java.time.ZonedDateTime::toInstant);
    }
}
