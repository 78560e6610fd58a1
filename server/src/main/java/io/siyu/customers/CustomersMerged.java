package io.siyu.customers;

import java.time.Instant;

/**
 * Two profiles turned out to be one person: everything of {@code absorbed} now belongs to {@code survivor}. Modules
 * that keep data per customer move it over.
 */
public record CustomersMerged(CustomerId survivor, CustomerId absorbed, Instant mergedAt) {}
