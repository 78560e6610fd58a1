package io.siyu.access.internal.consumer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The consumer API's limits, {@code siyu.access.consumer.*}.
 *
 * @param rateLimit how many requests one customer ({@code per-customer}) and one client address
 *     ({@code per-address}, an IPv6 address by its /64) may make per {@code period}; both are refilled evenly over the
 *     period
 */
@ConfigurationProperties("siyu.access.consumer")
record ConsumerProperties(@DefaultValue RateLimit rateLimit) {

    record RateLimit(
            @DefaultValue("120") long perCustomer,
            @DefaultValue("1200") long perAddress,
            @DefaultValue("1m") Duration period) {

        RateLimit {
            if (perCustomer < 1 || perAddress < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(
                        "siyu.access.consumer.rate-limit: per-customer and per-address must be at least 1, the period "
                                + "longer than zero");
            }
        }
    }
}
