package io.siyu.customers.internal.recording;

import io.siyu.customers.Touch;
import io.siyu.customers.internal.profiles.ProfileBatch;
import io.siyu.customers.internal.profiles.ProfileStore;
import io.siyu.customers.internal.vault.CustomersProperties;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes what a batch of touches changed, one statement per kind of row: new profiles first (identities refer to
 * them), then merges in order, then the changed profiles, identities, conflicts, consent changes and the timeline with
 * its counters.
 */
@Component
class BatchWriter {

    private final ProfileStore store;
    private final EventPartitions partitions;
    private final IdentityResolver identities;
    private final TimelineRows timeline;
    private final ZoneId brandZone;

    BatchWriter(
            ProfileStore store,
            EventPartitions partitions,
            IdentityResolver identities,
            TimelineRows timeline,
            CustomersProperties properties) {
        this.store = store;
        this.partitions = partitions;
        this.identities = identities;
        this.timeline = timeline;
        this.brandZone = properties.timeZone();
    }

    /**
     * Makes room for the events of a batch: the monthly partitions they need. Called before the batch's transaction
     * touches the event table, since each partition is created in a short transaction of its own, which would wait for
     * the batch's locks on that table.
     */
    void makeRoomFor(List<Touch> touches) {
        partitions.ensureFor(touches.stream().map(Touch::occurredAt).toList());
    }

    void write(List<Touch> touches, IdentityResolver.Resolution resolution, ProfileBatch profiles, Instant now) {
        var graph = resolution.graph();
        store.insert(profiles.created(), now);
        var movedInBatch = movedInBatch(resolution);
        for (var merge : graph.merges()) {
            // events of this batch meant for the absorbed profile are written to the survivor directly
            store.merge(merge, movedInBatch.getOrDefault(merge.absorbed(), 0L));
        }
        store.update(profiles.existing(), now);
        store.insertIdentities(identities.identityRows(graph));
        store.handOver(graph.handovers(), graph::find);
        store.recordConflicts(graph.conflicts());
        store.insertConsentChanges(profiles.consentChanges(), now);
        writeTimeline(touches, resolution);
    }

    private void writeTimeline(List<Touch> touches, IdentityResolver.Resolution resolution) {
        var eventIds = store.allocateEventIds(touches.size()).iterator();
        var rows = new ArrayList<ProfileStore.EventRow>(touches.size());
        var tally = new EventTally(brandZone);
        for (int i = 0; i < touches.size(); i++) {
            var touch = touches.get(i);
            var customer = resolution.customerOf(i);
            rows.add(timeline.row(
                    eventIds.next(),
                    customer,
                    touch,
                    resolution.personalValues().get(i)));
            tally.add(customer, touch);
        }
        store.insertEvents(rows);
        store.addEventCounts(tally.counts());
        store.addDailyActivity(tally.perDay());
    }

    /**
     * How many of the batch's touches were meant for each profile that the batch then merged into another: they are
     * written to the survivor directly, and the merge counts them among the events it moved.
     */
    static Map<Long, Long> movedInBatch(IdentityResolver.Resolution resolution) {
        var moved = new HashMap<Long, Long>();
        for (var target : resolution.targets()) {
            if (resolution.graph().find(target) != target) {
                moved.merge(target, 1L, Long::sum);
            }
        }
        return moved;
    }
}
