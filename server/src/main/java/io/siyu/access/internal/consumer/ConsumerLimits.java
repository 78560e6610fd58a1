package io.siyu.access.internal.consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.siyu.access.internal.operators.ClientNetworks;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How often the consumer API may be called: per customer (the token's subject) and per client address, each a token
 * bucket of Bucket4j that holds a period's requests and refills them evenly over the period.
 *
 * <p>Buckets live in this node's memory, so with several nodes behind a load balancer each allows its share again; the
 * limit is there to keep one hostile customer or address from flooding Siyu, not to count exactly. A bucket unused for
 * a period is full again and is forgotten, so memory holds only the callers of the last period (at most
 * {@value #MAX_BUCKETS} of each kind; beyond that the least recently used are forgotten, which errs on the side of
 * the caller). The time comes from the application's clock.
 */
@Component
public class ConsumerLimits {

    static final int MAX_BUCKETS = 100_000;

    private final ConsumerProperties.RateLimit settings;
    private final TimeMeter time;
    private final Cache<String, Bucket> customers;
    private final Cache<String, Bucket> addresses;

    ConsumerLimits(ConsumerProperties properties, Clock clock) {
        this.settings = properties.rateLimit();
        this.time = new ClockTime(clock);
        this.customers = buckets();
        this.addresses = buckets();
    }

    /** Takes one request of a customer's allowance: empty if it is granted, else how long until the next one is. */
    public Optional<Duration> takeForCustomer(String subject) {
        return take(customers, subject, settings.perCustomer());
    }

    /** Takes one request of a client address's allowance (an IPv6 address by its /64 network). */
    public Optional<Duration> takeForAddress(String address) {
        return take(addresses, ClientNetworks.of(address), settings.perAddress());
    }

    private Optional<Duration> take(Cache<String, Bucket> buckets, String key, long capacity) {
        var bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, settings.period()))
                        .withCustomTimePrecision(time)
                        .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Cache<String, Bucket> buckets() {
        return Caffeine.newBuilder()
                .expireAfterAccess(settings.period())
                .maximumSize(MAX_BUCKETS)
                .build();
    }

    /** The application's clock as Bucket4j reads time. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            var now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
