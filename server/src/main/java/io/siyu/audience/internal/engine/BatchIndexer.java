package io.siyu.audience.internal.engine;

import io.siyu.audience.internal.activity.ActivityLoader;
import io.siyu.audience.internal.activity.ActivityStore;
import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.audience.internal.index.Touched;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Component;

/**
 * Applies every committed batch of events to the index, on the pipeline's thread right after the commit: the changed
 * profiles, their activity and merges, then the derived sets of the batch's customers. While the index is being built,
 * a batch's customers are noted instead and caught up from PostgreSQL once it is ready.
 */
@Component
class BatchIndexer {

    /** Measures the applying thread's processor time. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Customers caught up with PostgreSQL at a time. */
    private static final int CATCH_UP_CHUNK = 1000;

    private final CurrentIndex current;
    private final IndexLoader loader;
    private final ActivityLoader activity;
    private final DerivedSets derivedSets;
    private final AudienceMetrics metrics;

    BatchIndexer(
            CurrentIndex current,
            IndexLoader loader,
            ActivityLoader activity,
            DerivedSets derivedSets,
            AudienceMetrics metrics) {
        this.current = current;
        this.loader = loader;
        this.activity = activity;
        this.derivedSets = derivedSets;
        this.metrics = metrics;
    }

    /**
     * A batch of committed changes: customers whose profile or activity changed, their activity, merges, when each
     * customer's earliest message of the batch was acknowledged, how many touches the batch held, and the customers
     * whose traits, channel or consent ({@code traitsOf}) and whose orders ({@code ordersOf}) may have changed: the
     * others' are as the index holds them.
     */
    record Batch(
            Set<Long> changed,
            List<ActivityStore.Delta> deltas,
            Map<Long, Long> merges,
            Map<Long, Instant> acknowledged,
            int touches,
            Set<Long> traitsOf,
            Set<Long> ordersOf) {}

    /** Applies a committed batch; called on the pipeline's thread right after the commit. */
    void apply(Batch batch) {
        var started = System.nanoTime();
        var cpu = THREADS.getCurrentThreadCpuTime();
        applyBatch(batch);
        metrics.applied(batch.touches(), System.nanoTime() - started, THREADS.getCurrentThreadCpuTime() - cpu);
    }

    private void applyBatch(Batch batch) {
        if (current.deferWhileBuilding(batch.changed(), batch.merges().keySet())) {
            return;
        }
        var survivors = new HashSet<>(batch.merges().values());
        var ids = new HashSet<>(batch.changed());
        ids.addAll(survivors);
        // merges move whole histories and tags: not followed in detail
        var touched = survivors.isEmpty() ? Touched.nothing() : Touched.everything();
        setProfilesAndActivity(batch, ids, survivors, touched);
        if (!survivors.isEmpty()) {
            loader.reloadSurvivors(survivors);
        }
        var within = new RoaringBitmap();
        ids.forEach(id -> within.add(AudienceIndex.ordinal(id)));
        batch.merges().keySet().forEach(id -> within.add(AudienceIndex.ordinal(id)));
        var changes = derivedSets.refresh(within, touched);
        metrics.signalled(changes, batch.acknowledged());
    }

    /**
     * Removes the customers merged away, sets the changed profiles (everything of merges' survivors, whose histories
     * were merged) and adds the batch's activity, noting in {@code touched} what changed.
     */
    private void setProfilesAndActivity(Batch batch, Set<Long> ids, Set<Long> survivors, Touched touched) {
        var snapshots = loader.snapshots(ids);
        var index = current.index();
        index.write(() -> {
            batch.merges().keySet().forEach(absorbed -> index.forget(AudienceIndex.ordinal(absorbed)));
            if (survivors.isEmpty()) {
                index.applyAll(snapshots, touched, batch.traitsOf(), batch.ordersOf());
            } else {
                index.applyAll(snapshots, touched, null, null);
            }
            activity.add(index, batch.deltas(), survivors, touched);
        });
    }

    /**
     * Catches customers up with PostgreSQL (profiles and activity), a thousand at a time, and refreshes what depends on
     * them: the customers whose batches arrived while the index was being built.
     */
    void catchUp(Set<Long> ids) {
        var all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CATCH_UP_CHUNK) {
            var chunk = all.subList(from, Math.min(all.size(), from + CATCH_UP_CHUNK));
            loader.reload(chunk);
            var within = new RoaringBitmap();
            chunk.forEach(id -> within.add(AudienceIndex.ordinal(id)));
            derivedSets.refresh(within);
        }
    }
}
