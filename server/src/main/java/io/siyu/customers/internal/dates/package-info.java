/**
 * Customers by a date of theirs (a date trait's month and day, the last order) for automations that fire on it
 * ({@code DateQueries}, the module's {@code CustomerDates}).
 */
package io.siyu.customers.internal.dates;
