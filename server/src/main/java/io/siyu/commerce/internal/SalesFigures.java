package io.siyu.commerce.internal;

import io.siyu.commerce.SalesStatistics;
import io.siyu.shared.Timestamps;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The dashboards' sales figures, read from completed orders, their lines and refunds. */
@Service
class SalesFigures implements SalesStatistics {

    private final JdbcTemplate jdbc;

    SalesFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Day> daily(LocalDate from, LocalDate to, ZoneId zone) {
        var days = new TreeMap<LocalDate, Day>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new Day(day, 0, BigDecimal.ZERO, BigDecimal.ZERO));
        }
        jdbc.query(
                """
                select (placed_at at time zone ?)::date as day, count(*), coalesce(sum(total), 0),
                       coalesce(sum(refunded_total), 0)
                  from commerce.customer_order
                 where status = 'COMPLETED' and placed_at >= ? and placed_at < ?
                 group by 1""",
                rs -> {
                    var day = rs.getObject(1, LocalDate.class);
                    if (days.containsKey(day)) {
                        days.put(day, new Day(day, rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
                    }
                },
                zone.getId(),
                Timestamps.of(from.atStartOfDay(zone).toInstant()),
                Timestamps.of(to.plusDays(1).atStartOfDay(zone).toInstant()));
        return List.copyOf(days.values());
    }

    @Override
    public Buyers buyers(LocalDate from, LocalDate to, ZoneId zone) {
        return jdbc.queryForObject(
                """
                select count(*) as buyers, count(*) filter (where orders > 1) as repeat_buyers
                  from (select customer_id, count(*) as orders from commerce.customer_order
                         where status = 'COMPLETED' and placed_at >= ? and placed_at < ? group by customer_id) b""",
                (rs, n) -> new Buyers(rs.getLong("buyers"), rs.getLong("repeat_buyers")),
                Timestamps.of(from.atStartOfDay(zone).toInstant()),
                Timestamps.of(to.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    @Override
    public List<TopProduct> topProducts(LocalDate from, LocalDate to, ZoneId zone, int limit) {
        return jdbc.query(
                """
                select l.product_id, max(coalesce(p.name, l.name)) as name, max(coalesce(p.category, l.category)) as category,
                       sum(l.quantity) as units, sum(l.price * l.quantity) as revenue
                  from commerce.order_line l
                  join commerce.customer_order o on o.order_id = l.order_id
                  left join commerce.product p on p.product_id = l.product_id
                 where o.status = 'COMPLETED' and o.placed_at >= ? and o.placed_at < ? and l.product_id is not null
                 group by l.product_id order by revenue desc limit ?""",
                (rs, n) -> new TopProduct(
                        rs.getString("product_id"),
                        rs.getString("name"),
                        rs.getString("category"),
                        rs.getLong("units"),
                        rs.getBigDecimal("revenue")),
                Timestamps.of(from.atStartOfDay(zone).toInstant()),
                Timestamps.of(to.plusDays(1).atStartOfDay(zone).toInstant()),
                limit);
    }

    @Override
    public List<CategorySales> categories(LocalDate from, LocalDate to, ZoneId zone) {
        return jdbc.query(
                """
                select coalesce(coalesce(p.category, l.category), 'uncategorised') as category, sum(l.quantity) as units,
                       sum(l.price * l.quantity) as revenue
                  from commerce.order_line l
                  join commerce.customer_order o on o.order_id = l.order_id
                  left join commerce.product p on p.product_id = l.product_id
                 where o.status = 'COMPLETED' and o.placed_at >= ? and o.placed_at < ?
                 group by 1 order by revenue desc""",
                (rs, n) ->
                        new CategorySales(rs.getString("category"), rs.getLong("units"), rs.getBigDecimal("revenue")),
                Timestamps.of(from.atStartOfDay(zone).toInstant()),
                Timestamps.of(to.plusDays(1).atStartOfDay(zone).toInstant()));
    }
}
