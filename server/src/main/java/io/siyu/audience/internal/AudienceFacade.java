package io.siyu.audience.internal;

import io.siyu.customers.CustomerId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The work behind {@link io.siyu.audience.Audiences}. */
@Component
public class AudienceFacade {

    private final AudienceEngine engine;

    AudienceFacade(AudienceEngine engine) {
        this.engine = engine;
    }

    public boolean isMember(long segmentId, CustomerId customer) {
        var ordinal = AudienceIndex.ordinal(customer.value());
        return engine.index().read(() -> {
            var members = engine.index().segment(segmentId);
            return members != null && members.contains(ordinal);
        });
    }

    public Optional<String> stage(String model, CustomerId customer) {
        var ordinal = AudienceIndex.ordinal(customer.value());
        return engine.index().read(() -> engine.index().stageOf(model, ordinal));
    }
}
