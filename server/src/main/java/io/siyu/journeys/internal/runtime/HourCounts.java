package io.siyu.journeys.internal.runtime;

import io.siyu.commerce.EcommerceEvents;
import io.siyu.customers.CustomerId;
import io.siyu.customers.ProfileSnapshot;
import io.siyu.customers.Profiles;
import io.siyu.customers.TouchType;
import io.siyu.customers.TouchesRecorded;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts each customer's responsive moments per hour of the week in their time zone, as they are recorded: opening or
 * clicking a message, visiting a page or screen, completing an order. Kept in the transaction that records the touches,
 * so the counts never miss or double one; customer 0's counts are the whole brand's. A merge adds the absorbed
 * profile's counts to the survivor's.
 */
@Component
public class HourCounts {

    /** The tracked events that show a customer paying attention. */
    static final Set<String> RESPONSES = Set.of(
            "Email Opened",
            "Email Link Clicked",
            "Inbox Message Opened",
            "Inbox Message Clicked",
            "WeChat Message Clicked",
            "Push Notification Tapped",
            EcommerceEvents.ORDER_COMPLETED);

    /** The row that holds the brand's counts. */
    static final long BRAND = 0;

    private final JdbcTemplate jdbc;
    private final Profiles profiles;

    HourCounts(JdbcTemplate jdbc, Profiles profiles) {
        this.jdbc = jdbc;
        this.profiles = profiles;
    }

    /** Whether a touch counts as the customer responding. */
    static boolean counts(TouchType type, String event) {
        return type == TouchType.PAGE
                || type == TouchType.SCREEN
                || (type == TouchType.TRACK && RESPONSES.contains(event));
    }

    @EventListener
    void on(TouchesRecorded recorded) {
        for (var merge : recorded.merges()) {
            moveTo(merge.survivor().value(), merge.absorbed().value());
        }
        var counted = recorded.touches().stream()
                .filter(t -> counts(t.touch().type(), t.touch().event()))
                .toList();
        if (counted.isEmpty()) {
            return;
        }
        var zones = profiles
                .snapshots(counted.stream()
                        .map(TouchesRecorded.RecordedTouch::customerId)
                        .collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(s -> s.id().value(), ProfileSnapshot::timeZone, (a, b) -> a));
        var deltas = new HashMap<List<Long>, Integer>();
        for (var touch : counted) {
            var customer = touch.customerId().value();
            var zone = zones.get(customer);
            if (zone == null) {
                continue;
            }
            var hour = (long) BestHour.bucket(touch.touch().occurredAt(), zone);
            deltas.merge(List.of(customer, hour), 1, Integer::sum);
            deltas.merge(List.of(BRAND, hour), 1, Integer::sum);
        }
        add(deltas);
    }

    /** Adds counts, by customer and hour. */
    void add(Map<List<Long>, Integer> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        var rows = new ArrayList<Object[]>();
        // a fixed order, so two transactions adding to the same rows never wait on each other in a circle
        deltas.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.get(0).equals(b.get(0))
                        ? Long.compare(a.get(1), b.get(1))
                        : Long.compare(a.get(0), b.get(0))))
                .forEach(e -> rows.add(
                        new Object[] {e.getKey().get(0), e.getKey().get(1).intValue(), e.getValue()}));
        jdbc.batchUpdate("""
                insert into journeys.hour_count (customer_id, hour, n) values (?, ?, ?)
                on conflict (customer_id, hour) do update set n = journeys.hour_count.n + excluded.n
                """, rows);
    }

    private void moveTo(long survivor, long absorbed) {
        jdbc.update("""
                insert into journeys.hour_count (customer_id, hour, n)
                select ?, hour, n from journeys.hour_count where customer_id = ?
                on conflict (customer_id, hour) do update set n = journeys.hour_count.n + excluded.n
                """, survivor, absorbed);
        jdbc.update("delete from journeys.hour_count where customer_id = ?", absorbed);
    }

    /** A customer's counts per hour of the week, zeros where none. */
    public long[] of(CustomerId customer) {
        return load(customer.value());
    }

    /** The brand's counts per hour of the week. */
    public long[] brand() {
        return load(BRAND);
    }

    private long[] load(long customer) {
        var counts = new long[BestHour.HOURS];
        jdbc.query(
                "select hour, n from journeys.hour_count where customer_id = ?",
                row -> {
                    counts[row.getInt(1)] = row.getLong(2);
                },
                customer);
        return counts;
    }

    /** The zone the customer lives in (the brand's when they are unknown). */
    ZoneId zoneOf(CustomerId customer, ZoneId brand) {
        return profiles.snapshots(List.of(customer)).stream()
                .findFirst()
                .map(ProfileSnapshot::timeZone)
                .orElse(brand);
    }
}
