package io.siyu.messaging.internal.delivery;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a provider did with one message.
 *
 * @param retryAfter for {@link Status#DEFERRED}, how long to wait before asking again
 */
public record Delivery(
        long sendId,
        Status status,
        @Nullable String providerMessageId,
        @Nullable String detail,
        @Nullable Duration retryAfter) {

    public Delivery(long sendId, Status status, @Nullable String providerMessageId, @Nullable String detail) {
        this(sendId, status, providerMessageId, detail, null);
    }

    public enum Status {
        /** Accepted by the provider. */
        SENT,
        /** Not accepted now, for a reason that may pass (a timeout, a 4xx reply, a 5xx answer). */
        RETRY,
        /**
         * Not accepted now because a rate limit was reached (the provider's limit per number or per second): asked
         * again later, without counting as a failed attempt, so a limit never turns into a lost message.
         */
        DEFERRED,
        /** Refused for good (an address that does not exist). */
        REJECTED,
        /**
         * Refused for a reason people must fix before any message can go (a template or signature the provider does
         * not know, credentials it refuses, an account out of credit): kept for people to look at.
         */
        PARKED
    }

    public static Delivery sent(long sendId, @Nullable String providerMessageId) {
        return new Delivery(sendId, Status.SENT, providerMessageId, null);
    }

    public static Delivery retry(long sendId, String detail) {
        return new Delivery(sendId, Status.RETRY, null, detail);
    }

    public static Delivery deferred(long sendId, String detail, Duration retryAfter) {
        return new Delivery(sendId, Status.DEFERRED, null, detail, retryAfter);
    }

    public static Delivery rejected(long sendId, String detail) {
        return new Delivery(sendId, Status.REJECTED, null, detail);
    }

    public static Delivery parked(long sendId, String detail) {
        return new Delivery(sendId, Status.PARKED, null, detail);
    }
}
