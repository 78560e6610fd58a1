package io.siyu.audience.internal.engine;

import io.siyu.audience.internal.definitions.Definitions;
import io.siyu.audience.internal.index.CurrentIndex;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** How the index stands, for operators and the benchmark. */
@Component
public class EngineStatus {

    private final CurrentIndex current;
    private final Definitions definitions;

    EngineStatus(CurrentIndex current, Definitions definitions) {
        this.current = current;
        this.definitions = definitions;
    }

    @Schema(name = "AudienceStatus")
    public record Status(
            boolean ready,
            long profilesLoaded,
            long liveCustomers,
            int activityKeys,
            long memoryBytes,
            @Nullable Long buildMillis,
            @Nullable Instant builtAt,
            int segments,
            int ruleTags,
            int valueTags,
            int lifecycleModels) {}

    public Status status() {
        var registry = definitions.registry();
        var index = current.index();
        var ready = current.ready();
        return index.read(() -> new Status(
                ready,
                current.loadedProfiles(),
                index.liveCount(),
                index.activityKeys(),
                ready ? index.sizeInBytes() : 0,
                current.buildMillis(),
                current.builtAt(),
                registry.segments().size(),
                registry.ruleTags().size(),
                registry.valueTags().size(),
                registry.models().size()));
    }
}
