package io.siyu.commerce;

import java.util.Set;

/** The event names of the Segment e-commerce specification (v2) that Siyu understands. */
public final class EcommerceEvents {

    public static final String CHECKOUT_STARTED = "Checkout Started";
    public static final String ORDER_UPDATED = "Order Updated";
    public static final String ORDER_COMPLETED = "Order Completed";
    public static final String ORDER_REFUNDED = "Order Refunded";
    public static final String ORDER_CANCELLED = "Order Cancelled";

    /** Events that create or change an order. */
    public static final Set<String> ORDER_EVENTS =
            Set.of(CHECKOUT_STARTED, ORDER_UPDATED, ORDER_COMPLETED, ORDER_REFUNDED, ORDER_CANCELLED);

    /** Events whose properties describe one product. */
    public static final Set<String> PRODUCT_EVENTS = Set.of(
            "Product Clicked",
            "Product Viewed",
            "Product Added",
            "Product Removed",
            "Product Added to Wishlist",
            "Product Removed from Wishlist",
            "Wishlist Product Added to Cart",
            "Product Shared",
            "Product Reviewed");

    /** Events whose {@code products} array lists several products. */
    public static final Set<String> PRODUCT_LIST_EVENTS = Set.of(
            "Product List Viewed",
            "Product List Filtered",
            "Cart Viewed",
            "Cart Shared",
            CHECKOUT_STARTED,
            ORDER_UPDATED,
            ORDER_COMPLETED,
            ORDER_REFUNDED,
            ORDER_CANCELLED);

    private EcommerceEvents() {}

    public static boolean concernsCommerce(String event) {
        return event != null
                && (ORDER_EVENTS.contains(event)
                        || PRODUCT_EVENTS.contains(event)
                        || PRODUCT_LIST_EVENTS.contains(event));
    }
}
