package io.siyu.messaging.internal.delivery;

import org.jspecify.annotations.Nullable;

/** What a provider did with one message. */
public record Delivery(
        long sendId,
        Status status,
        @Nullable String providerMessageId,
        @Nullable String detail) {

    public enum Status {
        /** Accepted by the provider. */
        SENT,
        /** Not accepted now, for a reason that may pass (a timeout, a 4xx reply, a 5xx answer). */
        RETRY,
        /** Refused for good (an address that does not exist). */
        REJECTED
    }

    public static Delivery sent(long sendId, @Nullable String providerMessageId) {
        return new Delivery(sendId, Status.SENT, providerMessageId, null);
    }

    public static Delivery retry(long sendId, String detail) {
        return new Delivery(sendId, Status.RETRY, null, detail);
    }

    public static Delivery rejected(long sendId, String detail) {
        return new Delivery(sendId, Status.REJECTED, null, detail);
    }
}
