package io.siyu.customers;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a customer can be reached, for the module that sends messages: their newest e-mail address and phone number in
 * clear (never for people to see), the same masked for lists and logs, and an identifier by which a message about the
 * customer handed to ingestion reaches this profile ({@code addressedAs}).
 */
public record ContactPoints(
        CustomerId customerId,
        @Nullable String email,
        @Nullable String maskedEmail,
        @Nullable String phone,
        @Nullable String maskedPhone,
        Identifier addressedAs) {

    /**
     * One of the customer's identifiers, named as a Segment message carries it: {@code userId}, {@code anonymousId},
     * or {@code email} / {@code phone} (as {@code context.traits}).
     */
    public record Identifier(String field, String value) {

        /** Addresses a Segment message to the customer by this identifier, keeping what the message holds already. */
        public void address(ObjectNode message) {
            switch (field) {
                case "userId", "anonymousId" -> message.put(field, value);
                default ->
                    message.withObjectProperty("context")
                            .withObjectProperty("traits")
                            .put(field, value);
            }
        }
    }
}
