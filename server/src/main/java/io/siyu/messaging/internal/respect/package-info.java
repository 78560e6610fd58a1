/**
 * Respect for the customer: whether a message may go to a customer at all (an address, consent for its channel and
 * purpose, no suppression), decided by plain rules, and the suppression list; then, for marketing, when and how much:
 * the brand's quiet hours on the customer's own clock ({@link io.siyu.messaging.internal.respect.QuietHours}) and the
 * frequency caps of every customer's contact budget, spent exactly under a lock per customer
 * ({@link io.siyu.messaging.internal.respect.ContactBudgets}), with the settings operators save.
 */
package io.siyu.messaging.internal.respect;
