package io.siyu.journeys.internal.library;

import io.siyu.messaging.Messages;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A lifecycle scene: its key, name and what it does, the templates it sends, and its graph as JSON in which
 * {@code $segment} stands for the id of the segment named by {@code segment} (resolved when the journey is made).
 */
public record Scene(
        String key,
        String name,
        String description,
        List<Messages.TemplateSpec> templates,
        String graph,
        @Nullable String segment) {}
