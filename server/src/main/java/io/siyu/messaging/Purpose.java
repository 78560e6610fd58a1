package io.siyu.messaging;

import com.fasterxml.jackson.annotation.JsonValue;
import io.siyu.shared.InputRules;

/**
 * Why a message is sent. Marketing needs the customer's consent and carries an unsubscribe link; transactional
 * messages (an order's confirmation, a password reset) go to every customer who is not suppressed.
 */
public enum Purpose {
    MARKETING("marketing"),
    TRANSACTIONAL("transactional");

    private final String value;

    Purpose(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Purpose parse(String field, String value) {
        return InputRules.oneOf(field, value, values(), Purpose::value);
    }
}
