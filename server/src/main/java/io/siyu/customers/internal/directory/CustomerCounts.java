package io.siyu.customers.internal.directory;

import io.siyu.customers.CustomerStatistics;
import io.siyu.shared.Timestamps;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The dashboards' customer and event counts, read from maintained counters and indexed columns. */
@Service
class CustomerCounts implements CustomerStatistics {

    private final JdbcTemplate jdbc;

    CustomerCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long customers() {
        return jdbc.queryForObject("select count(*) from customers.customer where merged_into is null", Long.class);
    }

    @Override
    public long events() {
        return jdbc.queryForObject("select coalesce(sum(events), 0) from customers.daily_activity", Long.class);
    }

    @Override
    public List<Day> daily(LocalDate from, LocalDate to, ZoneId zone) {
        var days = new TreeMap<LocalDate, long[]>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new long[2]);
        }
        jdbc.query(
                """
                select (first_seen_at at time zone ?)::date as day, count(*) from customers.customer
                 where merged_into is null and first_seen_at >= ? and first_seen_at < ?
                 group by 1""",
                rs -> {
                    var counts = days.get(rs.getObject(1, LocalDate.class));
                    if (counts != null) {
                        counts[0] = rs.getLong(2);
                    }
                },
                zone.getId(),
                Timestamps.of(from.atStartOfDay(zone).toInstant()),
                Timestamps.of(to.plusDays(1).atStartOfDay(zone).toInstant()));
        jdbc.query(
                "select day, events from customers.daily_activity where day between ? and ?",
                rs -> {
                    var counts = days.get(rs.getObject(1, LocalDate.class));
                    if (counts != null) {
                        counts[1] = rs.getLong(2);
                    }
                },
                from,
                to);
        return days.entrySet().stream()
                .map(e -> new Day(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    @Override
    public List<ChannelShare> channels() {
        return jdbc.query("""
                select coalesce(channel, 'unknown') as channel, count(*) from customers.customer
                 where merged_into is null group by 1 order by 2 desc""", (rs, n) -> new ChannelShare(rs.getString(1), rs.getLong(2)));
    }

    @Override
    public long activeSince(LocalDate since, ZoneId zone) {
        return jdbc.queryForObject(
                "select count(*) from customers.customer where merged_into is null and last_seen_at >= ?",
                Long.class,
                Timestamps.of(since.atStartOfDay(zone).toInstant()));
    }
}
