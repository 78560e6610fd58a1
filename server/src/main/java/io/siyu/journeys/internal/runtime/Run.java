package io.siyu.journeys.internal.runtime;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A customer's run through one version of a journey, as the runtime reads it to move it on; {@code actionKey} is the
 * customer and occurrence its actions' keys name (the run's own, unless its customer was merged into another since).
 */
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
        Map<String, Object> data,
        String actionKey) {

    public static final String TREATED = "treated";
    public static final String CONTROL = "control";

    boolean control() {
        return CONTROL.equals(arm);
    }
}
