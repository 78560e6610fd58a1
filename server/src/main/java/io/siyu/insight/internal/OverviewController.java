package io.siyu.insight.internal;

import io.siyu.commerce.SalesStatistics;
import io.siyu.customers.CustomerStatistics;
import io.siyu.shared.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The console's overview: the brand at a glance over a window of days ending today. */
@RestController
class OverviewController {

    private final CustomerStatistics customers;
    private final SalesStatistics sales;
    private final Clock clock;
    private final ZoneId zone;
    private final String currency;

    OverviewController(CustomerStatistics customers, SalesStatistics sales, Clock clock, Environment environment) {
        this.customers = customers;
        this.sales = sales;
        this.clock = clock;
        this.zone = ZoneId.of(environment.getProperty("siyu.time-zone", "Asia/Shanghai"));
        this.currency = environment.getProperty("siyu.currency", "CNY");
    }

    record Totals(
            long customers,
            long newCustomers,
            long activeCustomers,
            long buyers,
            long repeatBuyers,
            long events,
            long eventsInWindow,
            long orders,
            BigDecimal gmv,
            BigDecimal refunds,
            BigDecimal averageOrderValue) {}

    record Day(LocalDate date, long newCustomers, long events, long orders, BigDecimal gmv) {}

    record Overview(
            String currency,
            String timeZone,
            LocalDate from,
            LocalDate to,
            Totals totals,
            List<Day> daily,
            List<CustomerStatistics.ChannelShare> channels,
            List<SalesStatistics.TopProduct> topProducts,
            List<SalesStatistics.CategorySales> categories) {}

    @GetMapping("/api/v1/overview")
    @PreAuthorize("hasAuthority('insight:read')")
    Overview overview(@RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > 366) {
            throw new InvalidInputException("days", "range", "must be between 1 and 366");
        }
        var to = LocalDate.now(clock.withZone(zone));
        var from = to.minusDays(days - 1L);
        var customerDays = customers.daily(from, to, zone);
        var salesDays = sales.daily(from, to, zone);
        var daily = new ArrayList<Day>(customerDays.size());
        long newCustomers = 0;
        long events = 0;
        long orders = 0;
        var gmv = BigDecimal.ZERO;
        var refunds = BigDecimal.ZERO;
        for (int i = 0; i < customerDays.size(); i++) {
            var c = customerDays.get(i);
            var s = salesDays.get(i);
            daily.add(new Day(c.date(), c.newCustomers(), c.events(), s.orders(), s.gmv()));
            newCustomers += c.newCustomers();
            events += c.events();
            orders += s.orders();
            gmv = gmv.add(s.gmv());
            refunds = refunds.add(s.refunds());
        }
        var buyers = sales.buyers(from, to, zone);
        var totals = new Totals(
                customers.customers(),
                newCustomers,
                customers.activeSince(from, zone),
                buyers.buyers(),
                buyers.repeatBuyers(),
                customers.events(),
                events,
                orders,
                gmv,
                refunds,
                orders == 0 ? BigDecimal.ZERO : gmv.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_EVEN));
        return new Overview(
                currency,
                zone.getId(),
                from,
                to,
                totals,
                daily,
                customers.channels(),
                sales.topProducts(from, to, zone, 10),
                sales.categories(from, to, zone));
    }
}
