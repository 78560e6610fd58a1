package io.siyu.customers;

import java.util.Locale;
import java.util.Optional;

/** The kinds of messages of the Segment tracking specification. */
public enum TouchType {
    IDENTIFY("$identify"),
    TRACK(null),
    PAGE("$page"),
    SCREEN("$screen"),
    GROUP("$group"),
    ALIAS("$alias");

    private final String countedAs;

    TouchType(String countedAs) {
        this.countedAs = countedAs;
    }

    /** The name under which a touch of this type is counted in a profile's facts; tracks count by event name. */
    public String countedName(String event) {
        return countedAs == null ? event : countedAs;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TouchType> fromWire(String type) {
        if (type == null) {
            return Optional.empty();
        }
        for (var candidate : values()) {
            if (candidate.wireName().equals(type)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
