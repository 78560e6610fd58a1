package io.siyu.journeys.internal.runtime;

import io.siyu.customers.CustomerDates;
import io.siyu.customers.CustomerDates.DatedCustomer;
import io.siyu.journeys.internal.graph.DateTrigger;
import io.siyu.journeys.internal.graph.JourneyGraph.Trigger.DateAttribute;
import io.siyu.journeys.internal.runtime.JourneyRuntime.Entered;
import io.siyu.journeys.internal.runtime.JourneyRuntime.Entry;
import io.siyu.journeys.internal.store.LiveJourneys;
import io.siyu.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Enters customers into date-attribute journeys when their day and time have come in their own time zone.
 *
 * <p>Each round looks at what came due since the journey's last round ({@code journeys.date_trigger.fired_until}, at
 * most a day back; from its publishing on the first round): for every date that was "today" somewhere in that window,
 * one indexed query per chunk of {@link #CHUNK} customers ({@link CustomerDates}), kept when the date falls on that
 * day for them ({@link DateTrigger}) and their local time passed {@code at} within the window. Each chunk is entered in
 * its own transaction; the occurrence is the journey's day ({@code date:2026-12-24}), so a round run twice, or again
 * after a crash, enters nobody twice on one day.
 */
@Component
public class DateEntries {

    static final int CHUNK = 1_000;
    static final Duration LONGEST_CATCH_UP = Duration.ofDays(1);

    private final CustomerDates dates;
    private final JourneyRuntime runtime;
    private final LiveJourneys journeys;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DateEntries(CustomerDates dates, JourneyRuntime runtime, LiveJourneys journeys, JdbcTemplate jdbc, Clock clock) {
        this.dates = dates;
        this.runtime = runtime;
        this.journeys = journeys;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Enters, for every published date-attribute journey, the customers whose day and time came since its last round. */
    void enterDue() {
        var now = clock.instant();
        for (var live : journeys.triggeredBy(DateAttribute.class)) {
            enterDue(live.id(), now);
        }
    }

    /** Enters the journey's customers whose day and time came up to {@code now}; answers how many entered. */
    public long enterDue(long journeyId, Instant now) {
        var live = journeys.live(journeyId);
        if (live == null || !(live.graph().trigger() instanceof DateAttribute trigger)) {
            return 0;
        }
        var from = firedUntil(journeyId, live.version());
        if (from.isBefore(now.minus(LONGEST_CATCH_UP))) {
            from = now.minus(LONGEST_CATCH_UP);
        }
        var entered = 0L;
        var first = DateTrigger.daysOnEarth(from).getFirst();
        var last = DateTrigger.daysOnEarth(now).getLast();
        for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (DateTrigger.mayFireWithin(trigger, day, from, now)) {
                entered += enterDay(journeyId, trigger, day, from, now);
            }
        }
        jdbc.update("""
                insert into journeys.date_trigger (journey_id, version, fired_until) values (?, ?, ?)
                on conflict (journey_id) do update set version = excluded.version, fired_until = excluded.fired_until""", journeyId, live.version(), Timestamps.of(now));
        return entered;
    }

    private long enterDay(long journeyId, DateAttribute trigger, LocalDate day, Instant from, Instant now) {
        var anchor = DateTrigger.anchor(trigger, day);
        var span = DateTrigger.spanOnEarth(anchor);
        var entered = 0L;
        var after = 0L;
        while (true) {
            var page = DateTrigger.LAST_ORDER.equals(trigger.attribute())
                    ? dates.withLastOrderBetween(span[0], span[1], after, CHUNK)
                    : dates.withDateTrait(trigger.attribute(), DateTrigger.anniversaries(anchor), after, CHUNK);
            var entries = new ArrayList<Entry>();
            for (var customer : page) {
                var firing = DateTrigger.firing(trigger, day, customer.timeZone());
                if (DateTrigger.falls(trigger, customer.date(), day) && firing.isAfter(from) && !firing.isAfter(now)) {
                    entries.add(entry(journeyId, customer, day, firing));
                }
            }
            if (!entries.isEmpty()) {
                entered += runtime.enter(entries).stream()
                        .filter(answer -> answer == Entered.ENTERED || answer == Entered.CONTROL)
                        .count();
            }
            if (page.size() < CHUNK) {
                return entered;
            }
            after = page.getLast().id().value();
        }
    }

    private static Entry entry(long journeyId, DatedCustomer customer, LocalDate day, Instant firing) {
        return new Entry(
                journeyId,
                customer.id().value(),
                "date:" + day,
                firing,
                Map.of("date", customer.date().toString(), "day", day.toString()));
    }

    /** Where the journey's last round ended, or, before its first, when its version was published. */
    private Instant firedUntil(long journeyId, int version) {
        List<Instant> until =
                jdbc.query("""
                select coalesce(
                    (select fired_until from journeys.date_trigger where journey_id = ? and version = ?),
                    (select published_at from journeys.journey_version where journey_id = ? and version = ?)) as at""", (rs, row) -> Timestamps.read(rs, "at"), journeyId, version, journeyId, version);
        return until.isEmpty() || until.getFirst() == null ? clock.instant() : until.getFirst();
    }
}
