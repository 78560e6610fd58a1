package io.siyu.ingest.internal.messages;

import io.siyu.customers.Touch;
import io.siyu.customers.TouchType;
import io.siyu.shared.Violation;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one message of the Segment tracking specification step by step, noting every rule it breaks: the fields every
 * message has ({@link #envelope}), the fields its type needs ({@link #typeFields}), when it happened
 * ({@link #occurredAt}), and the touch it stands for ({@link #touch}). What other modules check, and the stored form,
 * are {@link SegmentMessages}' part.
 *
 * <p>Clock skew: a device's clock may be wrong, but its error is the same when it stamps an event and when it stamps
 * the batch's {@code sentAt}. So the event happened {@code sentAt - timestamp} before the batch was sent, which Siyu
 * measures on its own clock: {@code occurredAt = receivedAt - (sentAt - timestamp)}. Without {@code sentAt} the
 * timestamp is taken as given; without a timestamp, the time of receipt is used.
 *
 * <p>That correction cannot tell a wrong clock from a slow request: {@code receivedAt - sentAt} is the clock's error
 * plus the time the request took on its way, and that time differs from request to request. Applied to a correct
 * clock, it would move each event later by its request's transit time and so reverse the order of events a customer
 * sent in two requests. So only a difference beyond {@code siyu.ingest.clock-skew-tolerance} (30 s unless configured)
 * is taken for a wrong clock and corrected; within it the sender's timestamps stand exactly. The default is longer
 * than the request timeouts of the tracking libraries (10 to 20 s), so a correct clock's slow request is never
 * "corrected", and far shorter than the errors wrong clocks show in practice (a clock set by hand, a wrong time zone:
 * minutes to hours). The price: a clock wrong by less than the tolerance keeps its error.
 */
public final class MessageReader {

    static final int MAX_ID_LENGTH = 255;
    static final int MAX_MESSAGE_ID_LENGTH = 100;
    static final int MAX_NAME_LENGTH = 200;
    /** Messages stamped further ahead of receipt than this are refused: a timestamp from the future is a bug. */
    static final Duration MAX_FUTURE = Duration.ofDays(1);

    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    private final JsonMapper json;
    private final Duration clockSkewTolerance;

    MessageReader(JsonMapper json, Duration clockSkewTolerance) {
        this.json = json;
        this.clockSkewTolerance = clockSkewTolerance;
    }

    /**
     * The fields every message has, as read: its id as sent, its type (empty if it names none Siyu knows), whose it is,
     * and its traits, properties and context (copies, empty when absent or refused).
     */
    record Envelope(
            String messageId,
            Optional<TouchType> type,
            String userId,
            String anonymousId,
            ObjectNode traits,
            ObjectNode properties,
            ObjectNode context) {}

    /** The fields only some types have: a track's event, a page's or screen's name, an alias's or a group's ids. */
    record TypeFields(String event, String previousId, String groupId) {}

    /**
     * Reads the fields every message has.
     *
     * @param endpointType the type named by a single-message endpoint ({@code /v1/track}), or null in a batch
     * @param defaultContext context fields of a batch, applied to every message that lacks them
     */
    Envelope envelope(JsonNode message, String endpointType, ObjectNode defaultContext, List<Violation> violations) {
        var messageId = text(message, "messageId", MAX_MESSAGE_ID_LENGTH, violations);
        var typeName = endpointType != null ? endpointType : text(message, "type", 20, violations);
        var type = TouchType.fromWire(typeName);
        if (type.isEmpty()) {
            violations.add(new Violation(
                    "type",
                    typeName == null ? "required" : "one-of",
                    "must be one of identify, track, page, screen, group, alias"));
        }
        var userId = id(message, "userId", violations);
        var anonymousId = id(message, "anonymousId", violations);
        var traits = object(message, "traits", violations);
        var properties = object(message, "properties", violations);
        var context = object(message, "context", violations);
        if (defaultContext != null) {
            for (var entry : defaultContext.properties()) {
                if (!context.has(entry.getKey())) {
                    context.set(entry.getKey(), entry.getValue());
                }
            }
        }
        if (context.has("traits") && !context.get("traits").isObject()) {
            violations.add(new Violation("context.traits", "type", "must be an object"));
        }
        object(message, "integrations", violations);
        return new Envelope(messageId, type, userId, anonymousId, traits, properties, context);
    }

    /** Reads the fields the message's type needs, and whether the message says whose it is; none for an unknown type. */
    TypeFields typeFields(JsonNode message, Envelope envelope, List<Violation> violations) {
        if (envelope.type().isEmpty()) {
            return new TypeFields(null, null, null);
        }
        String event = null;
        String previousId = null;
        String groupId = null;
        switch (envelope.type().get()) {
            case TRACK -> {
                event = text(message, "event", MAX_NAME_LENGTH, violations);
                if (event == null || event.isBlank()) {
                    violations.add(new Violation("event", "required", "a track needs the event's name"));
                }
            }
            case PAGE, SCREEN -> event = text(message, "name", MAX_NAME_LENGTH, violations);
            case ALIAS -> {
                previousId = id(message, "previousId", violations);
                if (previousId == null) {
                    violations.add(new Violation("previousId", "required", "an alias needs the previous id"));
                }
                if (envelope.userId() == null) {
                    violations.add(new Violation("userId", "required", "an alias needs the new user id"));
                }
            }
            case GROUP -> {
                groupId = id(message, "groupId", violations);
                if (groupId == null) {
                    violations.add(new Violation("groupId", "required", "a group call needs the group's id"));
                }
            }
            case IDENTIFY -> {}
        }
        if (envelope.type().get() != TouchType.ALIAS && envelope.userId() == null && envelope.anonymousId() == null) {
            violations.add(new Violation(
                    "userId", "required", "a message needs a userId or an anonymousId to know whose it is"));
        }
        return new TypeFields(event, previousId, groupId);
    }

    /**
     * When the message happened by Siyu's clock, from its own timestamps and {@code sentAt} (else the batch's), refusing
     * a time more than a day ahead of receipt or before 1970.
     */
    Instant occurredAt(JsonNode message, Instant receivedAt, Instant batchSentAt, List<Violation> violations) {
        var timestamp = instant(message, "timestamp", violations);
        var originalTimestamp = instant(message, "originalTimestamp", violations);
        var ownSentAt = instant(message, "sentAt", violations);
        var occurredAt = occurredAt(
                originalTimestamp != null ? originalTimestamp : timestamp,
                ownSentAt != null ? ownSentAt : batchSentAt,
                receivedAt,
                clockSkewTolerance);
        if (occurredAt.isAfter(receivedAt.plus(MAX_FUTURE))) {
            violations.add(new Violation(
                    "timestamp", "not-future", "is more than a day ahead of the time the message was received"));
        } else if (occurredAt.isBefore(EARLIEST)) {
            violations.add(new Violation("timestamp", "not-before-1970", "is before 1970"));
        }
        return occurredAt;
    }

    /**
     * The touch a message that broke no rule stands for: its id, or a new one when it has none; the traits of calls
     * other than identify and group moved under {@code context.traits}, where Segment's libraries put them.
     */
    Touch touch(Envelope envelope, TypeFields fields, Instant occurredAt, Instant receivedAt) {
        var type = envelope.type().orElseThrow();
        var id = envelope.messageId() != null && !envelope.messageId().isBlank()
                ? envelope.messageId()
                : "siyu-" + UUID.randomUUID();
        var traits = envelope.traits();
        var context = envelope.context();
        if (type != TouchType.IDENTIFY && type != TouchType.GROUP && !traits.isEmpty()) {
            // identify and group describe the person or the group; other calls' traits are accepted in either place
            if (!context.has("traits")) {
                context.set("traits", traits);
            }
            traits = json.createObjectNode();
        }
        return new Touch(
                id,
                type,
                fields.event(),
                envelope.userId(),
                envelope.anonymousId(),
                fields.previousId(),
                fields.groupId(),
                traits,
                envelope.properties(),
                context,
                occurredAt,
                receivedAt);
    }

    /** When a message happened by Siyu's clock; see the class comment for the correction of clock skew. */
    static Instant occurredAt(Instant stamped, Instant sentAt, Instant receivedAt, Duration tolerance) {
        if (stamped == null) {
            return receivedAt;
        }
        if (sentAt == null || Duration.between(sentAt, receivedAt).abs().compareTo(tolerance) <= 0) {
            return stamped;
        }
        try {
            return receivedAt.minus(Duration.between(stamped, sentAt));
        } catch (DateTimeException | ArithmeticException beyondTime) {
            // stamps millions of years apart: the result is out of range, and the range checks refuse it
            return stamped.isBefore(sentAt) ? Instant.MIN : Instant.MAX;
        }
    }

    public static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException offsetMissing) {
            // a date-time without an offset is taken as UTC
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    .toInstant(ZoneOffset.UTC);
        }
    }

    /** A date-time field of a message, null when absent or refused. */
    public static Instant instant(JsonNode message, String field, List<Violation> violations) {
        var node = message.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            violations.add(new Violation(field, "iso-8601", "must be an ISO-8601 date-time string"));
            return null;
        }
        try {
            return parseInstant(node.asString().strip());
        } catch (DateTimeParseException e) {
            violations.add(
                    new Violation(field, "iso-8601", "must be an ISO-8601 date-time such as 2024-05-01T08:30:00Z"));
            return null;
        }
    }

    private static String text(JsonNode message, String field, int max, List<Violation> violations) {
        var node = message.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            violations.add(new Violation(field, "type", "must be a string"));
            return null;
        }
        var value = node.asString();
        if (value.length() > max) {
            violations.add(new Violation(field, "max-length", "must have at most " + max + " characters"));
            return null;
        }
        return value;
    }

    /** An id may be sent as a string or an integer (many shops' user ids are numbers); it is kept as a string. */
    private static String id(JsonNode message, String field, List<Violation> violations) {
        var node = message.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() && !node.isIntegralNumber()) {
            violations.add(new Violation(field, "type", "must be a string or an integer"));
            return null;
        }
        var value = node.isString()
                ? node.asString().strip()
                : node.bigIntegerValue().toString();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_ID_LENGTH) {
            violations.add(new Violation(field, "max-length", "must have at most " + MAX_ID_LENGTH + " characters"));
            return null;
        }
        return value;
    }

    private ObjectNode object(JsonNode message, String field, List<Violation> violations) {
        var node = message.get(field);
        if (node == null || node.isNull()) {
            return json.createObjectNode();
        }
        if (!node.isObject()) {
            violations.add(new Violation(field, "type", "must be an object"));
            return json.createObjectNode();
        }
        return ((ObjectNode) node).deepCopy();
    }
}
