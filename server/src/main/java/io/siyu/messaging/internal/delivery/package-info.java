/**
 * Delivery: the providers behind each channel, all behind {@link io.siyu.messaging.internal.delivery.Provider}. E-mail
 * goes over SMTP when a server is configured, SMS through Alibaba Cloud SMS when an AccessKey is configured (requests
 * signed with {@link io.siyu.messaging.internal.delivery.AcsSignature}); otherwise a channel's messages go to the
 * sandbox outbox, where people read what would have been sent.
 */
package io.siyu.messaging.internal.delivery;
