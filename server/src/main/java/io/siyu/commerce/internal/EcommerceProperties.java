package io.siyu.commerce.internal;

import io.siyu.shared.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the properties of e-commerce events as the Segment specification defines them, leniently where senders
 * differ harmlessly (amounts as numbers or numeric strings, ids as strings or numbers) and strictly where a mistake
 * would corrupt money figures (negative or absurd amounts, unknown currencies, fractional quantities).
 */
final class EcommerceProperties {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    static final Set<String> AMOUNTS = Set.of("total", "subtotal", "revenue", "shipping", "tax", "discount", "value");
    static final int MAX_PRODUCTS = 500;
    static final int MAX_ID_LENGTH = 128;

    private EcommerceProperties() {}

    /** A product as an event or an order line describes it. */
    record ProductRef(
            String productId,
            String sku,
            String name,
            String category,
            String brand,
            String variant,
            BigDecimal price,
            Integer quantity,
            String imageUrl,
            String url) {

        String key() {
            return productId != null ? productId : sku;
        }
    }

    static List<Violation> check(String event, JsonNode properties) {
        var violations = new ArrayList<Violation>();
        if (io.siyu.commerce.EcommerceEvents.ORDER_EVENTS.contains(event)
                && !event.equals(io.siyu.commerce.EcommerceEvents.CHECKOUT_STARTED)) {
            var orderId = properties.get("order_id");
            if (orderId == null || orderId.isNull()) {
                // a checkout may start before the shop assigns an order id; every later order event needs it
                violations.add(new Violation("properties.order_id", "required", "is required for '" + event + "'"));
            } else {
                checkId(orderId, "properties.order_id", violations);
            }
        }
        for (var amount : AMOUNTS) {
            checkAmount(properties.get(amount), "properties." + amount, violations);
        }
        var currency = properties.get("currency");
        if (currency != null && !currency.isNull()) {
            if (!currency.isString() || currency(currency.asString()) == null) {
                violations.add(new Violation("properties.currency", "iso-4217", "must be a currency code such as CNY"));
            }
        }
        checkProduct(properties, "properties", violations);
        var products = properties.get("products");
        if (products != null && !products.isNull()) {
            if (!products.isArray()) {
                violations.add(new Violation("properties.products", "type", "must be an array of products"));
            } else if (products.size() > MAX_PRODUCTS) {
                violations.add(new Violation(
                        "properties.products", "max-items", "must have at most " + MAX_PRODUCTS + " products"));
            } else {
                for (int i = 0; i < products.size(); i++) {
                    var field = "properties.products[" + i + "]";
                    if (!products.get(i).isObject()) {
                        violations.add(new Violation(field, "type", "must be an object"));
                    } else {
                        checkProduct(products.get(i), field, violations);
                    }
                }
            }
        }
        return violations;
    }

    private static void checkProduct(JsonNode product, String prefix, List<Violation> violations) {
        for (var idField : List.of("product_id", "sku", "id")) {
            var id = product.get(idField);
            if (id != null && !id.isNull()) {
                checkId(id, prefix + "." + idField, violations);
            }
        }
        checkAmount(product.get("price"), prefix + ".price", violations);
        var quantity = product.get("quantity");
        if (quantity != null && !quantity.isNull()) {
            var parsed = integer(quantity);
            if (parsed == null || parsed < 0 || parsed > 1_000_000) {
                violations.add(
                        new Violation(prefix + ".quantity", "range", "must be a whole number from 0 to 1000000"));
            }
        }
    }

    private static void checkId(JsonNode id, String field, List<Violation> violations) {
        if (!(id.isString() || id.isIntegralNumber())) {
            violations.add(new Violation(field, "type", "must be a string or an integer"));
        } else if (id.asString().isBlank()) {
            violations.add(new Violation(field, "required", "must not be empty"));
        } else if (id.asString().length() > MAX_ID_LENGTH) {
            violations.add(new Violation(field, "max-length", "must have at most " + MAX_ID_LENGTH + " characters"));
        }
    }

    private static void checkAmount(JsonNode node, String field, List<Violation> violations) {
        if (node == null || node.isNull()) {
            return;
        }
        var amount = amount(node);
        if (amount == null) {
            violations.add(new Violation(field, "type", "must be a number"));
        } else if (amount.signum() < 0) {
            violations.add(new Violation(field, "min", "must not be negative"));
        } else if (amount.compareTo(MAX_AMOUNT) >= 0) {
            violations.add(new Violation(field, "max", "must be below 1000000000000"));
        }
    }

    static BigDecimal amount(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            BigDecimal value;
            if (node.isNumber()) {
                value = node.decimalValue();
            } else if (node.isString()) {
                value = new BigDecimal(node.asString().strip());
            } else {
                return null;
            }
            if (value.abs().compareTo(MAX_AMOUNT.multiply(BigDecimal.TEN)) > 0) {
                return value.signum() < 0 ? MAX_AMOUNT.negate() : MAX_AMOUNT;
            }
            return value.setScale(2, RoundingMode.HALF_EVEN);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    static Integer integer(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isNumber()) {
            var decimal = node.decimalValue();
            try {
                return decimal.stripTrailingZeros().scale() <= 0 ? decimal.intValueExact() : null;
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (node.isString()) {
            try {
                return Integer.parseInt(node.asString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static String text(JsonNode node, int max) {
        if (node == null || node.isNull() || !(node.isString() || node.isNumber())) {
            return null;
        }
        var value = node.asString().strip();
        if (value.isEmpty()) {
            return null;
        }
        return value.length() > max ? value.substring(0, max) : value;
    }

    static Currency currency(String code) {
        try {
            return Currency.getInstance(code.strip().toUpperCase());
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    static ProductRef product(JsonNode node) {
        var productId = text(node.get("product_id"), MAX_ID_LENGTH);
        if (productId == null) {
            productId = text(node.get("id"), MAX_ID_LENGTH);
        }
        return new ProductRef(
                productId,
                text(node.get("sku"), MAX_ID_LENGTH),
                text(node.get("name"), 300),
                text(node.get("category"), 200),
                text(node.get("brand"), 200),
                text(node.get("variant"), 200),
                amount(node.get("price")),
                integer(node.get("quantity")),
                webAddress(node.get("image_url")),
                webAddress(node.get("url")));
    }

    /**
     * A product address from an event, kept only when it is an http(s) URL: the event is stored as sent, but the
     * catalogue learns no address it would refuse from the shop's own feed.
     */
    private static String webAddress(JsonNode node) {
        var text = text(node, 2000);
        return text != null && WebAddress.isWebAddress(text) ? text : null;
    }

    static List<ProductRef> products(JsonNode properties) {
        var products = properties.get("products");
        var refs = new ArrayList<ProductRef>();
        if (products != null && products.isArray()) {
            for (var product : products) {
                if (product.isObject()) {
                    refs.add(product(product));
                }
            }
        }
        return refs;
    }
}
