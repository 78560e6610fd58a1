package io.siyu.audience.internal.engine;

import io.siyu.audience.internal.activity.ActivityCounter;
import io.siyu.audience.internal.activity.ActivityStore;
import io.siyu.audience.internal.definitions.TagStore;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.commerce.EcommerceEvents;
import io.siyu.customers.TouchesRecorded;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns every recorded batch of touches into per-day activity ({@link ActivityCounter}): written to PostgreSQL in the
 * batch's own transaction, with the activity and tags of merged customers moved to their survivors, then, once it
 * commits, applied to the in-memory index ({@link BatchIndexer}), which re-evaluates the segments of the customers
 * concerned.
 */
@Component
class ActivityRecorder {

    private final ActivityCounter counter;
    private final ActivityStore store;
    private final TagStore tags;
    private final CurrentIndex current;
    private final BatchIndexer batches;

    ActivityRecorder(
            ActivityCounter counter, ActivityStore store, TagStore tags, CurrentIndex current, BatchIndexer batches) {
        this.counter = counter;
        this.store = store;
        this.tags = tags;
        this.current = current;
        this.batches = batches;
    }

    @EventListener
    void on(TouchesRecorded recorded) {
        // from before the rows are written until the batch is applied: see CurrentIndex.holdBatches
        current.holdBatches();
        BatchIndexer.Batch batch;
        try {
            batch = record(recorded);
        } catch (RuntimeException | Error e) {
            current.releaseBatches();
            throw e;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    batches.apply(batch);
                }

                @Override
                public void afterCompletion(int status) {
                    current.releaseBatches();
                }
            });
        } else {
            try {
                batches.apply(batch);
            } finally {
                current.releaseBatches();
            }
        }
    }

    /** Writes a batch's activity rows and tells what the engine is to apply once they are committed. */
    private BatchIndexer.Batch record(TouchesRecorded recorded) {
        var deltas = counter.deltas(recorded.touches());
        for (var merge : recorded.merges()) {
            store.merge(merge.survivor().value(), merge.absorbed().value());
            tags.merged(merge.survivor().value(), merge.absorbed().value());
        }
        store.add(deltas);
        var changed = new HashSet<Long>();
        recorded.touches().forEach(t -> changed.add(t.customerId().value()));
        var merges = new HashMap<Long, Long>();
        recorded.merges().forEach(m -> {
            merges.put(m.absorbed().value(), m.survivor().value());
            changed.add(m.survivor().value());
        });
        var acknowledged = new HashMap<Long, Instant>();
        recorded.touches().forEach(t -> {
            if (t.touch().receivedAt() != null) {
                acknowledged.merge(t.customerId().value(), t.touch().receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        });
        // whose traits, channel or consent changed, as the customers module says, and whose order facts may have
        // (order events); everything else of the others stays as the index holds it
        var traitsOf = new HashSet<Long>();
        recorded.described().forEach(id -> traitsOf.add(id.value()));
        var ordersOf = new HashSet<Long>();
        for (var recordedTouch : recorded.touches()) {
            var event = recordedTouch.touch().event();
            if (event != null && EcommerceEvents.ORDER_EVENTS.contains(event)) {
                ordersOf.add(recordedTouch.customerId().value());
            }
        }
        return new BatchIndexer.Batch(
                changed,
                List.copyOf(deltas),
                merges,
                acknowledged,
                recorded.touches().size(),
                traitsOf,
                ordersOf);
    }
}
