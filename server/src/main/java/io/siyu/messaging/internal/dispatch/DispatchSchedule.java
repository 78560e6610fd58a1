package io.siyu.messaging.internal.dispatch;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dispatcher's durable schedule: every second, on one node at a time, queue again what a dead dispatcher left
 * claimed and send what is due (messages queued for later, retries after failures, anything a wake-up missed).
 */
@Configuration(proxyBeanMethods = false)
class DispatchSchedule {

    @Bean
    RecurringTask<Void> messagingDispatch(Dispatcher dispatcher) {
        return Tasks.recurring("messaging-dispatch", Schedules.fixedDelay(Duration.ofSeconds(1)))
                .execute((instance, context) -> {
                    dispatcher.requeueAbandoned();
                    dispatcher.drain();
                });
    }
}
