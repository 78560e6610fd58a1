package io.siyu.customers;

import java.math.BigDecimal;
import java.time.Instant;

/** A customer as a list shows them; phone and e-mail are masked unless the viewer may see personal data. */
public record CustomerSummary(
        long id,
        String displayName,
        String email,
        String phone,
        String channel,
        Instant firstSeenAt,
        Instant lastSeenAt,
        long eventCount,
        int orderCount,
        BigDecimal totalSpent) {}
