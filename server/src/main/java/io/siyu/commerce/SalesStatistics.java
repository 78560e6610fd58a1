package io.siyu.commerce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Sales figures for dashboards: completed orders, GMV (gross value of completed orders) and refunds. */
public interface SalesStatistics {

    record Day(LocalDate date, long orders, BigDecimal gmv, BigDecimal refunds) {}

    record TopProduct(
            String productId,
            @Nullable String name,
            @Nullable String category,
            long units,
            @Nullable BigDecimal revenue) {}

    record CategorySales(
            String category, long units, @Nullable BigDecimal revenue) {}

    /** Customers with at least one, and with at least two, completed orders placed in the window. */
    record Buyers(long buyers, long repeatBuyers) {}

    /** Every day from {@code from} to {@code to} inclusive in the brand's zone, with zeros for quiet days. */
    List<Day> daily(LocalDate from, LocalDate to, ZoneId zone);

    Buyers buyers(LocalDate from, LocalDate to, ZoneId zone);

    List<TopProduct> topProducts(LocalDate from, LocalDate to, ZoneId zone, int limit);

    List<CategorySales> categories(LocalDate from, LocalDate to, ZoneId zone);
}
