/**
 * Delivery: the providers behind each channel, all behind {@link io.siyu.messaging.internal.delivery.Provider}. E-mail
 * goes over SMTP when a server is configured, otherwise to the sandbox outbox, where people read what would have been
 * sent.
 */
package io.siyu.messaging.internal.delivery;
