package io.siyu.loyalty.internal.points;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The loyalty module's settings.
 *
 * @param pointValue what one point is worth to the brand, in {@code currency}, for the liability finance reports
 *     (100 points to ¥1 by default)
 * @param currency the currency of {@code pointValue}, and the currency orders earn points in
 * @param checkInPoints points a check-in earns on the first, second... day of a streak; beyond the list, its last
 * @param orderPointsPerYuan points a completed order earns per unit of its total (rounded down); 0 earns none. Points
 *     earned on an order expire at the end of the year after the one it was completed in, in the brand's time zone.
 */
@ConfigurationProperties("siyu.loyalty")
public record LoyaltyProperties(
        @DefaultValue("0.01") BigDecimal pointValue,
        @DefaultValue("CNY") String currency,
        @DefaultValue("1") BigDecimal orderPointsPerYuan,

        @DefaultValue({"5", "5", "10", "10", "15", "15", "30"})
        java.util.List<Long> checkInPoints) {}
