package io.siyu.customers;

import java.math.BigDecimal;
import java.time.Instant;

/** What commerce knows about one customer's orders, kept on the profile as facts. */
public record OrderFacts(
        CustomerId customerId, int orderCount, BigDecimal totalSpent, Instant firstOrderAt, Instant lastOrderAt) {}
