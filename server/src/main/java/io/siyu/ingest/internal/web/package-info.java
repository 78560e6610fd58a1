/**
 * The ingest module's endpoints: the Segment-compatible tracking API ({@code /v1/...}), the CSV import
 * ({@code /api/v1/imports/...}) and the rejected messages operators inspect.
 */
package io.siyu.ingest.internal.web;
