package io.siyu.commerce;

import io.siyu.customers.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Orders changed in a batch of e-commerce events, as they stand after it, published inside the transaction that
 * applied them: modules that keep something per order (points earned on it) follow in the same transaction. An order
 * may be announced again unchanged (a repeated event); listeners compare with what they hold.
 */
public record OrdersChanged(List<Standing> orders) {

    /** Where an order stands: its customer, status, total and how much of it was refunded, and when it was completed. */
    public record Standing(
            String orderId,
            CustomerId customerId,
            String status,
            String currency,
            BigDecimal total,
            BigDecimal refundedTotal,
            @Nullable Instant completedAt,
            @Nullable Instant cancelledAt) {

        public boolean completed() {
            return status.equals("COMPLETED");
        }

        public boolean cancelled() {
            return status.equals("CANCELLED");
        }
    }
}
