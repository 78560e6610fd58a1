/**
 * The ingest module's endpoints: the Segment-compatible tracking API ({@code /v1/...}), the CSV import
 * ({@code /api/v1/imports/...}), the rejected messages operators inspect, and the customer's own consent choice in the
 * consumer API ({@code /consumer/v1/me/consents}).
 */
package io.siyu.ingest.internal.web;
