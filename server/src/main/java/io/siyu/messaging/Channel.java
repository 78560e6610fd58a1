package io.siyu.messaging;

import com.fasterxml.jackson.annotation.JsonValue;
import io.siyu.customers.ContactPoints;
import io.siyu.shared.InputRules;
import org.jspecify.annotations.Nullable;

/** A way of reaching a customer; each is also the consent category a customer grants or denies for it. */
public enum Channel {
    EMAIL("email"),
    SMS("sms");

    private final String category;

    Channel(String category) {
        this.category = category;
    }

    /** The channel's name in the API and the consent category that governs it. */
    @JsonValue
    public String category() {
        return category;
    }

    /** Where the channel reaches a customer, in clear (for sending only): the e-mail address or the phone number. */
    public @Nullable String addressOf(@Nullable ContactPoints contact) {
        if (contact == null) {
            return null;
        }
        return this == SMS ? contact.phone() : contact.email();
    }

    /** The same address masked, for lists and logs. */
    public @Nullable String maskedAddressOf(@Nullable ContactPoints contact) {
        if (contact == null) {
            return null;
        }
        return this == SMS ? contact.maskedPhone() : contact.maskedEmail();
    }

    public static Channel parse(String field, String value) {
        return InputRules.oneOf(field, value, values(), Channel::category);
    }
}
