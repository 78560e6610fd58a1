package io.siyu.customers.internal.profiles;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Which names a customer's time zone may have: the region names of the IANA time zone database as Java knows them
 * ({@code Asia/Shanghai}, {@code America/New_York}, {@code UTC}). Offsets such as {@code +08:00} and abbreviations such
 * as {@code CST} or {@code EST} are not taken (CST is three different zones, and an offset knows no summer time);
 * anything else a device sends is ignored, never an error.
 */
public final class TimeZones {

    private static final Set<String> KNOWN = ZoneId.getAvailableZoneIds();

    private TimeZones() {}

    /** The zone a {@code context.timezone} names, empty when it names none. */
    public static Optional<String> parse(String name) {
        var candidate = name.strip();
        return KNOWN.contains(candidate) && !ZoneId.SHORT_IDS.containsKey(candidate)
                ? Optional.of(candidate)
                : Optional.empty();
    }
}
