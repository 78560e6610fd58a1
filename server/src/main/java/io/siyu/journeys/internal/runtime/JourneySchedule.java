package io.siyu.journeys.internal.runtime;

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
 * nothing, since the batch's transaction never committed and the next round takes the same rows.
 */
@Configuration(proxyBeanMethods = false)
class JourneySchedule {

    private final LiveJourneys journeys;

    JourneySchedule(LiveJourneys journeys) {
        this.journeys = journeys;
    }

    @Bean
    RecurringTask<Void> journeysWork(JourneyWorker worker) {
        return Tasks.recurring("journeys-work", Schedules.fixedDelay(Duration.ofSeconds(1)))
                .execute((instance, context) -> worker.drain());
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        journeys.refresh();
    }
}
