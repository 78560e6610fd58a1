package io.siyu.audience.internal.activity;

import io.siyu.customers.Profiles;
import io.siyu.customers.TouchesRecorded;
import java.util.ArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the per-day activity table ({@code audience.activity}) again from every stored event: emptied and filled in
 * one transaction, a range of customer ids at a time, each range's events turned into activity exactly as the event
 * flow turns them ({@link ActivityCounter}).
 */
@Component
public class ActivityReplay {

    /** Customer ids read per step: their events are turned into activity in memory, then written. */
    private static final int CUSTOMERS_PER_STEP = 20_000;

    private final Profiles profiles;
    private final ActivityCounter counter;
    private final ActivityStore store;
    private final TransactionTemplate transaction;

    ActivityReplay(
            Profiles profiles, ActivityCounter counter, ActivityStore store, PlatformTransactionManager transactions) {
        this.profiles = profiles;
        this.counter = counter;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** How far a replay got: customer ids read of the highest, events read, activity rows written. */
    public record Progress(long customersRead, long customersTotal, long events, long rows) {}

    /** Replays every stored event, telling {@code progress} after each range of customers. */
    public Progress replay(java.util.function.Consumer<Progress> progress) {
        return transaction.execute(tx -> {
            store.clear();
            var highest = profiles.highestCustomerId();
            var done = new Progress(0, highest, 0, 0);
            progress.accept(done);
            for (long from = 1; from <= highest; from += CUSTOMERS_PER_STEP) {
                var touches = new ArrayList<TouchesRecorded.RecordedTouch>();
                profiles.forEachStoredTouch(from, from + CUSTOMERS_PER_STEP, touches::add);
                var deltas = counter.deltas(touches);
                store.add(deltas);
                var read = Math.min(highest, from + CUSTOMERS_PER_STEP - 1);
                done = new Progress(read, highest, done.events() + touches.size(), done.rows() + deltas.size());
                progress.accept(done);
            }
            return done;
        });
    }
}
