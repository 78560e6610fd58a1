package io.siyu.messaging.internal.delivery;

import io.github.bucket4j.Bucket;
import io.siyu.messaging.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Keeps each channel's provider under its rate limit ({@link RateLimitProperties}): a dispatcher hands a provider only
 * as many messages as the channel's bucket allows now, and queues the rest again for the seconds in which the bucket
 * will allow them, spread so that they do not all come back at once. Waiting for the limit is not an attempt, and a
 * message is never refused for it. The buckets hold one second's messages and refill evenly; each node has its own.
 */
@Component
public class ProviderRateLimits {

    private final Map<Channel, Integer> perSecond = new EnumMap<>(Channel.class);
    private final Map<Channel, Bucket> buckets = new EnumMap<>(Channel.class);

    ProviderRateLimits(RateLimitProperties properties) {
        properties.perSecond().forEach((name, limit) -> {
            Channel channel;
            try {
                channel = Channel.parse("channel", name);
            } catch (io.siyu.shared.InvalidInputException e) {
                throw new IllegalArgumentException("siyu.messaging.rate-limit.per-second." + name
                        + " names no channel; channels are " + java.util.Arrays.toString(Channel.values()));
            }
            if (limit == null || limit < 1) {
                throw new IllegalArgumentException(
                        "siyu.messaging.rate-limit.per-second." + name + " must be at least 1 message per second");
            }
            perSecond.put(channel, limit);
            buckets.put(
                    channel,
                    Bucket.builder()
                            .addLimit(l -> l.capacity(limit).refillGreedy(limit, Duration.ofSeconds(1)))
                            .build());
        });
    }

    /** What a channel's limit lets through now, and when each of the others may go. */
    public record Allowance<T>(List<T> now, Map<T, Instant> later) {}

    /** Splits a channel's messages into those the provider may be handed now and those to queue again, with when. */
    public <T> Allowance<T> allow(Channel channel, List<T> messages, Instant now) {
        var bucket = buckets.get(channel);
        if (bucket == null || messages.isEmpty()) {
            return new Allowance<>(messages, Map.of());
        }
        var granted = (int) bucket.tryConsumeAsMuchAsPossible(messages.size());
        var later = new HashMap<T, Instant>();
        var rate = perSecond.get(channel);
        for (int i = granted; i < messages.size(); i++) {
            var seconds = (i - granted) / rate + 1;
            later.put(messages.get(i), now.plusSeconds(seconds));
        }
        return new Allowance<>(messages.subList(0, granted), later);
    }

    /** The limits in force, for the console and the documentation: messages per second per channel. */
    public Map<Channel, Integer> limits() {
        return Map.copyOf(perSecond);
    }
}
