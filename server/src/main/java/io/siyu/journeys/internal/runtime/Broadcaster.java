package io.siyu.journeys.internal.runtime;

import io.siyu.audience.Audiences;
import io.siyu.journeys.internal.graph.JourneyGraph.Trigger;
import io.siyu.journeys.internal.runtime.JourneyRuntime.Entered;
import io.siyu.journeys.internal.runtime.JourneyRuntime.Entry;
import io.siyu.journeys.internal.store.JourneyStatus;
import io.siyu.journeys.internal.store.LiveJourneys;
import io.siyu.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires a schedule trigger: enters every current member of the journey's segment, {@link #CHUNK} per transaction.
 *
 * <p>A firing is a row of {@code journeys.broadcast} keyed by the journey and the firing's time. Each chunk's
 * transaction enters its members and moves the row's {@code after_customer} past them, so a firing interrupted by a
 * crash (or a pause) goes on after the last chunk that committed, and a firing run twice finds itself finished. The
 * occurrence of every entry is the firing's time: even a chunk entered again enters nobody twice. Members are walked by
 * id through the audience index as it is at each chunk, so a customer who joins the segment during the firing is
 * entered when their id is still ahead.
 */
@Component
public class Broadcaster {

    static final int CHUNK = 1_000;

    private final Audiences audiences;
    private final JourneyRuntime runtime;
    private final LiveJourneys journeys;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Broadcaster(
            Audiences audiences,
            JourneyRuntime runtime,
            LiveJourneys journeys,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.audiences = audiences;
        this.runtime = runtime;
        this.journeys = journeys;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What a firing did: how many customers it entered in all, whether it went through the whole segment, and whether
     * it stopped to wait for the audience index, which is being built and knows no members yet.
     */
    public record Fired(long entered, boolean finished, boolean waitingForAudience) {}

    /** The occurrence entries of a firing carry: the same for every retry of it. */
    static String occurrence(Instant firing) {
        return "schedule:" + firing;
    }

    /**
     * Fires the journey's schedule trigger for the firing at {@code firing}, or goes on with it where it stopped. Stops
     * early, unfinished, when the journey is no longer published (paused, archived) or has a new version.
     */
    public Fired fire(long journeyId, int version, Instant firing) {
        while (true) {
            Step step;
            try {
                step = transactions.execute(status -> chunk(journeyId, version, firing));
            } catch (StoppedException e) {
                return new Fired(0, false, false);
            } catch (AudienceNotReady e) {
                return new Fired(0, false, true);
            }
            if (step == null || step.finished() || step.stopped()) {
                return new Fired(step == null ? 0 : step.entered(), step != null && step.finished(), false);
            }
        }
    }

    private record Step(long entered, boolean finished, boolean stopped) {}

    private Step chunk(long journeyId, int version, Instant firing) {
        var live = journeys.live(journeyId);
        if (live == null
                || live.status() != JourneyStatus.PUBLISHED
                || live.version() != version
                || !(live.graph().trigger() instanceof Trigger.Schedule schedule)) {
            return new Step(0, false, true);
        }
        jdbc.update("""
                insert into journeys.broadcast (journey_id, firing_at, version, segment_id, started_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""", journeyId, Timestamps.of(firing), version, schedule.segment(), Timestamps.of(clock.instant()));
        var progress = jdbc.queryForMap("""
                select after_customer, entered, finished_at from journeys.broadcast
                 where journey_id = ? and firing_at = ? for update""", journeyId, Timestamps.of(firing));
        var entered = ((Number) progress.get("entered")).longValue();
        if (progress.get("finished_at") != null) {
            return new Step(entered, true, false);
        }
        var after = ((Number) progress.get("after_customer")).longValue();
        // an index being built knows no members: read as the end of the segment, it would end the firing half-way
        if (!audiences.ready()) {
            throw new AudienceNotReady();
        }
        var members = audiences.members(schedule.segment(), after, CHUNK);
        if (!audiences.ready()) {
            throw new AudienceNotReady();
        }
        var answers = runtime.enter(members.stream()
                .map(member -> new Entry(journeyId, member.value(), occurrence(firing), firing, Map.of()))
                .toList());
        if (answers.contains(Entered.NOT_LIVE)) {
            // paused or replaced between the check above and the entry: this chunk waits for the firing's next run
            throw new StoppedException();
        }
        var now = answers.stream()
                .filter(answer -> answer == Entered.ENTERED || answer == Entered.CONTROL)
                .count();
        var finished = members.size() < CHUNK;
        jdbc.update(
                """
                update journeys.broadcast set after_customer = ?, entered = entered + ?, finished_at = ?
                 where journey_id = ? and firing_at = ?""",
                members.isEmpty() ? after : members.getLast().value(),
                now,
                finished ? Timestamps.of(clock.instant()) : null,
                journeyId,
                Timestamps.of(firing));
        return new Step(entered + now, finished, false);
    }

    /** The firing of a journey that stopped before its end, if any: where a resumed journey goes on. */
    java.util.Optional<Instant> unfinished(long journeyId, int version) {
        return jdbc.query("""
                        select firing_at from journeys.broadcast
                         where journey_id = ? and version = ? and finished_at is null order by firing_at limit 1""", (rs, row) -> Timestamps.read(rs, "firing_at"), journeyId, version).stream()
                .findFirst();
    }

    /** Ends a chunk's transaction when the audience index is being built: the firing goes on once it is. */
    private static final class AudienceNotReady extends RuntimeException {
        AudienceNotReady() {
            super("the audience index is being built", null, false, false);
        }
    }

    /** Ends a chunk's transaction when the journey stopped during it: nothing of the chunk stays. */
    private static final class StoppedException extends RuntimeException {
        StoppedException() {
            super("the journey stopped during a broadcast", null, false, false);
        }
    }
}
