package io.siyu.webhooks.internal.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt's answer means for the delivery. A 2xx is delivered. A 5xx, 408 (the receiver timed out) and 429
 * (too many requests) may pass, and so may timeouts and connection errors: they are tried again, no sooner than a
 * {@code Retry-After} asks. Every other answer, 3xx (redirects are not followed, the endpoint's URL should be updated)
 * and 4xx including 410, will not pass by trying again: the delivery has failed.
 *
 * @param statusCode the answer's status, null when there was none
 * @param detail a short reason for people
 * @param retryAfter how long the receiver asked to wait, when it did
 */
record Verdict(
        Kind kind,
        @Nullable Integer statusCode,
        String detail,
        @Nullable Duration retryAfter) {

    /** The longest wait a {@code Retry-After} can ask for. */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);

    enum Kind {
        DELIVERED,
        RETRY,
        FAILED
    }

    /** The verdict on an answer with this status and {@code Retry-After} header (null when absent), received now. */
    static Verdict of(int status, @Nullable String retryAfter, Instant now) {
        if (status >= 200 && status < 300) {
            return new Verdict(Kind.DELIVERED, status, "answered " + status, null);
        }
        if (status >= 500 || status == 408 || status == 429) {
            return new Verdict(
                    Kind.RETRY,
                    status,
                    "answered " + status,
                    retryAfter(retryAfter, now).orElse(null));
        }
        if (status >= 300 && status < 400) {
            return new Verdict(Kind.FAILED, status, "answered " + status + "; redirects are not followed", null);
        }
        return new Verdict(Kind.FAILED, status, "answered " + status, null);
    }

    /** The verdict on an attempt that got no answer. */
    static Verdict of(IOException failure) {
        var detail = failure instanceof ConnectTimeoutException
                ? "connecting timed out"
                : failure instanceof SocketTimeoutException
                        ? "no answer in time"
                        : failure instanceof ConnectException
                                ? "connection refused or unreachable"
                                : "connection failed: " + failure.getClass().getSimpleName();
        return new Verdict(Kind.RETRY, null, detail, null);
    }

    /** The verdict on an attempt Siyu refused to make: the endpoint's host now leads somewhere it may not call. */
    static Verdict refused(String reason) {
        return new Verdict(Kind.FAILED, null, "not sent: " + reason, null);
    }

    /**
     * A {@code Retry-After} value as a wait: delay-seconds or an HTTP date (RFC 9110, section 10.2.3), at most
     * {@link #LONGEST_RETRY_AFTER}; empty when absent or unreadable.
     */
    static Optional<Duration> retryAfter(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        var text = value.strip();
        Duration wait;
        if (text.matches("[0-9]{1,10}")) {
            wait = Duration.ofSeconds(Long.parseLong(text));
        } else {
            try {
                wait = Duration.between(
                        now,
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait);
    }
}
