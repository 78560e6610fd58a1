package io.siyu.customers.internal.dates;

import io.siyu.customers.CustomerDates;
import io.siyu.customers.CustomerId;
import io.siyu.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The customers module's {@link CustomerDates}, read from {@code customers.customer}.
 *
 * <p>A trait's month-day is {@code substr(traits ->> trait, 6, 5)} ({@code 05-17} of {@code 1990-05-17}). The
 * {@code birthday} trait has an expression index on exactly that, so its query is written with the trait's name in the
 * text (an index on an expression only serves a query with the same expression); other traits are found through the
 * GIN index on {@code customers.trait_month_days(traits)}, which holds {@code trait:MM-DD} for every trait whose value
 * starts with a date. Last orders are read through the index on {@code last_order_at}.
 */
@Component
class DateQueries implements CustomerDates {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final String BIRTHDAY = """
            select id, traits ->> 'birthday' as value, time_zone from customers.customer
             where merged_into is null and substr(traits ->> 'birthday', 6, 5) = any (?) and id > ?
             order by id limit ?""";
    private static final String TRAIT = """
            select id, traits ->> ? as value, time_zone from customers.customer
             where merged_into is null and customers.trait_month_days(traits) && ? and id > ?
             order by id limit ?""";
    private static final String LAST_ORDER = """
            select id, last_order_at, time_zone from customers.customer
             where merged_into is null and last_order_at >= ? and last_order_at < ? and id > ?
             order by id limit ?""";

    private final JdbcTemplate jdbc;
    private final ZoneId brandZone;

    DateQueries(JdbcTemplate jdbc, @Value("${siyu.time-zone:Asia/Shanghai}") ZoneId brandZone) {
        this.jdbc = jdbc;
        this.brandZone = brandZone;
    }

    @Override
    public List<DatedCustomer> withDateTrait(String trait, Collection<MonthDay> on, long after, int limit) {
        var birthday = trait.equals("birthday");
        var days = on.stream()
                .map(day -> birthday ? MONTH_DAY.format(day) : trait + ":" + MONTH_DAY.format(day))
                .toArray(String[]::new);
        var rows = new ArrayList<DatedCustomer>();
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(birthday ? BIRTHDAY : TRAIT);
                    var i = 1;
                    if (!birthday) {
                        statement.setString(i++, trait);
                    }
                    statement.setArray(i++, connection.createArrayOf("text", days));
                    statement.setLong(i++, after);
                    statement.setInt(i, limit);
                    return statement;
                },
                rs -> {
                    var date = date(rs.getString("value"));
                    if (date != null) {
                        rows.add(new DatedCustomer(CustomerId.of(rs.getLong("id")), date, zone(rs)));
                    }
                });
        return rows;
    }

    @Override
    public List<DatedCustomer> withLastOrderBetween(Instant from, Instant to, long after, int limit) {
        return jdbc.query(
                LAST_ORDER,
                (rs, row) -> {
                    var zone = zone(rs);
                    return new DatedCustomer(
                            CustomerId.of(rs.getLong("id")),
                            Timestamps.read(rs, "last_order_at").atZone(zone).toLocalDate(),
                            zone);
                },
                Timestamps.of(from),
                Timestamps.of(to),
                after,
                limit);
    }

    private ZoneId zone(ResultSet rs) throws SQLException {
        var own = rs.getString("time_zone");
        if (own == null) {
            return brandZone;
        }
        try {
            return ZoneId.of(own);
        } catch (DateTimeException e) {
            return brandZone;
        }
    }

    private static @Nullable LocalDate date(@Nullable String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
