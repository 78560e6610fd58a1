/**
 * Webhooks: signed HTTP calls from Siyu to the brand's own systems. Operators register endpoints (a URL and a signing
 * secret Siyu makes, kept sealed); other modules queue deliveries through {@link io.siyu.webhooks.Webhooks} in their
 * own transaction, each under an idempotency key that is also the delivery's {@code webhook-id}. A durable outbox sends
 * them signed per the Standard Webhooks specification, retries what may pass with back-off and parks what keeps
 * failing. It publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package io.siyu.webhooks;
