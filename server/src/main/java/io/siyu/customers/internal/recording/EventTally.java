package io.siyu.customers.internal.recording;

import io.siyu.customers.Touch;
import io.siyu.customers.internal.profiles.ProfileStore;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a batch adds to the counters: per customer and event name, how many and the first and last time; per day of
 * the brand's time zone, how many events in all.
 */
final class EventTally {

    private final ZoneId brandZone;
    private final Map<String, ProfileStore.EventCount> counts = new LinkedHashMap<>();
    private final Map<LocalDate, Long> perDay = new HashMap<>();

    EventTally(ZoneId brandZone) {
        this.brandZone = brandZone;
    }

    void add(long customer, Touch touch) {
        var name = touch.type().countedName(touch.event());
        counts.merge(
                customer + "\u0000" + name,
                new ProfileStore.EventCount(customer, name, 1, touch.occurredAt(), touch.occurredAt()),
                (a, b) -> new ProfileStore.EventCount(
                        a.customerId(),
                        a.name(),
                        a.count() + 1,
                        a.firstAt().isBefore(b.firstAt()) ? a.firstAt() : b.firstAt(),
                        a.lastAt().isAfter(b.lastAt()) ? a.lastAt() : b.lastAt()));
        perDay.merge(LocalDate.ofInstant(touch.occurredAt(), brandZone), 1L, Long::sum);
    }

    Collection<ProfileStore.EventCount> counts() {
        return counts.values();
    }

    Map<LocalDate, Long> perDay() {
        return perDay;
    }
}
