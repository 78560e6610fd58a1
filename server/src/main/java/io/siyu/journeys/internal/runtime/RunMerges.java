package io.siyu.journeys.internal.runtime;

import io.siyu.customers.CustomersMerged;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When two profiles turn out to be one person, the absorbed profile's journeys become the survivor's: its runs (where
 * they are, their timers, the events they wait for, their goals) and its triggers not yet drained, so that what the
 * survivor does next moves them on and converts them. Where both were inside the same journey, the survivor's run goes
 * on and the other ends as {@code merged}. Done in the merge's transaction, as the orders are moved; a merge heard
 * again finds nothing left to move.
 *
 * <p>The survivor may enter a journey the absorbed profile is inside while the merge runs; moving the runs then meets
 * the "one live run" key. The move is tried again from a savepoint, and then sees that run and ends the absorbed one.
 */
@Component
class RunMerges {

    private static final int ATTEMPTS = 3;

    private final RunStore runs;
    private final TriggerInbox inbox;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    RunMerges(RunStore runs, TriggerInbox inbox, PlatformTransactionManager transactions, Clock clock) {
        this.runs = runs;
        this.inbox = inbox;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    @EventListener
    void on(CustomersMerged merged) {
        var absorbed = merged.absorbed().value();
        var survivor = merged.survivor().value();
        inbox.move(absorbed, survivor);
        for (int attempt = 1; ; attempt++) {
            try {
                savepoint.executeWithoutResult(status -> runs.move(absorbed, survivor, clock.instant()));
                return;
            } catch (DuplicateKeyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
