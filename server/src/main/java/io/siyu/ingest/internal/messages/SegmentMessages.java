package io.siyu.ingest.internal.messages;

import io.siyu.commerce.OrderBook;
import io.siyu.customers.Profiles;
import io.siyu.customers.Touch;
import io.siyu.customers.TouchType;
import io.siyu.shared.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads messages of the Segment tracking specification (identify, track, page, screen, group, alias), checks them and
 * turns them into the normalised form the pipeline stores and applies: {@link MessageReader} reads a message's fields
 * and when it happened, the modules that will apply it check what they need (identities and consent, e-commerce
 * properties), and the stored form must fit {@link #MAX_MESSAGE_BYTES}.
 */
@Component
public class SegmentMessages {

    public static final int MAX_MESSAGE_BYTES = 32 * 1024;

    private final Profiles profiles;
    private final OrderBook orders;
    private final JsonMapper json;
    private final MessageReader reader;

    SegmentMessages(Profiles profiles, OrderBook orders, JsonMapper json, IngestProperties properties) {
        this.profiles = profiles;
        this.orders = orders;
        this.json = json;
        this.reader = new MessageReader(json, properties.clockSkewTolerance());
    }

    /** A message that passed every check, in stored form, with the touch it stands for. */
    public record Normalized(String messageId, String body, Touch touch) {}

    /** The outcome of reading one message: a normalized message, or the rules it broke. */
    public sealed interface Outcome {
        record Valid(Normalized message) implements Outcome {}

        record Invalid(String messageId, List<Violation> violations) implements Outcome {}
    }

    /**
     * @param message the message as received
     * @param endpointType the type named by a single-message endpoint ({@code /v1/track}), or null in a batch
     * @param sentAt the batch's or message's {@code sentAt}, if any
     * @param defaultContext context fields of a batch, applied to every message that lacks them
     */
    public Outcome read(
            JsonNode message, String endpointType, Instant receivedAt, Instant sentAt, ObjectNode defaultContext) {
        var violations = new ArrayList<Violation>();
        if (!message.isObject()) {
            violations.add(new Violation("", "type", "a message must be a JSON object"));
            return new Outcome.Invalid(null, violations);
        }
        JsonSafety.check(message, "", violations);
        var envelope = reader.envelope(message, endpointType, defaultContext, violations);
        var fields = reader.typeFields(message, envelope, violations);
        var occurredAt = reader.occurredAt(message, receivedAt, sentAt, violations);
        if (!violations.isEmpty()) {
            return new Outcome.Invalid(envelope.messageId(), violations);
        }
        var touch = reader.touch(envelope, fields, occurredAt, receivedAt);
        violations.addAll(profiles.check(touch));
        violations.addAll(orders.check(touch));
        if (!violations.isEmpty()) {
            return new Outcome.Invalid(envelope.messageId(), violations);
        }
        var body = body(touch);
        if (body.length() > MAX_MESSAGE_BYTES) {
            return new Outcome.Invalid(
                    envelope.messageId(),
                    List.of(new Violation(
                            "", "max-size", "a message may have at most " + MAX_MESSAGE_BYTES / 1024 + " KB")));
        }
        return new Outcome.Valid(new Normalized(touch.messageId(), body, touch));
    }

    /** The stored form of a touch: a Segment message with its corrected time as {@code timestamp}. */
    String body(Touch touch) {
        var body = json.createObjectNode();
        body.put("type", touch.type().wireName());
        body.put("messageId", touch.messageId());
        body.put("userId", touch.userId());
        body.put("anonymousId", touch.anonymousId());
        body.put("previousId", touch.previousId());
        body.put("groupId", touch.groupId());
        body.put("event", touch.event());
        body.set("traits", touch.traits());
        body.set("properties", touch.properties());
        body.set("context", touch.context());
        body.put("timestamp", touch.occurredAt().toString());
        body.put("receivedAt", touch.receivedAt().toString());
        return json.writeValueAsString(body);
    }

    /** The touch a stored message stands for. */
    public Touch touch(String body) {
        var node = (ObjectNode) json.readTree(body);
        return new Touch(
                node.get("messageId").asString(),
                TouchType.fromWire(node.get("type").asString()).orElseThrow(),
                nullable(node, "event"),
                nullable(node, "userId"),
                nullable(node, "anonymousId"),
                nullable(node, "previousId"),
                nullable(node, "groupId"),
                (ObjectNode) node.get("traits"),
                (ObjectNode) node.get("properties"),
                (ObjectNode) node.get("context"),
                Instant.parse(node.get("timestamp").asString()),
                Instant.parse(node.get("receivedAt").asString()));
    }

    private static String nullable(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
