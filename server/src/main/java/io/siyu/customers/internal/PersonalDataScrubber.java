package io.siyu.customers.internal;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks phone numbers and e-mail addresses in the JSON kept on the timeline. The clear values live only sealed in the
 * identity graph; a timeline shows {@code a***@example.com} to everyone.
 */
final class PersonalDataScrubber {

    private PersonalDataScrubber() {}

    /** Masks in place and returns the node. */
    static JsonNode scrub(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                var name = entry.getKey();
                var value = entry.getValue();
                if (value.isString() && IdentityRules.EMAIL_TRAITS.contains(name)) {
                    entry.setValue(object.stringNode(IdentityRules.mask(IdentityRules.EMAIL, value.asString())));
                } else if ((value.isString() || value.isNumber()) && IdentityRules.PHONE_TRAITS.contains(name)) {
                    entry.setValue(object.stringNode(IdentityRules.mask(IdentityRules.PHONE, value.asString())));
                } else if (value.isContainer()) {
                    scrub(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (var element : array) {
                scrub(element);
            }
        }
        return node;
    }
}
