package io.siyu.audience.internal.tags;

import io.siyu.audience.internal.definitions.TagStore;
import io.siyu.audience.internal.engine.DerivedSets;
import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.customers.CustomerId;
import io.siyu.shared.AfterCommit;
import java.util.List;
import java.util.Optional;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Manual tags given and taken by other modules' automations (a journey's step), inside the caller's transaction: the
 * rows and the history commit with the step or not at all, and only then does the index change and what depends on the
 * tag follow, so a step rolled back leaves no tag in the index that the database does not hold. A customer who already
 * holds the tag (or no longer does) is left alone, which makes a retried step change nothing.
 */
@Service
public class AutomatedTags {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AutomatedTags.class);

    private final TagStore store;
    private final CurrentIndex current;
    private final DerivedSets derivedSets;
    private final TransactionTemplate afterwards;

    AutomatedTags(
            TagStore store, CurrentIndex current, DerivedSets derivedSets, PlatformTransactionManager transactions) {
        this.store = store;
        this.current = current;
        this.derivedSets = derivedSets;
        this.afterwards = new TransactionTemplate(transactions);
        this.afterwards.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether a manual tag of this name exists. */
    public boolean isManual(String name) {
        return manualTag(name).isPresent();
    }

    public int give(String name, List<CustomerId> customers, String by) {
        return manualTag(name)
                .map(tag -> {
                    var given = store.giveMissing(tag, ordinals(customers), by);
                    afterCommit(given, index -> given.forEach((int ordinal) -> index.setTag(tag, ordinal, "")));
                    return given.getCardinality();
                })
                .orElse(0);
    }

    public int take(String name, List<CustomerId> customers, String by) {
        return manualTag(name)
                .map(tag -> {
                    var taken = store.takeHeld(tag, ordinals(customers), by);
                    afterCommit(taken, index -> taken.forEach((int ordinal) -> index.removeTag(tag, ordinal)));
                    return taken.getCardinality();
                })
                .orElse(0);
    }

    private Optional<Long> manualTag(String name) {
        return store.tagsByName().stream()
                .filter(tag -> tag.name().equals(name) && tag.kind().equals("MANUAL"))
                .map(TagStore.StoredTag::id)
                .findFirst();
    }

    private static RoaringBitmap ordinals(List<CustomerId> customers) {
        var ordinals = new RoaringBitmap();
        customers.forEach(customer -> ordinals.add(AudienceIndex.ordinal(customer.value())));
        return ordinals;
    }

    private void afterCommit(RoaringBitmap changed, java.util.function.Consumer<AudienceIndex> change) {
        if (changed.isEmpty()) {
            return;
        }
        Runnable follow = () -> {
            try {
                afterwards.executeWithoutResult(status -> {
                    var index = current.index();
                    index.write(() -> change.accept(index));
                    derivedSets.refresh(changed);
                });
            } catch (RuntimeException e) {
                // the assignments are committed: the index holds them once it is next loaded from the database
                log.warn("tag change committed, but the index did not follow it: {}", e.toString());
            }
        };
        AfterCommit.run(follow);
    }
}
