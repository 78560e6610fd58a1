package io.siyu.journeys.internal.runtime;

import io.siyu.shared.Drain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the trigger inbox and fires due timers, batch by batch, each batch one transaction. Woken right after a
 * trigger commits, and every second by its db-scheduler task; one drain at a time per process, and a wake-up during a
 * drain makes it look again before it ends.
 */
@Component
class JourneyWorker {

    private static final Logger LOG = LoggerFactory.getLogger(JourneyWorker.class);
    static final int BATCH = 500;

    private final ObjectProvider<TriggerInbox> inbox;
    private final JourneyRuntime runtime;
    private final Arrivals arrivals;
    private final TransactionTemplate transactions;
    private final Drain drain = new Drain("siyu-journeys-wake", this::round);

    JourneyWorker(
            ObjectProvider<TriggerInbox> inbox,
            JourneyRuntime runtime,
            Arrivals arrivals,
            TransactionTemplate transactions) {
        this.inbox = inbox;
        this.runtime = runtime;
        this.arrivals = arrivals;
        this.transactions = transactions;
    }

    void wake() {
        drain.wake();
    }

    /** Drains the inbox and fires due timers; answers how many inbox rows and runs it handled. */
    int drain() {
        return drain.run();
    }

    private int round() {
        try {
            return drainInbox() + fireTimers();
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
}
