package io.siyu.audience;

import io.siyu.customers.CustomerId;
import java.time.Instant;

/** A customer stopped matching a segment. */
public record CustomerLeftSegment(long segmentId, CustomerId customerId, Instant at) {}
