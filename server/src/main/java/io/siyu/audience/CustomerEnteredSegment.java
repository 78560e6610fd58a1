package io.siyu.audience;

import io.siyu.customers.CustomerId;
import java.time.Instant;

/** A customer came to match a segment: through something they did, a change of their data, or time passing. */
public record CustomerEnteredSegment(long segmentId, CustomerId customerId, Instant at) {}
