package io.siyu.audience.internal;

import io.siyu.commerce.EcommerceEvents;
import io.siyu.customers.TouchType;
import io.siyu.customers.TouchesRecorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/**
 * Turns every recorded batch of touches into per-day activity: written to PostgreSQL in the batch's own transaction,
 * then, once it commits, applied to the in-memory index, which re-evaluates the segments of the customers concerned.
 *
 * <p>What counts: every track under its event name, page and screen views, identifies and group calls; for tracks
 * also the configured properties' values and measures; and for a completed order, the purchase itself with its
 * amount and every product and category it contained (once per order).
 */
@Component
class ActivityRecorder {

    static final String PURCHASE = "$purchase";
    static final String AMOUNT = "amount";

    private final ActivityStore store;
    private final AudienceProperties properties;
    private final AudienceEngine engine;
    private final TagService tags;
    private final ZoneId zone;

    ActivityRecorder(
            ActivityStore store,
            AudienceProperties properties,
            AudienceEngine engine,
            TagService tags,
            Environment environment) {
        this.store = store;
        this.properties = properties;
        this.engine = engine;
        this.tags = tags;
        this.zone = ZoneId.of(environment.getProperty("siyu.time-zone", "Asia/Shanghai"));
    }

    /** One unit of activity before its key has an id. */
    record Unit(long customerId, ActivityKey key, int day, BigDecimal measure) {}

    @EventListener
    void on(TouchesRecorded recorded) {
        // from before the rows are written until the batch is applied: see AudienceEngine.batchStarted
        engine.batchStarted();
        AudienceEngine.Batch batch;
        try {
            batch = record(recorded);
        } catch (RuntimeException | Error e) {
            engine.batchDone();
            throw e;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    engine.apply(batch);
                }

                @Override
                public void afterCompletion(int status) {
                    engine.batchDone();
                }
            });
        } else {
            try {
                engine.apply(batch);
            } finally {
                engine.batchDone();
            }
        }
    }

    /** Writes a batch's activity rows and tells what the engine is to apply once they are committed. */
    private AudienceEngine.Batch record(TouchesRecorded recorded) {
        var deltas = deltas(recorded.touches());
        for (var merge : recorded.merges()) {
            store.merge(merge.survivor().value(), merge.absorbed().value());
            tags.merged(merge.survivor().value(), merge.absorbed().value());
        }
        store.add(deltas);
        var changed = new HashSet<Long>();
        recorded.touches().forEach(t -> changed.add(t.customerId().value()));
        var merges = new HashMap<Long, Long>();
        recorded.merges().forEach(m -> {
            merges.put(m.absorbed().value(), m.survivor().value());
            changed.add(m.survivor().value());
        });
        var acknowledged = new HashMap<Long, Instant>();
        recorded.touches().forEach(t -> {
            if (t.touch().receivedAt() != null) {
                acknowledged.merge(t.customerId().value(), t.touch().receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        });
        // whose traits, channel or consent changed, as the customers module says, and whose order facts may have
        // (order events); everything else of the others stays as the index holds it
        var traitsOf = new HashSet<Long>();
        recorded.described().forEach(id -> traitsOf.add(id.value()));
        var ordersOf = new HashSet<Long>();
        for (var recordedTouch : recorded.touches()) {
            var event = recordedTouch.touch().event();
            if (event != null && EcommerceEvents.ORDER_EVENTS.contains(event)) {
                ordersOf.add(recordedTouch.customerId().value());
            }
        }
        return new AudienceEngine.Batch(
                changed,
                List.copyOf(deltas),
                merges,
                acknowledged,
                recorded.touches().size(),
                traitsOf,
                ordersOf);
    }

    /** The activity of touches: one delta per customer, key and day, with keys never seen before created. */
    Collection<ActivityStore.Delta> deltas(List<TouchesRecorded.RecordedTouch> touches) {
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
        units.add(new Unit(customer, ActivityKey.of(PURCHASE), day, null));
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
                    spent.merge(ActivityKey.filtered(PURCHASE, "product_id", id), line, BigDecimal::add);
                }
                if (category != null) {
                    spent.merge(ActivityKey.filtered(PURCHASE, "category", category), line, BigDecimal::add);
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
        units.add(new Unit(customer, ActivityKey.measured(PURCHASE, AMOUNT), day, total == null ? lines : total));
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
