package io.siyu.customers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a profile is now: its traits and facts, for modules that index customers. {@code mergedInto} is set when the
 * profile was merged into another and no longer exists on its own. {@code consents} holds, per category the customer
 * decided on, whether they granted it (categories never decided are absent). {@code timeZone} is the zone the
 * customer lives in: their own, from the latest {@code context.timezone} of their messages, else the brand's
 * ({@code SIYU_TIME_ZONE}); times of day meant for the customer (quiet hours, "at 9:00") are read in it.
 */
public record ProfileSnapshot(
        CustomerId id,
        CustomerId mergedInto,
        Map<String, Object> traits,
        String channel,
        Instant firstSeenAt,
        Instant lastSeenAt,
        long eventCount,
        int orderCount,
        BigDecimal totalSpent,
        Instant firstOrderAt,
        Instant lastOrderAt,
        Map<String, Boolean> consents,
        ZoneId timeZone) {}
