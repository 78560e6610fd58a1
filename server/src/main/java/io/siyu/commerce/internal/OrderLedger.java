package io.siyu.commerce.internal;

import io.siyu.commerce.CustomerTouch;
import io.siyu.commerce.EcommerceEvents;
import io.siyu.customers.CustomerId;
import io.siyu.customers.OrderFacts;
import io.siyu.customers.Profiles;
import io.siyu.shared.Timestamps;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps orders, lines, refunds and products current from a batch of e-commerce touches, then refreshes the order
 * facts of every profile whose orders changed.
 */
@Component
class OrderLedger {

    private final JdbcTemplate jdbc;
    private final Profiles profiles;
    private final JsonMapper json;
    private final Clock clock;
    private final String baseCurrency;

    OrderLedger(JdbcTemplate jdbc, Profiles profiles, JsonMapper json, Clock clock, CommerceProperties properties) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.json = json;
        this.clock = clock;
        this.baseCurrency = properties.currency();
    }

    /** Applies the touches; answers the ids of the orders they named. */
    java.util.Set<String> apply(List<CustomerTouch> touches) {
        var now = clock.instant();
        upsertSeenProducts(touches, now);
        var byOrder = new LinkedHashMap<String, List<CustomerTouch>>();
        for (var touch : touches) {
            if (EcommerceEvents.ORDER_EVENTS.contains(touch.touch().event())) {
                var orderId =
                        EcommerceProperties.text(touch.touch().properties().get("order_id"), 128);
                if (orderId != null) {
                    byOrder.computeIfAbsent(orderId, id -> new ArrayList<>()).add(touch);
                }
            }
        }
        if (byOrder.isEmpty()) {
            return java.util.Set.of();
        }
        var orders = load(byOrder.keySet());
        var refunds = new ArrayList<Object[]>();
        var affected = new LinkedHashSet<Long>();
        for (var entry : byOrder.entrySet()) {
            var order = orders.computeIfAbsent(entry.getKey(), id -> new OrderState(id, true, now));
            if (!order.isNew) {
                affected.add(order.customerId);
            }
            entry.getValue().stream()
                    .sorted(Comparator.comparing(t -> t.touch().occurredAt()))
                    .forEach(t -> {
                        order.apply(t.customerId().value(), t.touch(), baseCurrency);
                        if (t.touch().event().equals(EcommerceEvents.ORDER_REFUNDED)) {
                            refunds.add(refund(order.orderId, t));
                        }
                    });
            affected.add(order.customerId);
        }
        save(orders.values(), now);
        if (!refunds.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into commerce.refund (message_id, order_id, amount, refunded_at, lines)
                    values (?, ?, ?, ?, ?::jsonb) on conflict (message_id) do nothing""", refunds);
        }
        refreshRefundedTotals(byOrder.keySet());
        refreshFacts(affected);
        return byOrder.keySet();
    }

    /** How the orders stand now, for {@link io.siyu.commerce.OrdersChanged}. */
    List<io.siyu.commerce.OrdersChanged.Standing> standings(java.util.Set<String> orderIds) {
        return jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            select order_id, customer_id, status, currency, total, refunded_total, completed_at, cancelled_at
                              from commerce.customer_order where order_id = any(?) order by order_id""");
                    statement.setArray(1, connection.createArrayOf("text", orderIds.toArray(String[]::new)));
                    return statement;
                },
                (rs, row) -> new io.siyu.commerce.OrdersChanged.Standing(
                        rs.getString("order_id"),
                        CustomerId.of(rs.getLong("customer_id")),
                        rs.getString("status"),
                        rs.getString("currency"),
                        rs.getBigDecimal("total"),
                        rs.getBigDecimal("refunded_total"),
                        Timestamps.read(rs, "completed_at"),
                        Timestamps.read(rs, "cancelled_at")));
    }

    /** Moves the orders of a merged profile to its survivor and refreshes both profiles' facts. */
    void moveOrders(CustomerId absorbed, CustomerId survivor) {
        jdbc.update(
                "update commerce.customer_order set customer_id = ? where customer_id = ?",
                survivor.value(),
                absorbed.value());
        refreshFacts(List.of(survivor.value(), absorbed.value()));
    }

    private Object[] refund(String orderId, CustomerTouch touch) {
        var properties = touch.touch().properties();
        // The refunded amount: total if given, else the sum of the refunded products, else (null) the whole order.
        var amount = EcommerceProperties.amount(properties.get("total"));
        if (amount == null) {
            amount = EcommerceProperties.amount(properties.get("value"));
        }
        var products = EcommerceProperties.products(properties);
        if (amount == null && !products.isEmpty()) {
            var sum = BigDecimal.ZERO;
            for (var product : products) {
                if (product.price() != null) {
                    sum = sum.add(product.price()
                            .multiply(BigDecimal.valueOf(product.quantity() == null ? 1 : product.quantity())));
                }
            }
            amount = sum;
        }
        return new Object[] {
            touch.touch().messageId(),
            orderId,
            amount,
            Timestamps.of(touch.touch().occurredAt()),
            properties.has("products") ? json.writeValueAsString(properties.get("products")) : null
        };
    }

    private Map<String, OrderState> load(Collection<String> orderIds) {
        var orders = new HashMap<String, OrderState>();
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "select * from commerce.customer_order where order_id = any(?) order by order_id for update");
                    statement.setArray(1, connection.createArrayOf("text", orderIds.toArray(String[]::new)));
                    return statement;
                },
                rs -> {
                    var order = map(rs);
                    orders.put(order.orderId, order);
                });
        return orders;
    }

    private static OrderState map(ResultSet rs) throws SQLException {
        var order = new OrderState(rs.getString("order_id"), false, Timestamps.read(rs, "created_at"));
        order.customerId = rs.getLong("customer_id");
        order.currency = rs.getString("currency");
        order.total = rs.getBigDecimal("total");
        order.subtotal = rs.getBigDecimal("subtotal");
        order.revenue = rs.getBigDecimal("revenue");
        order.shipping = rs.getBigDecimal("shipping");
        order.tax = rs.getBigDecimal("tax");
        order.discount = rs.getBigDecimal("discount");
        order.coupon = rs.getString("coupon");
        order.affiliation = rs.getString("affiliation");
        order.checkoutId = rs.getString("checkout_id");
        order.placedAt = Timestamps.read(rs, "placed_at");
        order.completedAt = Timestamps.read(rs, "completed_at");
        order.cancelledAt = Timestamps.read(rs, "cancelled_at");
        order.fieldsAt = Timestamps.read(rs, "fields_at");
        return order;
    }

    private void save(Collection<OrderState> orders, Instant now) {
        var sorted =
                orders.stream().sorted(Comparator.comparing(o -> o.orderId)).toList();
        jdbc.batchUpdate(
                """
                insert into commerce.customer_order (order_id, customer_id, status, currency, total, subtotal, revenue,
                       shipping, tax, discount, coupon, affiliation, checkout_id, placed_at, completed_at, cancelled_at,
                       fields_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (order_id) do update set customer_id = excluded.customer_id, status = excluded.status,
                       currency = excluded.currency, total = excluded.total, subtotal = excluded.subtotal,
                       revenue = excluded.revenue, shipping = excluded.shipping, tax = excluded.tax,
                       discount = excluded.discount, coupon = excluded.coupon, affiliation = excluded.affiliation,
                       checkout_id = excluded.checkout_id, placed_at = excluded.placed_at,
                       completed_at = excluded.completed_at, cancelled_at = excluded.cancelled_at,
                       fields_at = excluded.fields_at, updated_at = excluded.updated_at""",
                sorted.stream()
                        .map(o -> new Object[] {
                            o.orderId,
                            o.customerId,
                            o.status().name(),
                            o.currency,
                            o.total,
                            o.subtotal,
                            o.revenue,
                            o.shipping,
                            o.tax,
                            o.discount,
                            o.coupon,
                            o.affiliation,
                            o.checkoutId,
                            Timestamps.of(o.placedAt),
                            Timestamps.of(o.completedAt),
                            Timestamps.of(o.cancelledAt),
                            Timestamps.of(o.fieldsAt),
                            Timestamps.of(o.createdAt),
                            Timestamps.of(now)
                        })
                        .toList());
        var withNewLines = sorted.stream().filter(o -> o.linesChanged).toList();
        if (withNewLines.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("delete from commerce.order_line where order_id = any(?)");
            statement.setArray(
                    1,
                    connection.createArrayOf(
                            "text", withNewLines.stream().map(o -> o.orderId).toArray(String[]::new)));
            return statement;
        });
        var lines = new ArrayList<Object[]>();
        for (var order : withNewLines) {
            for (int position = 0; position < order.lines.size(); position++) {
                var line = order.lines.get(position);
                lines.add(new Object[] {
                    order.orderId,
                    position + 1,
                    line.key(),
                    line.sku(),
                    line.name(),
                    line.category(),
                    line.brand(),
                    line.variant(),
                    line.price() == null ? BigDecimal.ZERO : line.price(),
                    line.quantity() == null ? 1 : line.quantity()
                });
            }
        }
        jdbc.batchUpdate("""
                insert into commerce.order_line (order_id, position, product_id, sku, name, category, brand, variant,
                       price, quantity) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines);
    }

    private void refreshRefundedTotals(Set<String> orderIds) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                            update commerce.customer_order o
                               set refunded_total = least(o.total,
                                       case when r.whole then o.total else r.amount end)
                              from (select order_id, bool_or(amount is null) as whole, coalesce(sum(amount), 0) as amount
                                      from commerce.refund where order_id = any(?) group by order_id) r
                             where o.order_id = r.order_id""");
            statement.setArray(1, connection.createArrayOf("text", orderIds.toArray(String[]::new)));
            return statement;
        });
    }

    /**
     * Recomputes order facts from the orders themselves rather than adding deltas, so that replays, late events and
     * merges can never double-count. An order counts once it is completed and not cancelled; spend is net of refunds
     * and counts orders in the brand's currency only; an order refunded in full is not counted as an order.
     */
    void refreshFacts(Collection<Long> customers) {
        if (customers.isEmpty()) {
            return;
        }
        var facts = new HashMap<Long, OrderFacts>();
        for (var customer : customers) {
            facts.put(customer, new OrderFacts(CustomerId.of(customer), 0, BigDecimal.ZERO, null, null));
        }
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            select customer_id,
                                   count(*) filter (where refunded_total < total or total = 0) as orders,
                                   coalesce(sum(total - refunded_total) filter (where currency = ?), 0) as spent,
                                   min(placed_at) as first_order, max(placed_at) as last_order
                              from commerce.customer_order
                             where customer_id = any(?) and status = 'COMPLETED'
                             group by customer_id""");
                    statement.setString(1, baseCurrency);
                    statement.setArray(2, connection.createArrayOf("bigint", customers.toArray(Long[]::new)));
                    return statement;
                },
                rs -> {
                    var customer = rs.getLong("customer_id");
                    facts.put(
                            customer,
                            new OrderFacts(
                                    CustomerId.of(customer),
                                    rs.getInt("orders"),
                                    rs.getBigDecimal("spent"),
                                    Timestamps.read(rs, "first_order"),
                                    Timestamps.read(rs, "last_order")));
                });
        profiles.updateOrderFacts(facts.values());
    }

    private void upsertSeenProducts(List<CustomerTouch> touches, Instant now) {
        var seen = new LinkedHashMap<String, EcommerceProperties.ProductRef>();
        var currencies = new HashMap<String, String>();
        for (var touch : touches) {
            var event = touch.touch().event();
            var properties = touch.touch().properties();
            var refs = new ArrayList<EcommerceProperties.ProductRef>();
            if (EcommerceEvents.PRODUCT_EVENTS.contains(event)) {
                refs.add(EcommerceProperties.product(properties));
            }
            if (EcommerceEvents.PRODUCT_LIST_EVENTS.contains(event)) {
                refs.addAll(EcommerceProperties.products(properties));
            }
            var currency = EcommerceProperties.text(properties.get("currency"), 3);
            for (var ref : refs) {
                if (ref.key() != null) {
                    seen.put(ref.key(), ref);
                    currencies.put(ref.key(), currency == null ? baseCurrency : currency.toUpperCase());
                }
            }
        }
        if (seen.isEmpty()) {
            return;
        }
        var sorted = new ArrayList<>(seen.values());
        sorted.sort(Comparator.comparing(EcommerceProperties.ProductRef::key));
        jdbc.batchUpdate(
                """
                insert into commerce.product (product_id, sku, name, category, brand, variant, price, currency, image_url,
                       url, source, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'events', ?, ?)
                on conflict (product_id) do update set sku = coalesce(excluded.sku, commerce.product.sku),
                       name = coalesce(excluded.name, commerce.product.name),
                       category = coalesce(excluded.category, commerce.product.category),
                       brand = coalesce(excluded.brand, commerce.product.brand),
                       variant = coalesce(excluded.variant, commerce.product.variant),
                       price = coalesce(excluded.price, commerce.product.price),
                       currency = coalesce(excluded.currency, commerce.product.currency),
                       image_url = coalesce(excluded.image_url, commerce.product.image_url),
                       url = coalesce(excluded.url, commerce.product.url),
                       updated_at = excluded.updated_at
                 where commerce.product.source = 'events'""",
                sorted.stream()
                        .map(p -> new Object[] {
                            p.key(),
                            p.sku(),
                            p.name(),
                            p.category(),
                            p.brand(),
                            p.variant(),
                            p.price(),
                            currencies.get(p.key()),
                            p.imageUrl(),
                            p.url(),
                            Timestamps.of(now),
                            Timestamps.of(now)
                        })
                        .toList());
    }
}
