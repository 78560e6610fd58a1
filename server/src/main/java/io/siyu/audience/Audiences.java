package io.siyu.audience;

import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.customers.CustomerId;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Questions other modules ask the audience engine, answered from the index. */
@Service
public class Audiences {

    private final CurrentIndex current;

    Audiences(CurrentIndex current) {
        this.current = current;
    }

    /** Whether a customer is a member of a segment now. */
    public boolean isMember(long segmentId, CustomerId customer) {
        var ordinal = AudienceIndex.ordinal(customer.value());
        var index = current.index();
        return index.read(() -> {
            var members = index.segment(segmentId);
            return members != null && members.contains(ordinal);
        });
    }

    /** The stage of a lifecycle model a customer is in now, if the index is built. */
    public Optional<String> stage(String model, CustomerId customer) {
        var ordinal = AudienceIndex.ordinal(customer.value());
        var index = current.index();
        return index.read(() -> index.stageOf(model, ordinal));
    }
}
