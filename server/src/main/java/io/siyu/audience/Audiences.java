package io.siyu.audience;

import io.siyu.audience.internal.AudienceFacade;
import io.siyu.customers.CustomerId;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Questions other modules ask the audience engine. */
@Service
public class Audiences {

    private final AudienceFacade facade;

    Audiences(AudienceFacade facade) {
        this.facade = facade;
    }

    /** Whether a customer is a member of a segment now. */
    public boolean isMember(long segmentId, CustomerId customer) {
        return facade.isMember(segmentId, customer);
    }

    /** The stage of a lifecycle model a customer is in now, if the index is built. */
    public Optional<String> stage(String model, CustomerId customer) {
        return facade.stage(model, customer);
    }
}
