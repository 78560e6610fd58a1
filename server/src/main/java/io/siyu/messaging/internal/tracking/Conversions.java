package io.siyu.messaging.internal.tracking;

import io.siyu.commerce.EcommerceEvents;
import io.siyu.customers.CustomerId;
import io.siyu.customers.TouchType;
import io.siyu.customers.TouchesRecorded;
import io.siyu.messaging.Channel;
import io.siyu.shared.Timestamps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Attributes orders to messages: an {@code Order Completed} claims the message its customer last clicked within the
 * click window, or opened within the (shorter) open window, before ordering. The ledger row counts the order and its
 * revenue, and the customer's timeline gets an {@code Order Attributed} event, in the transaction that recorded the
 * order, so neither is lost nor seen without the other.
 *
 * <p>Each order is attributed once: the conversion row is keyed by the order id, so the same order arriving again (a
 * retried request, a second message with another id, two instances at once) finds it taken and changes nothing.
 */
@Component
public class Conversions {

    private final JdbcTemplate jdbc;
    private final Engagement engagement;
    private final AttributionProperties windows;
    private final Clock clock;

    Conversions(JdbcTemplate jdbc, Engagement engagement, AttributionProperties windows, Clock clock) {
        this.jdbc = jdbc;
        this.engagement = engagement;
        this.windows = windows;
        this.clock = clock;
    }

    /** An order as attribution needs it: whose, which, when and what it brought. */
    public record Order(
            CustomerId customerId,
            String orderId,
            Instant at,
            BigDecimal revenue,
            @Nullable String currency) {}

    /** What an order was attributed to. */
    public record Attributed(String orderId, long sendId, String touch, BigDecimal revenue) {}

    @EventListener
    void on(TouchesRecorded recorded) {
        var orders = new ArrayList<Order>();
        for (var recordedTouch : recorded.touches()) {
            var touch = recordedTouch.touch();
            if (touch.type() == TouchType.TRACK && EcommerceEvents.ORDER_COMPLETED.equals(touch.event())) {
                order(recordedTouch.customerId(), touch.properties(), touch.occurredAt())
                        .ifPresent(orders::add);
            }
        }
        if (!orders.isEmpty()) {
            attribute(orders);
        }
    }

    /**
     * Attributes each order that has an engaged message in the windows and was not attributed before; answers those
     * this call attributed. Joins the caller's transaction.
     */
    @Transactional
    public List<Attributed> attribute(List<Order> orders) {
        var attributed = new ArrayList<Attributed>();
        for (var order : orders) {
            claim(order).ifPresent(attributed::add);
        }
        return attributed;
    }

    private Optional<Attributed> claim(Order order) {
        var clickedSince = Timestamps.of(order.at().minus(windows.clickWindow()));
        var openedSince = Timestamps.of(order.at().minus(windows.openWindow()));
        var at = Timestamps.of(order.at());
        var claimed = jdbc.query(
                """
                with engaged as (
                    select id,
                           case when clicked_at > ? and clicked_at <= ? then clicked_at end as clicked,
                           case when opened_at > ? and opened_at <= ? then opened_at end as opened
                      from messaging.send
                     where customer_id = ? and (opened_at is not null or clicked_at is not null)),
                last as (
                    select id, case when clicked is not null and (opened is null or clicked >= opened)
                                    then 'clicked' else 'opened' end as touch
                      from engaged where clicked is not null or opened is not null
                     order by greatest(clicked, opened) desc, id desc limit 1)
                insert into messaging.conversion (order_id, send_id, customer_id, revenue, currency, touch, ordered_at,
                                                  attributed_at)
                select ?, id, ?, ?, ?, touch, ?, ? from last
                on conflict (order_id) do nothing
                returning send_id, touch""",
                (rs, row) ->
                        new Attributed(order.orderId(), rs.getLong("send_id"), rs.getString("touch"), order.revenue()),
                clickedSince,
                at,
                openedSince,
                at,
                order.customerId().value(),
                order.orderId(),
                order.customerId().value(),
                order.revenue(),
                order.currency(),
                at,
                Timestamps.of(clock.instant()));
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        var attributed = claimed.getFirst();
        var row = jdbc.queryForMap("""
                update messaging.send set conversions = conversions + 1, revenue = revenue + ?,
                       converted_at = coalesce(converted_at, ?)
                 where id = ?
                returning customer_id, channel, template_id, origin,
                          (select key from messaging.template t where t.id = template_id) as template""", order.revenue(), at, attributed.sendId());
        var properties = new LinkedHashMap<String, Object>();
        properties.put("template", row.get("template"));
        properties.put("origin", row.get("origin"));
        properties.put("touch", attributed.touch());
        properties.put("order_id", order.orderId());
        properties.put("revenue", order.revenue());
        if (order.currency() != null) {
            properties.put("currency", order.currency());
        }
        engagement.record(
                new Engagement.Sent(
                        attributed.sendId(),
                        CustomerId.of(((Number) row.get("customer_id")).longValue()),
                        Channel.parse("channel", (String) row.get("channel")),
                        ((Number) row.get("template_id")).longValue()),
                "siyu-conversion-" + io.siyu.shared.Sha256.hex(order.orderId()).substring(0, 32),
                TrackingEvents.ORDER_ATTRIBUTED,
                properties,
                null);
        return Optional.of(attributed);
    }

    /** The order an {@code Order Completed} describes; empty without an order id. */
    static Optional<Order> order(CustomerId customer, JsonNode properties, Instant at) {
        var id = properties.path("order_id");
        if (!(id.isString() || id.isNumber()) || id.asString().isBlank()) {
            return Optional.empty();
        }
        var currency = properties.path("currency");
        return Optional.of(new Order(
                customer, id.asString(), at, revenue(properties), currency.isString() ? currency.asString() : null));
    }

    /** What the order brought: its {@code total} (what the customer paid), else {@code revenue}, else {@code value}. */
    static BigDecimal revenue(JsonNode properties) {
        for (var name : List.of("total", "revenue", "value")) {
            var value = properties.path(name);
            if (value.isNumber()) {
                var amount = value.decimalValue().setScale(2, RoundingMode.HALF_UP);
                return amount.signum() < 0 ? BigDecimal.ZERO : amount;
            }
        }
        return BigDecimal.ZERO.setScale(2);
    }
}
