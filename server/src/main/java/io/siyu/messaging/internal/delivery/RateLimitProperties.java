package io.siyu.messaging.internal.delivery;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The most messages per second each channel's provider is handed by one Siyu process ({@code
 * siyu.messaging.rate-limit.per-second.<channel>}, e.g. {@code SIYU_MESSAGING_RATE_LIMIT_PER_SECOND_SMS=50}); a
 * channel not named is not limited. Set it to the provider's own limit (divided by the number of nodes), so that a
 * broadcast never meets the provider's refusals.
 */
@ConfigurationProperties("siyu.messaging.rate-limit")
public record RateLimitProperties(@DefaultValue Map<String, Integer> perSecond) {}
