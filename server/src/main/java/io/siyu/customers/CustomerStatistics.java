package io.siyu.customers;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Counts of customers and events for dashboards, read from maintained counters and indexed columns. */
public interface CustomerStatistics {

    /** Customers and events of one day in the brand's time zone. */
    record Day(LocalDate date, long newCustomers, long events) {}

    record ChannelShare(String channel, long customers) {}

    long customers();

    long events();

    /** Every day from {@code from} to {@code to} inclusive, with zeros for quiet days. */
    List<Day> daily(LocalDate from, LocalDate to, ZoneId zone);

    List<ChannelShare> channels();

    /** Customers seen since the start of {@code since} in the brand's zone. */
    long activeSince(LocalDate since, ZoneId zone);
}
