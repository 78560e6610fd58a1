package io.siyu.customers;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * One thing a customer did or was found to be, as ingestion accepted it: a Segment message with its clock skew already
 * corrected.
 *
 * @param messageId the sender's id of the message, unique across all messages
 * @param event the event name of a track, the page or screen name of a page or screen, else null
 * @param previousId the former id an alias message links to {@code userId}
 * @param traits the traits of an identify or group (or {@code context.traits}), never null
 * @param properties the properties of a track, page or screen, never null
 * @param context the message context, never null
 * @param occurredAt when it happened by the sender's corrected clock
 * @param receivedAt when Siyu acknowledged it
 */
public record Touch(
        String messageId,
        TouchType type,
        String event,
        String userId,
        String anonymousId,
        String previousId,
        String groupId,
        ObjectNode traits,
        ObjectNode properties,
        ObjectNode context,
        Instant occurredAt,
        Instant receivedAt) {}
