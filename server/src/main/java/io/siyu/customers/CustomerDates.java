package io.siyu.customers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/**
 * Customers by a date of theirs, for automations that fire on it: a date trait's month and day (a birthday, a
 * membership's start) or the time of their last order. Each answer is one indexed query over live profiles, in the
 * order of the customers' ids, at most {@code limit} after the id {@code after}, so that a caller walks them chunk by
 * chunk.
 */
public interface CustomerDates {

    /**
     * A customer and their date: the trait's date, or the day of the last order in their time zone. {@code timeZone}
     * is theirs, else the brand's.
     */
    record DatedCustomer(CustomerId id, LocalDate date, ZoneId timeZone) {}

    /**
     * Live customers whose trait holds a date (ISO-8601, {@code 1990-05-17}, or a time starting with one) falling on
     * one of the month-days; values that are no date are left out.
     */
    List<DatedCustomer> withDateTrait(String trait, Collection<MonthDay> on, long after, int limit);

    /** Live customers whose last order was placed in {@code [from, to)}. */
    List<DatedCustomer> withLastOrderBetween(Instant from, Instant to, long after, int limit);
}
