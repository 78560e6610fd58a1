package io.siyu.customers.internal;

import io.siyu.customers.CustomerId;
import io.siyu.customers.CustomerSummary;
import io.siyu.customers.OrderFacts;
import io.siyu.customers.ProfileSnapshot;
import io.siyu.customers.Touch;
import io.siyu.customers.TouchesRecorded;
import io.siyu.shared.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** The work behind {@link io.siyu.customers.Profiles}, kept out of the module's API package. */
@Component
public class ProfileFacade {

    private final TouchRecorder recorder;
    private final IdentityRules rules;
    private final ProfileStore store;
    private final ProfileQueries queries;
    private final StoredTouches storedTouches;

    ProfileFacade(
            TouchRecorder recorder,
            IdentityRules rules,
            ProfileStore store,
            ProfileQueries queries,
            StoredTouches storedTouches) {
        this.recorder = recorder;
        this.rules = rules;
        this.store = store;
        this.queries = queries;
        this.storedTouches = storedTouches;
    }

    public List<CustomerId> record(List<Touch> touches) {
        return recorder.record(touches);
    }

    public List<Violation> check(Touch touch) {
        var violations = new ArrayList<>(rules.extract(touch).violations());
        violations.addAll(ConsentRules.check(touch));
        return violations;
    }

    public void updateOrderFacts(Collection<OrderFacts> facts) {
        store.updateOrderFacts(facts);
    }

    public List<ProfileSnapshot> snapshots(Collection<CustomerId> ids) {
        return queries.snapshots(ids);
    }

    public void forEachLive(Consumer<ProfileSnapshot> consumer) {
        queries.forEachLive(consumer);
    }

    public List<CustomerSummary> summaries(List<CustomerId> ids) {
        return queries.summaries(ids);
    }

    public Optional<CustomerId> find(String identity) {
        return queries.find(identity);
    }

    public Optional<CustomerId> live(CustomerId id) {
        return queries.live(id);
    }

    public long highestCustomerId() {
        return queries.highestCustomerId();
    }

    public void forEachStoredTouch(long from, long to, Consumer<TouchesRecorded.RecordedTouch> consumer) {
        storedTouches.forEach(from, to, consumer);
    }
}
