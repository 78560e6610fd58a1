package io.siyu.journeys.internal.runtime;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A customer's run through one version of a journey, as the runtime reads it to move it on. */
public record Run(
        long id,
        long journeyId,
        int version,
        long customerId,
        String occurrence,
        String arm,
        String state,
        @Nullable String node,
        int steps,
        Instant enteredAt,
        Map<String, Object> data) {

    public static final String TREATED = "treated";
    public static final String CONTROL = "control";

    boolean control() {
        return CONTROL.equals(arm);
    }
}
