package io.siyu.messaging.internal.templates;

import io.siyu.messaging.Channel;
import io.siyu.messaging.Purpose;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A template as lists show it; {@code version} is its newest. */
public record MessageTemplate(
        long id,
        String key,
        String name,
        Channel channel,
        Purpose purpose,
        int version,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant archivedAt) {}
