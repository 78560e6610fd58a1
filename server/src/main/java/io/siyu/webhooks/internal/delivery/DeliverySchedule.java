package io.siyu.webhooks.internal.delivery;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The courier's durable schedule: every second, on one node at a time, queue again what a dead sender left claimed
 * and send what is due (retries after failures, deliveries of endpoints enabled again, anything a wake-up missed).
 */
@Configuration(proxyBeanMethods = false)
class DeliverySchedule {

    @Bean
    RecurringTask<Void> webhooksDelivery(Courier courier) {
        return Tasks.recurring("webhooks-delivery", Schedules.fixedDelay(Duration.ofSeconds(1)))
                .execute((instance, context) -> {
                    courier.requeueAbandoned();
                    courier.drain();
                });
    }
}
