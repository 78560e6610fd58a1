package io.siyu.loyalty.internal.points;

import io.siyu.shared.Timestamps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The points the brand owes its members, as finance asks for it: every unspent point of a lot not yet expired, by the
 * month it expires in (in the brand's time zone; "never" apart), and in money at {@link LoyaltyProperties#pointValue}.
 */
@Component
public class PointsLiability {

    private final JdbcTemplate jdbc;
    private final LoyaltyProperties properties;
    private final Clock clock;
    private final ZoneId zone;

    PointsLiability(
            JdbcTemplate jdbc,
            LoyaltyProperties properties,
            Clock clock,
            @Value("${siyu.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.zone = zone;
    }

    /** Points expiring in one month ({@code null}: never), the members holding them, and their worth. */
    public record Month(@Nullable String month, long points, long members, BigDecimal value) {}

    /** The liability in all, its currency and value per point, and by month of expiry, soonest first. */
    public record Liability(
            long points, BigDecimal value, String currency, BigDecimal pointValue, List<Month> months) {}

    public Liability now() {
        var months = jdbc.query(
                """
                select to_char(expires_at at time zone ?, 'YYYY-MM') as month, sum(remaining) as points,
                       count(distinct customer_id) as members
                  from loyalty.points_lot
                 where remaining > 0 and (expires_at is null or expires_at > ?)
                 group by 1 order by 1 nulls last""",
                (rs, row) -> new Month(
                        rs.getString("month"),
                        rs.getLong("points"),
                        rs.getLong("members"),
                        worth(rs.getLong("points"))),
                zone.getId(),
                Timestamps.of(clock.instant()));
        var points = months.stream().mapToLong(Month::points).sum();
        return new Liability(points, worth(points), properties.currency(), properties.pointValue(), months);
    }

    private BigDecimal worth(long points) {
        return properties.pointValue().multiply(BigDecimal.valueOf(points)).setScale(2, RoundingMode.HALF_UP);
    }
}
