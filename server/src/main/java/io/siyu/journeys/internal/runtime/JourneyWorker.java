package io.siyu.journeys.internal.runtime;

import io.siyu.shared.Drain;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the trigger inbox and fires due timers, batch by batch, each batch one transaction. Woken right after a
 * trigger commits, every second by its db-scheduler task, and when the next timer falls due; one drain at a time per
 * process, and a wake-up during a drain makes it look again before it ends.
 *
 * <p>The schedule alone would look at timers only every one to two seconds (a second's delay after each drain, then
 * the scheduler's next poll), so a timer would fire a second late on average. Each drain therefore looks up the next
 * timer and, when it falls due before the schedule surely comes round again, sets an alarm for it. Timers falling due
 * within {@link #GRAIN} of each other fire in one round, so a steady stream of timers is taken in batches, not one
 * transaction each. The alarm is only a nudge: the timers stay rows of {@code journeys.run}, and the schedule fires
 * them whether an alarm rang or not.
 */
@Component
class JourneyWorker {

    private static final Logger LOG = LoggerFactory.getLogger(JourneyWorker.class);
    static final int BATCH = 500;

    /** Timers due this close after a round fire in the next one, together. */
    static final Duration GRAIN = Duration.ofMillis(100);

    /** How far ahead a round sets an alarm: beyond the longest gap between two rounds of the schedule. */
    static final Duration HORIZON = Duration.ofSeconds(5);

    private final ObjectProvider<TriggerInbox> inbox;
    private final JourneyRuntime runtime;
    private final Arrivals arrivals;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Drain drain = new Drain("siyu-journeys-wake", this::round);
    private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("siyu-journeys-alarm").factory());
    private @Nullable Alarm alarm;

    private record Alarm(Instant at, ScheduledFuture<?> ringing) {}

    JourneyWorker(
            ObjectProvider<TriggerInbox> inbox,
            JourneyRuntime runtime,
            Arrivals arrivals,
            TransactionTemplate transactions,
            Clock clock) {
        this.inbox = inbox;
        this.runtime = runtime;
        this.arrivals = arrivals;
        this.transactions = transactions;
        this.clock = clock;
    }

    void wake() {
        drain.wake();
    }

    /** Drains the inbox and fires due timers; answers how many inbox rows and runs it handled. */
    int drain() {
        return drain.run();
    }

    /** When the alarm set for the next timer rings, if one is set. */
    synchronized Optional<Instant> alarm() {
        return alarm == null || alarm.ringing().isDone() ? Optional.empty() : Optional.of(alarm.at());
    }

    @PreDestroy
    void stop() {
        alarms.shutdownNow();
    }

    private int round() {
        try {
            var handled = drainInbox() + fireTimers();
            // from a moment ago: a timer that fell due while the last batch committed is looked at again, too
            runtime.nextDue(clock.instant().minus(GRAIN)).ifPresent(this::alarmAt);
            return handled;
        } catch (RuntimeException e) {
            LOG.error("Journeys stopped draining; the rest waits for the next round", e);
            return 0;
        }
    }

    private int drainInbox() {
        var total = 0;
        while (true) {
            Integer taken = transactions.execute(status -> {
                var rows = inbox.getObject().take(BATCH);
                var arrived = arrivals.of(rows);
                runtime.happened(arrived.events(), arrived.entries());
                return rows.size();
            });
            total += taken == null ? 0 : taken;
            if (taken == null || taken < BATCH) {
                return total;
            }
        }
    }

    private int fireTimers() {
        var total = 0;
        for (int fired = runtime.fireDue(BATCH); ; fired = runtime.fireDue(BATCH)) {
            total += fired;
            if (fired < BATCH) {
                return total;
            }
        }
    }

    /** Sets the alarm for a timer due at {@code due}, unless it is beyond the horizon or an earlier alarm is set. */
    private synchronized void alarmAt(Instant due) {
        var now = clock.instant();
        if (due.isAfter(now.plus(HORIZON)) || alarms.isShutdown()) {
            return;
        }
        var at = due.isBefore(now.plus(GRAIN)) ? now.plus(GRAIN) : due;
        if (alarm != null && !alarm.ringing().isDone()) {
            if (!alarm.at().isAfter(at)) {
                return;
            }
            alarm.ringing().cancel(false);
        }
        // a millisecond after the timer, so that the round finds it due
        var delay = Duration.between(now, at).toMillis() + 1;
        alarm = new Alarm(at, alarms.schedule(this::wake, delay, TimeUnit.MILLISECONDS));
    }
}
