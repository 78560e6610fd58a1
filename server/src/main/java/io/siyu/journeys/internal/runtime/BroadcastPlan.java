package io.siyu.journeys.internal.runtime;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import io.siyu.journeys.internal.graph.Broadcasts;
import io.siyu.journeys.internal.graph.JourneyGraph.Trigger;
import io.siyu.journeys.internal.store.JourneyStatus;
import io.siyu.journeys.internal.store.LiveJourneys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps each broadcast journey's next firing in db-scheduler: one task instance per journey
 * ({@code journeys-broadcast}, id {@code journey-<id>}), created when the journey is published, moved to the new
 * version's first firing when another version is published, and removed when it is paused or archived. A firing runs
 * the {@link Broadcaster} and, for a recurring schedule, puts the instance back at the next time its cron expression
 * names; an instance that finds its journey changed under it removes itself. db-scheduler runs each instance on one node
 * and runs an instance whose node died again, and the firing goes on where its last chunk ended.
 */
@Component
public class BroadcastPlan {

    static final String TASK = "journeys-broadcast";

    /** How soon a firing that found the audience index being built looks again. */
    static final java.time.Duration AUDIENCE_RETRY = java.time.Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastPlan.class);

    private final ObjectProvider<SchedulerClient> scheduler;
    private final LiveJourneys journeys;
    private final Broadcaster broadcaster;
    private final Clock clock;
    private final ZoneId zone;

    BroadcastPlan(
            ObjectProvider<SchedulerClient> scheduler,
            LiveJourneys journeys,
            Broadcaster broadcaster,
            Clock clock,
            @Value("${siyu.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.scheduler = scheduler;
        this.journeys = journeys;
        this.broadcaster = broadcaster;
        this.clock = clock;
        this.zone = zone;
    }

    /** One firing: the journey, the version it was planned for, and the firing's time (its entries' occurrence). */
    record Firing(long journeyId, int version, Instant at) {
        static Firing parse(String data) {
            var parts = data.split("/", 3);
            return new Firing(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), Instant.parse(parts[2]));
        }

        String data() {
            return journeyId + "/" + version + "/" + at;
        }
    }

    static String instanceId(long journeyId) {
        return "journey-" + journeyId;
    }

    /**
     * Plans the journey's broadcasts after a change to it (published, paused, resumed, archived): the next firing of
     * its current version, a firing it stopped in the middle of first; none unless it is published with a schedule.
     * Call after {@link LiveJourneys#refresh()}.
     */
    public void plan(long journeyId) {
        var id = TaskInstanceId.of(TASK, instanceId(journeyId));
        var client = scheduler.getObject();
        var planned = client.getScheduledExecution(id);
        var firing = firstFiring(journeyId);
        try {
            if (firing.isEmpty()) {
                planned.ifPresent(execution -> client.cancel(id));
            } else if (planned.isPresent()) {
                client.reschedule(id, firing.get().at(), firing.get().data());
            } else {
                client.schedule(
                        new TaskInstance<>(
                                TASK, instanceId(journeyId), firing.get().data()),
                        firing.get().at());
            }
        } catch (RuntimeException e) {
            // a firing running right now keeps its instance; it checks the journey at every chunk and plans its next
            LOG.info("the broadcast of journey {} is running; its next firing is planned when it ends", journeyId, e);
        }
    }

    /** Plans every published broadcast journey that has no firing planned (at start: a journey published before). */
    void planMissing() {
        var client = scheduler.getObject();
        for (var live : journeys.triggeredBy(Trigger.Schedule.class)) {
            var id = TaskInstanceId.of(TASK, instanceId(live.id()));
            if (client.getScheduledExecution(id).isEmpty()) {
                firstFiring(live.id())
                        .ifPresent(firing -> client.scheduleIfNotExists(
                                new TaskInstance<>(TASK, instanceId(live.id()), firing.data()), firing.at()));
            }
        }
    }

    private Optional<Firing> firstFiring(long journeyId) {
        var live = journeys.live(journeyId);
        if (live == null
                || live.status() != JourneyStatus.PUBLISHED
                || !(live.graph().trigger() instanceof Trigger.Schedule schedule)) {
            return Optional.empty();
        }
        var unfinished = broadcaster.unfinished(journeyId, live.version());
        if (unfinished.isPresent()) {
            return Optional.of(new Firing(journeyId, live.version(), unfinished.get()));
        }
        return Broadcasts.next(schedule, clock.instant(), zone).map(at -> new Firing(journeyId, live.version(), at));
    }

    /** Runs a firing, then answers what becomes of its instance: the next firing, or none. */
    CompletionHandler<String> fire(TaskInstance<String> instance) {
        var firing = Firing.parse(instance.getData());
        journeys.refresh();
        var fired = broadcaster.fire(firing.journeyId(), firing.version(), firing.at());
        if (fired.waitingForAudience()) {
            // after a start or during a rebuild: the same firing again shortly, where its last chunk ended
            return new CompletionHandler.OnCompleteReschedule<>(
                    at(clock.instant().plus(AUDIENCE_RETRY)), instance.getData());
        }
        var live = journeys.live(firing.journeyId());
        if (!fired.finished()
                || live == null
                || live.version() != firing.version()
                || !(live.graph().trigger() instanceof Trigger.Schedule schedule)) {
            // stopped by a pause, an archive or a new version: whoever changed the journey plans what comes next
            return new CompletionHandler.OnCompleteRemove<>();
        }
        var after = firing.at().isAfter(clock.instant()) ? firing.at() : clock.instant();
        return Broadcasts.next(schedule, after, zone)
                .<CompletionHandler<String>>map(next -> new CompletionHandler.OnCompleteReschedule<>(
                        at(next), new Firing(firing.journeyId(), firing.version(), next).data()))
                .orElseGet(CompletionHandler.OnCompleteRemove::new);
    }

    /** A schedule of one time. */
    private static Schedule at(Instant next) {
        return new Schedule() {
            @Override
            public Instant getNextExecutionTime(ExecutionComplete complete) {
                return next;
            }

            @Override
            public boolean isDeterministic() {
                return true;
            }
        };
    }
}
