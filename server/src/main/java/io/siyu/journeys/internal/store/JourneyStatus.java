package io.siyu.journeys.internal.store;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a journey stands. */
public enum JourneyStatus {
    /** Being drawn; nobody enters. */
    DRAFT,
    /** Customers enter its current version and move through it. */
    PUBLISHED,
    /** Nobody enters, and customers inside wait where they are until it is resumed. */
    PAUSED,
    /** Ended: nobody enters, customers inside were let go. */
    ARCHIVED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static JourneyStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
