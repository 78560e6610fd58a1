package io.siyu.loyalty.internal.points;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes down expired points every few minutes on one node ({@code loyalty-points-expiry}), a thousand customers per
 * transaction. A customer's own change expires their due lots first anyway; this keeps the ledger and the liability
 * current for those who do nothing.
 */
@Configuration(proxyBeanMethods = false)
class PointsSchedule {

    static final Duration EVERY = Duration.ofMinutes(5);
    static final int CUSTOMERS = 1_000;

    @Bean
    RecurringTask<Void> loyaltyPointsExpiry(PointsLedger ledger, Clock clock) {
        return Tasks.recurring("loyalty-points-expiry", Schedules.fixedDelay(EVERY))
                .execute((instance, context) -> {
                    while (ledger.expireDue(clock.instant(), CUSTOMERS) == CUSTOMERS) {
                        // a thousand customers a transaction until none is left
                    }
                });
    }
}
