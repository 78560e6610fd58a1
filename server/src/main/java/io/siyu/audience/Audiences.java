package io.siyu.audience;

import io.siyu.customers.CustomerId;
import java.util.Optional;

/** Questions other modules ask the audience engine, answered from its index. */
public interface Audiences {

    /** Whether a customer is a member of a segment now. */
    boolean isMember(long segmentId, CustomerId customer);

    /** The id of the segment of this name, if there is one (built-in segments included, e.g. {@code RFM: at risk}). */
    Optional<Long> segmentNamed(String name);

    /** The stage of a lifecycle model a customer is in now, if the index is built. */
    Optional<String> stage(String model, CustomerId customer);
}
