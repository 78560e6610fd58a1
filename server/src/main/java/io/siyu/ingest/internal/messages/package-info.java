/**
 * Reading and checking one Segment message: the strict JSON reader of request bodies ({@code IngestJson}), what a
 * parsed document must be to be stored ({@code JsonSafety}), a message's fields, time and clock skew
 * ({@code MessageReader}), and the stored form the pipeline applies and the touch it stands for
 * ({@code SegmentMessages}); with the settings of ingestion ({@code IngestProperties}). Depends on no other room of
 * the ingest module.
 */
package io.siyu.ingest.internal.messages;
