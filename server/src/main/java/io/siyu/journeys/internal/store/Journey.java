package io.siyu.journeys.internal.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A journey: its draft graph and the version customers enter ({@code version}, none before it was published). */
public record Journey(
        long id,
        String name,
        @Nullable String description,
        JourneyStatus status,
        JsonNode draft,
        @Nullable Integer version,
        Instant createdAt,
        Instant updatedAt,
        String createdBy) {}
