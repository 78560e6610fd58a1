/**
 * Applying acknowledged messages to profiles and orders in the order they were stored: taking them off the queue and
 * dead-lettering ({@code QueuedMessages}), applying a batch ({@code BatchApplier}), and the transactions, retries and
 * worker that run it ({@code IngestPipeline}). Depends on {@code messages}.
 */
package io.siyu.ingest.internal.pipeline;
