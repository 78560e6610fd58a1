package io.siyu.loyalty.internal.points;

import io.siyu.commerce.OrdersChanged;
import io.siyu.shared.Timestamps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Points earned on orders, in the transaction that applied them: a completed order in the brand's currency earns
 * {@link LoyaltyProperties#orderPointsPerYuan} per unit of its total, rounded down, once, expiring at the end of the
 * year after it was completed. A refund takes back its share of them (the refunded part of the total, rounded down, in
 * all), a cancellation all of them; points already spent are not recovered, and the ledger line says how many
 * ({@link PointsLedger#takeBack}). Every grant and reversal has a key derived from the order, so an event heard again
 * changes nothing.
 */
@Component
class OrderPoints {

    private final JdbcTemplate jdbc;
    private final PointsLedger ledger;
    private final LoyaltyProperties properties;
    private final ZoneId zone;

    OrderPoints(
            JdbcTemplate jdbc,
            PointsLedger ledger,
            LoyaltyProperties properties,
            @Value("${siyu.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.properties = properties;
        this.zone = zone;
    }

    @EventListener
    void on(OrdersChanged changed) {
        for (var order : changed.orders()) {
            var earned = jdbc.query(
                    "select earned, reversed from loyalty.order_points where order_id = ? for update",
                    (rs, row) -> new long[] {rs.getLong("earned"), rs.getLong("reversed")},
                    order.orderId());
            if (earned.isEmpty()) {
                if (order.completed() && order.completedAt() != null) {
                    earn(order);
                }
            } else {
                takeBack(order, earned.getFirst()[0], earned.getFirst()[1]);
            }
        }
    }

    private void earn(OrdersChanged.Standing order) {
        var points = order.currency().equals(properties.currency())
                ? order.total()
                        .multiply(properties.orderPointsPerYuan())
                        .setScale(0, RoundingMode.DOWN)
                        .longValue()
                : 0;
        jdbc.update(
                """
                insert into loyalty.order_points (order_id, customer_id, total, earned, reversed, earned_at)
                values (?, ?, ?, ?, 0, ?)""",
                order.orderId(),
                order.customerId().value(),
                order.total(),
                points,
                Timestamps.of(order.completedAt()));
        if (points > 0) {
            ledger.grant(
                    order.customerId(),
                    points,
                    "order " + order.orderId(),
                    endOfNextYear(order.completedAt()),
                    "order:" + order.orderId() + ":earn",
                    order.completedAt());
        }
        // an order refunded or cancelled in the same batch it was completed in
        takeBack(order, points, 0);
    }

    private void takeBack(OrdersChanged.Standing order, long earned, long reversed) {
        long target;
        if (order.cancelled()) {
            target = earned;
        } else if (order.total().signum() > 0) {
            target = BigDecimal.valueOf(earned)
                    .multiply(order.refundedTotal().min(order.total()))
                    .divide(order.total(), 0, RoundingMode.DOWN)
                    .longValue();
        } else {
            target = 0;
        }
        if (target <= reversed) {
            return;
        }
        ledger.takeBack(
                order.customerId(),
                target - reversed,
                (order.cancelled()
                        ? "order " + order.orderId() + " cancelled"
                        : "order " + order.orderId() + " refunded"),
                "order:" + order.orderId() + ":reverse:" + target);
        jdbc.update("update loyalty.order_points set reversed = ? where order_id = ?", target, order.orderId());
    }

    private Instant endOfNextYear(Instant completedAt) {
        var year = completedAt.atZone(zone).getYear();
        return LocalDate.of(year + 2, 1, 1).atStartOfDay(zone).toInstant().minusMillis(1);
    }
}
