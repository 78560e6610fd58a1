package io.siyu.customers.internal;

import io.siyu.customers.ContactPoints;
import io.siyu.customers.CustomerId;
import io.siyu.customers.CustomerSummary;
import io.siyu.customers.OrderFacts;
import io.siyu.customers.ProfileSnapshot;
import io.siyu.customers.Profiles;
import io.siyu.customers.Touch;
import io.siyu.customers.TouchesRecorded;
import io.siyu.customers.internal.directory.ProfileQueries;
import io.siyu.customers.internal.directory.StoredTouches;
import io.siyu.customers.internal.identity.IdentityRules;
import io.siyu.customers.internal.profiles.ConsentRules;
import io.siyu.customers.internal.profiles.ProfileStore;
import io.siyu.customers.internal.recording.TouchRecorder;
import io.siyu.shared.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The customers module's {@link Profiles}: each call handed to the part of the module that does it. */
@Component
class ProfileFacade implements Profiles {

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

    @Override
    @Transactional
    public List<CustomerId> record(List<Touch> touches) {
        return recorder.record(touches);
    }

    @Override
    public List<Violation> check(Touch touch) {
        var violations = new ArrayList<>(rules.extract(touch).violations());
        violations.addAll(ConsentRules.check(touch));
        return violations;
    }

    @Override
    @Transactional
    public void updateOrderFacts(Collection<OrderFacts> facts) {
        store.updateOrderFacts(facts);
    }

    @Override
    public List<ProfileSnapshot> snapshots(Collection<CustomerId> ids) {
        return queries.snapshots(ids);
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachLive(Consumer<ProfileSnapshot> consumer) {
        queries.forEachLive(consumer);
    }

    @Override
    public List<CustomerSummary> summaries(List<CustomerId> ids) {
        return queries.summaries(ids);
    }

    @Override
    public List<ContactPoints> contactPoints(Collection<CustomerId> ids) {
        return queries.contactPoints(ids);
    }

    @Override
    public Optional<CustomerId> find(String identity) {
        return queries.find(identity);
    }

    @Override
    public Optional<CustomerId> ownedBy(String userId) {
        return queries.ownedBy(userId);
    }

    @Override
    public Optional<CustomerId> live(CustomerId id) {
        return queries.live(id);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean holdIfLive(CustomerId id) {
        return queries.holdIfLive(id);
    }

    @Override
    public long highestCustomerId() {
        return queries.highestCustomerId();
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachStoredTouch(long from, long to, Consumer<TouchesRecorded.RecordedTouch> consumer) {
        storedTouches.forEach(from, to, consumer);
    }

    @Override
    public void forEachRecentEvent(
            String name, java.time.Instant since, int limit, Consumer<TouchesRecorded.RecordedTouch> consumer) {
        storedTouches.forEachRecent(name, since, limit, consumer);
    }
}
