package io.siyu.access;

import com.fasterxml.jackson.annotation.JsonValue;
import io.siyu.shared.InvalidInputException;
import java.util.Locale;

/**
 * Where a write key may send to. A write key used in the shop's pages or apps is public by nature (anyone can read it
 * from the page), so such a key may only track; a key that stays on the shop's servers may also rewrite the catalogue.
 */
public enum WriteKeyScope {
    /** The Segment-compatible tracking API ({@code /v1/...}) and nothing else: for pages, mini programs and apps. */
    BROWSER,
    /** Tracking and everything under {@code /ingest/...} (the catalogue feed): for the shop's backend. */
    SERVER;

    private static final String TRACKING = "/v1/";

    /** Whether a key of this scope may call the ingestion endpoint at this path (relative to the application). */
    public boolean reaches(String path) {
        return this == SERVER || path.startsWith(TRACKING);
    }

    /** The scope's name in the API and the console: {@code browser} or {@code server}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a scope as sent in a request; {@code browser} when none is given. */
    public static WriteKeyScope parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return BROWSER;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "browser" -> BROWSER;
            case "server" -> SERVER;
            default -> throw new InvalidInputException(field, "one-of", "must be browser or server");
        };
    }
}
