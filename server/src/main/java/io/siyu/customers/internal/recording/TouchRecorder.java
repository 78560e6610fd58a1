package io.siyu.customers.internal.recording;

import io.siyu.customers.CustomerId;
import io.siyu.customers.CustomersMerged;
import io.siyu.customers.Touch;
import io.siyu.customers.TouchesRecorded;
import io.siyu.customers.internal.identity.IdentityGraph;
import io.siyu.customers.internal.profiles.ProfileBatch;
import io.siyu.customers.internal.profiles.ProfileStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of touches to the profiles: resolves identities, merges profiles, updates traits and facts and
 * appends the events to the timeline, with one statement per kind of row for the whole batch.
 *
 * <p>Must run inside the caller's transaction, and batches must not run concurrently: the ingestion pipeline feeds one
 * batch at a time, which is what makes the in-memory identity resolution safe.
 */
@Component
public class TouchRecorder {

    private final IdentityResolver identities;
    private final ProfileStore store;
    private final BatchWriter writer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TouchRecorder(
            IdentityResolver identities,
            ProfileStore store,
            BatchWriter writer,
            ApplicationEventPublisher events,
            Clock clock) {
        this.identities = identities;
        this.store = store;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
    }

    public List<CustomerId> record(List<Touch> touches) {
        if (touches.isEmpty()) {
            return List.of();
        }
        var now = clock.instant();
        writer.makeRoomFor(touches);
        var resolution = identities.resolve(touches);
        var profiles = ProfileBatch.of(store.load(resolution.involved()), resolution.graph(), now);
        var customers = new ArrayList<CustomerId>(touches.size());
        for (int i = 0; i < touches.size(); i++) {
            var customer = resolution.customerOf(i);
            profiles.apply(touches.get(i), customer);
            customers.add(CustomerId.of(customer));
        }
        writer.write(touches, resolution, profiles, now);
        var merges = merges(resolution.graph());
        merges.forEach(events::publishEvent);
        events.publishEvent(recorded(touches, customers, merges, profiles.described()));
        return customers;
    }

    /** The merges of a resolved batch, in the order they were made, as the event other modules hear. */
    static List<CustomersMerged> merges(IdentityGraph graph) {
        return graph.merges().stream()
                .map(merge -> new CustomersMerged(
                        CustomerId.of(merge.survivor()), CustomerId.of(merge.absorbed()), merge.at()))
                .toList();
    }

    static TouchesRecorded recorded(
            List<Touch> touches, List<CustomerId> customers, List<CustomersMerged> merges, Set<CustomerId> described) {
        var recorded = new ArrayList<TouchesRecorded.RecordedTouch>(touches.size());
        for (int i = 0; i < touches.size(); i++) {
            recorded.add(new TouchesRecorded.RecordedTouch(customers.get(i), touches.get(i)));
        }
        return new TouchesRecorded(recorded, merges, described);
    }
}
