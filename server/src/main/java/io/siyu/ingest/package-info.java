/**
 * How data gets in. Owns the Segment-compatible tracking API ({@code /v1/...}), the inbox where acknowledged messages
 * wait, the pipeline that applies them to {@link io.siyu.customers.Profiles} and {@link io.siyu.commerce.OrderBook},
 * and the CSV import of customers and orders ({@code /api/v1/imports/...} and the {@code siyu import} command).
 *
 * <p>API: {@link io.siyu.ingest.Ingestion} accepts messages from other modules (the demo brand) as if sent over HTTP.
 * It publishes no events and consumes none: the pipeline calls the modules it feeds directly, in one transaction per
 * batch, because tens of thousands of messages a second cannot each become an event publication.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ingest")
package io.siyu.ingest;
