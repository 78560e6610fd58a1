package io.siyu.customers;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Touches as ingestion hands them to profiles and orders, built part by part, for tests of the rules that read them.
 * Every part not given is empty, as a checked message leaves it; the time defaults to {@link #AT}.
 */
public final class TouchFixtures {

    /** When a touch happened unless a test says otherwise. */
    public static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    private static final JsonMapper JSON = JsonMapper.shared();

    private TouchFixtures() {}

    public static Builder track(String event) {
        return new Builder(TouchType.TRACK).event(event);
    }

    public static Builder identify() {
        return new Builder(TouchType.IDENTIFY);
    }

    public static Builder alias(String previousId) {
        var builder = new Builder(TouchType.ALIAS);
        builder.previousId = previousId;
        return builder;
    }

    public static Builder group(String groupId) {
        var builder = new Builder(TouchType.GROUP);
        builder.groupId = groupId;
        return builder;
    }

    /** A JSON object written in a test, such as {@code {"plan":"gold"}}. */
    public static ObjectNode object(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    public static final class Builder {
        private final TouchType type;
        private String messageId = "m-" + UUID.randomUUID();
        private String event;
        private String userId;
        private String anonymousId;
        private String previousId;
        private String groupId;
        private ObjectNode traits = JSON.createObjectNode();
        private ObjectNode properties = JSON.createObjectNode();
        private ObjectNode context = JSON.createObjectNode();
        private Instant occurredAt = AT;

        private Builder(TouchType type) {
            this.type = type;
        }

        public Builder messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        public Builder event(String event) {
            this.event = event;
            return this;
        }

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder anonymousId(String anonymousId) {
            this.anonymousId = anonymousId;
            return this;
        }

        public Builder traits(String json) {
            this.traits = object(json);
            return this;
        }

        public Builder properties(String json) {
            this.properties = object(json);
            return this;
        }

        public Builder context(String json) {
            this.context = object(json);
            return this;
        }

        /** Segment's consent object: {@code context.consent.categoryPreferences} as given. */
        public Builder consent(String categoryPreferences) {
            this.context.set("consent", object("{\"categoryPreferences\":" + categoryPreferences + "}"));
            return this;
        }

        public Builder at(String instant) {
            return at(Instant.parse(instant));
        }

        public Builder at(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public Touch build() {
            return new Touch(
                    messageId,
                    type,
                    event,
                    userId,
                    anonymousId,
                    previousId,
                    groupId,
                    traits,
                    properties,
                    context,
                    occurredAt,
                    occurredAt);
        }
    }
}
