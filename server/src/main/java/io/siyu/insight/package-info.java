/**
 * What the numbers say. For now the overview of the console: customers, events, orders and GMV per day, customers by
 * channel, best-selling products and categories, composed from {@link io.siyu.customers.CustomerStatistics} and
 * {@link io.siyu.commerce.SalesStatistics}. Owns no tables yet; publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package io.siyu.insight;
