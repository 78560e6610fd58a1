package io.siyu.messaging.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siyu.messaging.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A channel's rate limit hands its provider one second's messages and spreads the rest over the seconds after. */
class ProviderRateLimitsTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aLimitedChannelGetsOneSecondsMessagesNowAndTheRestSpreadOverTheNextSeconds() {
        var limits = new ProviderRateLimits(new RateLimitProperties(Map.of("sms", 2)));

        var allowance = limits.allow(Channel.SMS, List.of("a", "b", "c", "d", "e"), NOW);

        assertThat(allowance.now()).containsExactly("a", "b");
        assertThat(allowance.later())
                .containsEntry("c", NOW.plusSeconds(1))
                .containsEntry("d", NOW.plusSeconds(1))
                .containsEntry("e", NOW.plusSeconds(2))
                .hasSize(3);
        assertThat(limits.allow(Channel.EMAIL, List.of("x", "y", "z"), NOW).now())
                .as("a channel without a limit")
                .containsExactly("x", "y", "z");
    }

    @Test
    void aLimitNamingNoChannelOrBelowOneStopsTheStartWithTheSetting() {
        assertThatThrownBy(() -> new ProviderRateLimits(new RateLimitProperties(Map.of("fax", 5))))
                .hasMessageContaining("siyu.messaging.rate-limit.per-second.fax");
        assertThatThrownBy(() -> new ProviderRateLimits(new RateLimitProperties(Map.of("sms", 0))))
                .hasMessageContaining("at least 1");
    }
}
