package io.siyu.journeys.internal.web;

import io.siyu.journeys.internal.runtime.BestHour;
import io.siyu.journeys.internal.runtime.HourCounts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The brand's pattern of responsive hours, which best-hour waits fall back on (docs/journeys.md, "Best hour"). */
@RestController
class BestHoursController {

    private final HourCounts hours;

    BestHoursController(HourCounts hours) {
        this.hours = hours;
    }

    /** The brand's activity per hour of the week and its best hour. */
    record BestHours(
            @Schema(description = "opens, clicks, visits and orders counted, in all")
            long events,

            @Schema(description = "the prior's weight in pseudo-events (α)")
            double alpha,

            @Schema(description = "the best hour of the week, 0 (Monday 00:00) to 167")
            int best,

            @Schema(example = "MON") String bestDay,

            @Schema(description = "the best hour's hour of the day, 0 to 23")
            int bestHour,

            @Schema(
                    description =
                            "168 counts, one per hour of the week in each customer's time zone, Monday 00:00 first")
            List<Long> counts) {}

    @GetMapping("/api/v1/journeys/best-hours")
    @PreAuthorize("hasAuthority('journeys:read')")
    BestHours bestHours() {
        var counts = hours.brand();
        var best = BestHour.top(BestHour.estimate(new long[BestHour.HOURS], counts));
        return new BestHours(
                Arrays.stream(counts).sum(),
                BestHour.ALPHA,
                best,
                DayOfWeek.of(best / 24 + 1).name().substring(0, 3).toUpperCase(Locale.ROOT),
                best % 24,
                Arrays.stream(counts).boxed().toList());
    }
}
