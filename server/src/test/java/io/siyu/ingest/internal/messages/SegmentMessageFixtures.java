package io.siyu.ingest.internal.messages;

import io.siyu.shared.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Segment messages as a sender writes them, built field by field, and a reader for them without the application. */
final class SegmentMessageFixtures {

    static final JsonMapper JSON = JsonMapper.shared();

    /** When the messages are received unless a test says otherwise. */
    static final Instant RECEIVED = Instant.parse("2026-05-01T08:00:00Z");

    private SegmentMessageFixtures() {}

    /** A reader with the default clock-skew tolerance of 30 seconds. */
    static MessageReader reader() {
        return new MessageReader(JSON, Duration.ofSeconds(30));
    }

    /** A message with only {@code type}; add what it needs. */
    static Builder message(String type) {
        return new Builder().with("type", type);
    }

    /** A track of {@code event} by the user {@code u1}. */
    static Builder track(String event) {
        return message("track").with("event", event).with("userId", "u1");
    }

    /** Collects the violations a step notes. */
    static List<Violation> violations() {
        return new ArrayList<>();
    }

    static final class Builder {
        private final ObjectNode message = JSON.createObjectNode();

        /** Sets a field to a text, a number, a boolean or null. */
        Builder with(String field, Object value) {
            message.set(field, JSON.valueToTree(value));
            return this;
        }

        /** Sets a field to a JSON value written in the test, such as {@code {"plan":"gold"}}. */
        Builder json(String field, String json) {
            message.set(field, JSON.readTree(json));
            return this;
        }

        Builder without(String field) {
            message.remove(field);
            return this;
        }

        ObjectNode build() {
            return message;
        }
    }
}
