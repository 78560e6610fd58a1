package io.siyu.commerce.internal;

import io.siyu.commerce.EcommerceEvents;
import io.siyu.customers.Touch;
import io.siyu.customers.TouchFixtures;

/** Orders and the e-commerce events that change them, for tests of the order rules without the application. */
final class OrderFixtures {

    static final String ORDER_ID = "o-1";
    static final String BASE_CURRENCY = "CNY";
    static final long CUSTOMER = 7;

    private OrderFixtures() {}

    /** An order no event has reached yet, as a batch creates it. */
    static OrderState newOrder() {
        return new OrderState(ORDER_ID, true, TouchFixtures.AT);
    }

    /** A new order with the events applied in the order given, each for {@link #CUSTOMER}. */
    static OrderState after(Touch... events) {
        var order = newOrder();
        for (var event : events) {
            order.apply(CUSTOMER, event, BASE_CURRENCY);
        }
        return order;
    }

    static Touch checkoutStarted(String at, String properties) {
        return event(EcommerceEvents.CHECKOUT_STARTED, at, properties);
    }

    static Touch updated(String at, String properties) {
        return event(EcommerceEvents.ORDER_UPDATED, at, properties);
    }

    static Touch completed(String at, String properties) {
        return event(EcommerceEvents.ORDER_COMPLETED, at, properties);
    }

    static Touch refunded(String at, String properties) {
        return event(EcommerceEvents.ORDER_REFUNDED, at, properties);
    }

    static Touch cancelled(String at) {
        return event(EcommerceEvents.ORDER_CANCELLED, at, "");
    }

    /**
     * An event of the order at {@code at}, its properties the order id and the given ones ({@code "total":100}, a
     * comma-separated list of JSON members, or empty).
     */
    static Touch event(String name, String at, String properties) {
        var members = properties.isEmpty() ? "" : "," + properties;
        return TouchFixtures.track(name)
                .userId("buyer")
                .properties("{\"order_id\":\"" + ORDER_ID + "\"" + members + "}")
                .at(at)
                .build();
    }
}
