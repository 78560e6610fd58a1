package io.siyu.customers;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a customer can be reached, for the module that sends messages: their newest e-mail address and phone number in
 * clear (never for people to see), the same masked for lists and logs, and an identifier by which a message about the
 * customer handed to ingestion reaches this profile ({@code addressedAs}).
 *
 * @param platformIds the newest identifier of each other type the customer has, by type ({@code wechat_openid},
 *     {@code wechat_oa_openid}, {@code jpush_registration_id}...): where the platforms' own channels reach them
 */
public record ContactPoints(
        CustomerId customerId,
        @Nullable String email,
        @Nullable String maskedEmail,
        @Nullable String phone,
        @Nullable String maskedPhone,
        Identifier addressedAs,
        Map<String, String> platformIds) {

    public ContactPoints {
        platformIds = Map.copyOf(platformIds);
    }

    /** The customer's newest identifier of a type, if they have one. */
    public @Nullable String platformId(String type) {
        return platformIds.get(type);
    }

    /**
     * One of the customer's identifiers, named as a Segment message carries it: {@code userId}, {@code anonymousId},
     * {@code email} / {@code phone} (as {@code context.traits}), or any other type (as {@code context.externalIds}).
     */
    public record Identifier(String field, String value) {

        /** Addresses a Segment message to the customer by this identifier, keeping what the message holds already. */
        public void address(ObjectNode message) {
            switch (field) {
                case "userId", "anonymousId" -> message.put(field, value);
                case "email", "phone" ->
                    message.withObjectProperty("context")
                            .withObjectProperty("traits")
                            .put(field, value);
                default ->
                    message.withObjectProperty("context")
                            .withArrayProperty("externalIds")
                            .addObject()
                            .put("id", value)
                            .put("type", field)
                            .put("collection", "users")
                            .put("encoding", "none");
            }
        }
    }
}
