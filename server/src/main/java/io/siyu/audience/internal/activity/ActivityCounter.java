package io.siyu.audience.internal.activity;

import io.siyu.commerce.EcommerceEvents;
import io.siyu.customers.TouchType;
import io.siyu.customers.TouchesRecorded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What touches count as activity: one delta per customer, key and day.
 *
 * <p>What counts: every track under its event name, page and screen views, identifies and group calls; for tracks
 * also the configured properties' values and measures; and for a completed order, the purchase itself with its
 * amount and every product and category it contained (once per order).
 */
@Component
public class ActivityCounter {

    private final ActivityStore store;
    private final AudienceProperties properties;
    private final ZoneId zone;

    ActivityCounter(ActivityStore store, AudienceProperties properties, Environment environment) {
        this.store = store;
        this.properties = properties;
        this.zone = ZoneId.of(environment.getProperty("siyu.time-zone", "Asia/Shanghai"));
    }

    /** One unit of activity before its key has an id. */
    record Unit(long customerId, ActivityKey key, int day, BigDecimal measure) {}

    /** The activity of touches: one delta per customer, key and day, with keys never seen before created. */
    public Collection<ActivityStore.Delta> deltas(List<TouchesRecorded.RecordedTouch> touches) {
        var units = new ArrayList<Unit>();
        for (var touch : touches) {
            units.addAll(units(touch));
        }
        var ids = store.ensure(units.stream().map(Unit::key).toList());
        var deltas = new LinkedHashMap<String, ActivityStore.Delta>();
        for (var unit : units) {
            var delta = new ActivityStore.Delta(
                    unit.customerId(),
                    ids.get(unit.key()),
                    unit.day(),
                    1,
                    unit.measure(),
                    unit.measure(),
                    unit.measure());
            deltas.merge(unit.customerId() + ":" + delta.keyId() + ":" + unit.day(), delta, ActivityStore.Delta::plus);
        }
        return deltas.values();
    }

    List<Unit> units(TouchesRecorded.RecordedTouch recorded) {
        var touch = recorded.touch();
        var customer = recorded.customerId().value();
        var day = (int) LocalDate.ofInstant(touch.occurredAt(), zone).toEpochDay();
        var event = switch (touch.type()) {
            case TRACK -> touch.event();
            case ALIAS -> null;
            default -> "$" + touch.type().wireName();
        };
        if (event == null) {
            return List.of();
        }
        var units = new ArrayList<Unit>();
        units.add(new Unit(customer, ActivityKey.of(event), day, null));
        if (touch.type() != TouchType.TRACK) {
            return units;
        }
        var properties = touch.properties();
        for (var property : this.properties.indexedProperties()) {
            var value = scalar(properties.get(property));
            if (value != null) {
                units.add(new Unit(customer, ActivityKey.filtered(event, property, value), day, null));
            }
        }
        for (var measure : this.properties.measures()) {
            var amount = amount(properties.get(measure));
            if (amount != null) {
                units.add(new Unit(customer, ActivityKey.measured(event, measure), day, amount));
            }
        }
        if (EcommerceEvents.ORDER_COMPLETED.equals(event)) {
            units.addAll(purchase(customer, day, properties));
        }
        return units;
    }

    private List<Unit> purchase(long customer, int day, JsonNode properties) {
        var units = new ArrayList<Unit>();
        units.add(new Unit(customer, ActivityKey.of(ActivityKey.PURCHASE), day, null));
        var products = properties.path("products");
        var lines = BigDecimal.ZERO;
        // what the order contained (counted once per order) and what was spent on each product and category
        var spent = new LinkedHashMap<ActivityKey, BigDecimal>();
        if (products.isArray()) {
            for (var product : products) {
                var id = scalar(product.get("product_id"));
                if (id == null) {
                    id = scalar(product.get("sku"));
                }
                var category = scalar(product.get("category"));
                var price = amount(product.get("price"));
                var quantity = amount(product.get("quantity"));
                var line =
                        price == null ? BigDecimal.ZERO : price.multiply(quantity == null ? BigDecimal.ONE : quantity);
                lines = lines.add(line);
                if (id != null) {
                    spent.merge(ActivityKey.filtered(ActivityKey.PURCHASE, "product_id", id), line, BigDecimal::add);
                }
                if (category != null) {
                    spent.merge(
                            ActivityKey.filtered(ActivityKey.PURCHASE, "category", category), line, BigDecimal::add);
                }
            }
        }
        spent.forEach((key, amount) -> {
            units.add(new Unit(customer, key, day, null));
            units.add(new Unit(customer, key.spent(), day, amount.setScale(2, java.math.RoundingMode.HALF_EVEN)));
        });
        var total = amount(properties.get("total"));
        if (total == null) {
            total = amount(properties.get("revenue"));
        }
        if (total == null) {
            total = amount(properties.get("value"));
        }
        units.add(new Unit(
                customer,
                ActivityKey.measured(ActivityKey.PURCHASE, ActivityKey.AMOUNT),
                day,
                total == null ? lines : total));
        return units;
    }

    static String scalar(JsonNode node) {
        if (node == null || !(node.isString() || node.isNumber() || node.isBoolean())) {
            return null;
        }
        var text = node.asString().strip();
        return text.isEmpty() || text.length() > 100 ? null : text;
    }

    static BigDecimal amount(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            var value =
                    node.isNumber() ? node.decimalValue() : node.isString() ? new BigDecimal(node.asString()) : null;
            if (value == null || value.signum() < 0 || value.abs().compareTo(new BigDecimal("1e13")) >= 0) {
                return null;
            }
            return value.setScale(2, java.math.RoundingMode.HALF_EVEN);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
