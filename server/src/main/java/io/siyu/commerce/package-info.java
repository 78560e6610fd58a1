/**
 * Products, orders, order lines and refunds as the shop reports them. Orders are maintained from the e-commerce events
 * of the Segment specification (Checkout Started, Order Updated, Order Completed, Order Refunded, Order Cancelled);
 * products from the shop's catalogue upserts and from the product properties of events.
 *
 * <p>API: {@link io.siyu.commerce.OrderBook} (checks and applies e-commerce touches, used by ingestion) and
 * {@link io.siyu.commerce.Catalogue} (product upserts). Consumes {@link io.siyu.customers.CustomersMerged} to move a
 * merged profile's orders; keeps each profile's order facts current through {@link io.siyu.customers.Profiles}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commerce")
package io.siyu.commerce;
