package io.siyu.audience.internal;

import io.siyu.audience.Audiences;
import io.siyu.audience.internal.definitions.DefinitionStore;
import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.customers.CustomerId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The audience module's {@link Audiences}: answered from the index in use. */
@Component
class AudienceFacade implements Audiences {

    private final CurrentIndex current;
    private final DefinitionStore store;

    AudienceFacade(CurrentIndex current, DefinitionStore store) {
        this.current = current;
        this.store = store;
    }

    @Override
    public Optional<Long> segmentNamed(String name) {
        return store.segments().stream()
                .filter(segment -> segment.name().equals(name))
                .map(DefinitionStore.StoredSegment::id)
                .findFirst();
    }

    @Override
    public boolean isMember(long segmentId, CustomerId customer) {
        var ordinal = AudienceIndex.ordinal(customer.value());
        var index = current.index();
        return index.read(() -> {
            var members = index.segment(segmentId);
            return members != null && members.contains(ordinal);
        });
    }

    @Override
    public Optional<String> stage(String model, CustomerId customer) {
        var ordinal = AudienceIndex.ordinal(customer.value());
        var index = current.index();
        return index.read(() -> index.stageOf(model, ordinal));
    }
}
