package io.siyu.commerce.internal;

import io.siyu.commerce.Catalogue;
import io.siyu.commerce.Catalogue.ProductDescription;
import io.siyu.commerce.CustomerTouch;
import io.siyu.commerce.EcommerceEvents;
import io.siyu.commerce.OrderBook;
import io.siyu.customers.CustomersMerged;
import io.siyu.customers.Touch;
import io.siyu.customers.TouchType;
import io.siyu.shared.Timestamps;
import io.siyu.shared.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The commerce module's {@link OrderBook} and {@link Catalogue}. */
@Component
class CommerceFacade implements OrderBook, Catalogue {

    private final OrderLedger ledger;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    CommerceFacade(
            OrderLedger ledger,
            JdbcTemplate jdbc,
            JsonMapper json,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.ledger = ledger;
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public List<Violation> check(Touch touch) {
        if (touch.type() != TouchType.TRACK || !EcommerceEvents.concernsCommerce(touch.event())) {
            return List.of();
        }
        return EcommerceProperties.check(touch.event(), touch.properties());
    }

    @Override
    @Transactional
    public void apply(List<CustomerTouch> touches) {
        var relevant = touches.stream()
                .filter(t -> t.touch().type() == TouchType.TRACK
                        && EcommerceEvents.concernsCommerce(t.touch().event()))
                .toList();
        if (!relevant.isEmpty()) {
            var changed = ledger.apply(relevant);
            if (!changed.isEmpty()) {
                events.publishEvent(new io.siyu.commerce.OrdersChanged(ledger.standings(changed)));
            }
        }
    }

    /**
     * Moves a merged profile's orders in the same transaction as the merge, so that order facts never count an order
     * twice or lose one between the merge and the move.
     */
    @EventListener
    void on(CustomersMerged merged) {
        ledger.moveOrders(merged.absorbed(), merged.survivor());
    }

    @Override
    public List<Violation> check(ProductDescription product) {
        var violations = new ArrayList<Violation>();
        if (product.productId() == null || product.productId().isBlank()) {
            violations.add(new Violation("product_id", "required", "is required"));
        } else if (product.productId().length() > EcommerceProperties.MAX_ID_LENGTH) {
            violations.add(new Violation("product_id", "max-length", "must have at most 128 characters"));
        }
        checkLength(violations, "name", product.name(), 300);
        checkLength(violations, "category", product.category(), 200);
        checkLength(violations, "sku", product.sku(), 128);
        checkLength(violations, "brand", product.brand(), 200);
        checkLength(violations, "variant", product.variant(), 200);
        checkLength(violations, "image_url", product.imageUrl(), 2000);
        checkLength(violations, "url", product.url(), 2000);
        WebAddress.problem("image_url", product.imageUrl()).ifPresent(violations::add);
        WebAddress.problem("url", product.url()).ifPresent(violations::add);
        WebAddress.checkAttributes(product.attributes(), violations);
        if (product.price() != null
                && (product.price().signum() < 0 || product.price().compareTo(EcommerceProperties.MAX_AMOUNT) >= 0)) {
            violations.add(new Violation("price", "range", "must be from 0 to below 1000000000000"));
        }
        if (product.currency() != null && EcommerceProperties.currency(product.currency()) == null) {
            violations.add(new Violation("currency", "iso-4217", "must be a currency code such as CNY"));
        }
        if (product.stock() != null && product.stock() < 0) {
            violations.add(new Violation("stock", "min", "must not be negative"));
        }
        if (product.rating() != null
                && (product.rating().compareTo(BigDecimal.ZERO) < 0
                        || product.rating().compareTo(BigDecimal.valueOf(5)) > 0)) {
            violations.add(new Violation("rating", "range", "must be from 0 to 5"));
        }
        return violations;
    }

    @Override
    @Transactional
    public void upsert(List<ProductDescription> products) {
        var now = Timestamps.of(clock.instant());
        var sorted = products.stream()
                .sorted(Comparator.comparing(ProductDescription::productId))
                .toList();
        jdbc.batchUpdate(
                """
                insert into commerce.product (product_id, sku, name, category, brand, variant, price, currency, stock,
                       rating, image_url, url, attributes, source, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'catalogue', ?, ?)
                on conflict (product_id) do update set sku = excluded.sku, name = excluded.name,
                       category = excluded.category, brand = excluded.brand, variant = excluded.variant,
                       price = excluded.price, currency = excluded.currency, stock = excluded.stock,
                       rating = excluded.rating, image_url = excluded.image_url, url = excluded.url,
                       attributes = excluded.attributes, source = 'catalogue', updated_at = excluded.updated_at""",
                sorted.stream()
                        .map(p -> new Object[] {
                            p.productId().strip(),
                            p.sku(),
                            p.name(),
                            p.category(),
                            p.brand(),
                            p.variant(),
                            p.price(),
                            p.currency() == null ? null : p.currency().toUpperCase(),
                            p.stock(),
                            p.rating(),
                            p.imageUrl(),
                            p.url(),
                            json.writeValueAsString(p.attributes() == null ? Map.of() : p.attributes()),
                            now,
                            now
                        })
                        .toList());
    }

    private static void checkLength(List<Violation> violations, String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "max-length", "must have at most " + max + " characters"));
        }
    }
}
