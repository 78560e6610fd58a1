/**
 * Respect for the customer: whether a message may go to a customer at all (an address, consent for its channel and
 * purpose, no suppression), decided by plain rules, and the suppression list.
 */
package io.siyu.messaging.internal.respect;
