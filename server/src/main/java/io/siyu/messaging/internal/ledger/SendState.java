package io.siyu.messaging.internal.ledger;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a message stands in the ledger. */
public enum SendState {
    /** Waiting to be sent (again, after a failure that may pass). */
    QUEUED,
    /** Claimed by a dispatcher that is sending it now. */
    SENDING,
    /** Accepted by the channel's provider (or the sandbox). */
    SENT,
    /** Not sent, on purpose: no consent, suppressed, no address; {@code outcome} says which. */
    SKIPPED,
    /** Refused by the provider for good (an address that does not exist). */
    FAILED,
    /** Failed every attempt; waits for people to look at {@code outcome}. */
    PARKED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
