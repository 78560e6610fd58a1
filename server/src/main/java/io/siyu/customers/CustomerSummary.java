package io.siyu.customers;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A customer as a list shows them; phone and e-mail are masked unless the viewer may see personal data. */
public record CustomerSummary(
        long id,
        @Nullable String displayName,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String channel,
        @Nullable Instant firstSeenAt,
        @Nullable Instant lastSeenAt,
        long eventCount,
        int orderCount,
        BigDecimal totalSpent) {}
