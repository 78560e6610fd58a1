package io.siyu.loyalty.internal.checkin;

import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.loyalty.Points;
import io.siyu.loyalty.internal.points.LoyaltyProperties;
import io.siyu.shared.Timestamps;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily check-in (签到) in the member's own time zone (the brand's when they named none). The day's row is written under
 * the (member, day) key, so two check-ins at once make one, whichever comes second answering the first; the streak is
 * yesterday's plus one, or one; the points of the streak's day are granted under a key of the member and day, in the
 * same transaction, so a check-in and its points commit together.
 */
@Component
public class CheckIns {

    private final JdbcTemplate jdbc;
    private final Points points;
    private final Profiles profiles;
    private final LoyaltyProperties properties;
    private final Clock clock;
    private final ZoneId brandZone;

    CheckIns(
            JdbcTemplate jdbc,
            Points points,
            Profiles profiles,
            LoyaltyProperties properties,
            Clock clock,
            @Value("${siyu.time-zone:Asia/Shanghai}") ZoneId brandZone) {
        this.jdbc = jdbc;
        this.points = points;
        this.profiles = profiles;
        this.properties = properties;
        this.clock = clock;
        this.brandZone = brandZone;
    }

    /** A day checked in: the member's local day, the streak it is the last day of, and the points it earned. */
    public record CheckIn(LocalDate day, int streak, long points, boolean already) {}

    /** The member's day today, in their time zone. */
    public LocalDate today(CustomerId customer) {
        return clock.instant().atZone(zone(customer)).toLocalDate();
    }

    /** Checks the member in for their today; a second check-in the same day answers the first ({@code already}). */
    @Transactional
    public CheckIn checkIn(CustomerId customer) {
        var day = today(customer);
        var yesterday = jdbc
                .query(
                        "select streak from loyalty.check_in where customer_id = ? and day = ?",
                        (rs, row) -> rs.getInt(1),
                        customer.value(),
                        Date.valueOf(day.minusDays(1)))
                .stream()
                .findFirst()
                .orElse(0);
        var streak = yesterday + 1;
        var earned = pointsFor(streak);
        var inserted =
                jdbc.update("""
                insert into loyalty.check_in (customer_id, day, streak, points, at) values (?, ?, ?, ?, ?)
                on conflict (customer_id, day) do nothing""", customer.value(), Date.valueOf(day), streak, earned, Timestamps.of(clock.instant()));
        if (inserted == 0) {
            return jdbc.queryForObject(
                    "select streak, points from loyalty.check_in where customer_id = ? and day = ?",
                    (rs, row) -> new CheckIn(day, rs.getInt("streak"), rs.getLong("points"), true),
                    customer.value(),
                    Date.valueOf(day));
        }
        if (earned > 0) {
            points.grant(
                    customer,
                    earned,
                    "check-in, day " + streak + " of a streak",
                    null,
                    "check-in:" + customer.value() + ":" + day);
        }
        return new CheckIn(day, streak, earned, false);
    }

    /** The member's check-ins from {@code from} on, oldest first. */
    public List<CheckIn> since(CustomerId customer, LocalDate from) {
        return jdbc.query(
                """
                select day, streak, points from loyalty.check_in where customer_id = ? and day >= ? order by day""",
                (rs, row) ->
                        new CheckIn(rs.getDate("day").toLocalDate(), rs.getInt("streak"), rs.getLong("points"), true),
                customer.value(),
                Date.valueOf(from));
    }

    private long pointsFor(int streak) {
        var list = properties.checkInPoints();
        if (list.isEmpty()) {
            return 0;
        }
        return list.get(Math.min(streak, list.size()) - 1);
    }

    private ZoneId zone(CustomerId customer) {
        return profiles.snapshots(List.of(customer)).stream()
                .findFirst()
                .map(io.siyu.customers.ProfileSnapshot::timeZone)
                .orElse(brandZone);
    }
}
