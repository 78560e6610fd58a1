package io.siyu.messaging;

import com.fasterxml.jackson.annotation.JsonValue;
import io.siyu.shared.InputRules;

/** A way of reaching a customer; each is also the consent category a customer grants or denies for it. */
public enum Channel {
    EMAIL("email");

    private final String category;

    Channel(String category) {
        this.category = category;
    }

    /** The channel's name in the API and the consent category that governs it. */
    @JsonValue
    public String category() {
        return category;
    }

    public static Channel parse(String field, String value) {
        return InputRules.oneOf(field, value, values(), Channel::category);
    }
}
