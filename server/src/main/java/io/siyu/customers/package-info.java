/**
 * One true profile per customer. Owns profiles with their traits, facts and consent (per category, with every change),
 * the identity graph (anonymous ids, user ids, phones, e-mails, WeChat and other platform ids) with its merges, and
 * every customer's event timeline.
 *
 * <p>API: {@link io.siyu.customers.Profiles} records batches of {@link io.siyu.customers.Touch}es (the normalised
 * messages of ingestion), checks their identities and consent objects, and takes order facts from commerce;
 * {@link io.siyu.customers.CustomerStatistics} counts customers and events for dashboards. Publishes
 * {@link io.siyu.customers.TouchesRecorded} for every batch it records (whose profiles' traits, channel or consent
 * changed) and {@link io.siyu.customers.CustomersMerged} when two profiles become one. Consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
package io.siyu.customers;
