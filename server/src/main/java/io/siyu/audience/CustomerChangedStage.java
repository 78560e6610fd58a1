package io.siyu.audience;

import io.siyu.customers.CustomerId;
import java.time.Instant;

/** A customer moved from one stage of a lifecycle model to another ({@code from} is null on their first stage). */
public record CustomerChangedStage(String model, CustomerId customerId, String from, String to, Instant at) {}
