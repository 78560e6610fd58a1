package io.siyu.webhooks.internal.delivery;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a delivery is: queued (waiting to be sent, or to be tried again), sending (claimed by a sender), delivered
 * (answered 2xx), failed (answered in a way trying again will not change) or parked (gave up after the last attempt).
 */
public enum DeliveryStatus {
    QUEUED,
    SENDING,
    DELIVERED,
    FAILED,
    PARKED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
