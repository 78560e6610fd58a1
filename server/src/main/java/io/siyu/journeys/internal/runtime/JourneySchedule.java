package io.siyu.journeys.internal.runtime;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.siyu.journeys.internal.store.LiveJourneys;
import java.time.Duration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The journeys' durable schedule: every second, on one node at a time, drain what the inbox holds and fire due
 * timers. Timers are rows of {@code journeys.run}; a node that dies mid-batch loses
 * nothing, since the batch's transaction never committed and the next round takes the same rows. Broadcasts to a
 * segment and date-attribute entries run as their own tasks.
 */
@Configuration(proxyBeanMethods = false)
class JourneySchedule {

    private final LiveJourneys journeys;
    private final BroadcastPlan broadcasts;

    JourneySchedule(LiveJourneys journeys, BroadcastPlan broadcasts) {
        this.journeys = journeys;
        this.broadcasts = broadcasts;
    }

    @Bean
    RecurringTask<Void> journeysWork(JourneyWorker worker) {
        return Tasks.recurring("journeys-work", Schedules.fixedDelay(Duration.ofSeconds(1)))
                .execute((instance, context) -> worker.drain());
    }

    /** A broadcast journey's firings, one instance per journey ({@link BroadcastPlan}). */
    @Bean
    CustomTask<String> journeysBroadcast(BroadcastPlan plan) {
        return Tasks.custom(BroadcastPlan.TASK, String.class).execute((instance, context) -> plan.fire(instance));
    }

    /** Date-attribute journeys: every minute, the customers whose day and time have come ({@link DateEntries}). */
    @Bean
    RecurringTask<Void> journeysDates(DateEntries dates) {
        return Tasks.recurring("journeys-dates", Schedules.fixedDelay(Duration.ofMinutes(1)))
                .execute((instance, context) -> dates.enterDue());
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        journeys.refresh();
        broadcasts.planMissing();
    }
}
