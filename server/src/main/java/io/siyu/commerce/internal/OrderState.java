package io.siyu.commerce.internal;

import static io.siyu.commerce.EcommerceEvents.CHECKOUT_STARTED;
import static io.siyu.commerce.EcommerceEvents.ORDER_CANCELLED;
import static io.siyu.commerce.EcommerceEvents.ORDER_COMPLETED;
import static io.siyu.commerce.EcommerceEvents.ORDER_UPDATED;

import io.siyu.customers.Touch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An order while the events of a batch are applied to it.
 *
 * <p>Events may arrive late or out of order, so every rule compares timestamps instead of trusting arrival order: the
 * order was placed at its earliest event and completed at its earliest completion; it is cancelled if its latest
 * cancellation is not older than its completion; its amounts, coupon and lines are those of its latest describing
 * event (Checkout Started, Order Updated, Order Completed).
 */
final class OrderState {

    enum Status {
        PENDING,
        COMPLETED,
        CANCELLED
    }

    private static final Set<String> DESCRIBING = Set.of(CHECKOUT_STARTED, ORDER_UPDATED, ORDER_COMPLETED);

    final String orderId;
    final boolean isNew;
    final Instant createdAt;
    long customerId;
    String currency;
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal subtotal;
    BigDecimal revenue;
    BigDecimal shipping;
    BigDecimal tax;
    BigDecimal discount;
    String coupon;
    String affiliation;
    String checkoutId;
    Instant placedAt;
    Instant completedAt;
    Instant cancelledAt;
    Instant fieldsAt;
    List<EcommerceProperties.ProductRef> lines;
    boolean linesChanged;

    OrderState(String orderId, boolean isNew, Instant createdAt) {
        this.orderId = orderId;
        this.isNew = isNew;
        this.createdAt = createdAt;
    }

    void apply(long customer, Touch touch, String baseCurrency) {
        var at = touch.occurredAt();
        var properties = touch.properties();
        placedAt = placedAt == null || at.isBefore(placedAt) ? at : placedAt;
        if (touch.event().equals(ORDER_COMPLETED)) {
            completedAt = completedAt == null || at.isBefore(completedAt) ? at : completedAt;
        }
        if (touch.event().equals(ORDER_CANCELLED)) {
            cancelledAt = cancelledAt == null || at.isAfter(cancelledAt) ? at : cancelledAt;
        }
        var describes = DESCRIBING.contains(touch.event());
        if (!describes) {
            if (fieldsAt == null) {
                // known so far only from a refund or cancellation: any describing event, however old, wins later
                fieldsAt = Instant.EPOCH;
                customerId = customer;
                var givenCurrency = EcommerceProperties.text(properties.get("currency"), 3);
                currency = givenCurrency != null ? givenCurrency.toUpperCase() : baseCurrency;
            }
            return;
        }
        if (fieldsAt == null || !at.isBefore(fieldsAt)) {
            fieldsAt = at;
            customerId = customer;
            var givenCurrency = EcommerceProperties.text(properties.get("currency"), 3);
            currency = givenCurrency != null ? givenCurrency.toUpperCase() : currency != null ? currency : baseCurrency;
            subtotal = orElse(EcommerceProperties.amount(properties.get("subtotal")), subtotal);
            revenue = orElse(EcommerceProperties.amount(properties.get("revenue")), revenue);
            shipping = orElse(EcommerceProperties.amount(properties.get("shipping")), shipping);
            tax = orElse(EcommerceProperties.amount(properties.get("tax")), tax);
            discount = orElse(EcommerceProperties.amount(properties.get("discount")), discount);
            coupon = orElse(EcommerceProperties.text(properties.get("coupon"), 200), coupon);
            affiliation = orElse(EcommerceProperties.text(properties.get("affiliation"), 200), affiliation);
            checkoutId = orElse(EcommerceProperties.text(properties.get("checkout_id"), 128), checkoutId);
            var products = EcommerceProperties.products(properties);
            if (!products.isEmpty()) {
                lines = products;
                linesChanged = true;
            }
            total = totalOf(properties);
        }
    }

    /**
     * The order's total: {@code total} if given; else revenue plus shipping and tax less discount; else {@code value};
     * else the sum of its lines.
     */
    private BigDecimal totalOf(tools.jackson.databind.JsonNode properties) {
        var given = EcommerceProperties.amount(properties.get("total"));
        if (given != null) {
            return given;
        }
        var givenRevenue = EcommerceProperties.amount(properties.get("revenue"));
        if (givenRevenue != null) {
            return givenRevenue
                    .add(zero(shipping))
                    .add(zero(tax))
                    .subtract(zero(discount))
                    .max(BigDecimal.ZERO);
        }
        var value = EcommerceProperties.amount(properties.get("value"));
        if (value != null) {
            return value;
        }
        if (lines != null && !lines.isEmpty()) {
            var sum = BigDecimal.ZERO;
            for (var line : lines) {
                sum = sum.add(
                        zero(line.price()).multiply(BigDecimal.valueOf(line.quantity() == null ? 1 : line.quantity())));
            }
            return sum;
        }
        return total;
    }

    Status status() {
        if (cancelledAt != null && (completedAt == null || !cancelledAt.isBefore(completedAt))) {
            return Status.CANCELLED;
        }
        return completedAt != null ? Status.COMPLETED : Status.PENDING;
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
