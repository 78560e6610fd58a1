package io.siyu.messaging.internal.templates;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an SMS template says to the provider. In China an SMS is not free text: the brand has a template and a
 * signature (签名) approved at the provider, and a message names the template by its code and fills its parameters.
 *
 * @param templateCode the approved template's code at the provider ({@code SMS_123456789})
 * @param signName the approved signature, shown as 【...】 before the text; empty for the configured one
 * @param parameters the template's parameters by name, each a Handlebars source rendered for the customer
 */
public record SmsContent(String templateCode, @Nullable String signName, Map<String, String> parameters) {

    public SmsContent {
        parameters = parameters == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(parameters));
    }
}
