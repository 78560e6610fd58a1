package io.siyu.messaging.internal.respect;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.messaging.Channel;
import io.siyu.messaging.Purpose;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RespectRulesTests {

    private static Optional<String> marketing(Map<String, Boolean> consents, ConsentMode mode) {
        return RespectRules.refusal(
                Purpose.MARKETING, Channel.EMAIL, "a@example.com", false, consents, "marketing", mode);
    }

    @Test
    void optInMarketingNeedsTheChannelGranted() {
        assertThat(marketing(Map.of(), ConsentMode.OPT_IN)).hasValue(RespectRules.CONSENT_MISSING);
        assertThat(marketing(Map.of("sms", true), ConsentMode.OPT_IN)).hasValue(RespectRules.CONSENT_MISSING);
        assertThat(marketing(Map.of("email", true), ConsentMode.OPT_IN)).isEmpty();
    }

    @Test
    void optOutMarketingGoesUnlessDenied() {
        assertThat(marketing(Map.of(), ConsentMode.OPT_OUT)).isEmpty();
        assertThat(marketing(Map.of("email", false), ConsentMode.OPT_OUT)).hasValue(RespectRules.CONSENT_DENIED);
    }

    @Test
    void denyingMarketingAsAWholeStopsEveryChannel() {
        assertThat(marketing(Map.of("email", true, "marketing", false), ConsentMode.OPT_IN))
                .hasValue(RespectRules.CONSENT_DENIED);
        assertThat(marketing(Map.of("marketing", false), ConsentMode.OPT_OUT)).hasValue(RespectRules.CONSENT_DENIED);
    }

    @Test
    void transactionalNeedsAnAddressAndNoSuppressionOnly() {
        assertThat(RespectRules.refusal(
                        Purpose.TRANSACTIONAL,
                        Channel.EMAIL,
                        "a@example.com",
                        false,
                        Map.of("email", false, "marketing", false),
                        "marketing",
                        ConsentMode.OPT_IN))
                .isEmpty();
        assertThat(RespectRules.refusal(
                        Purpose.TRANSACTIONAL,
                        Channel.EMAIL,
                        "a@example.com",
                        true,
                        Map.of(),
                        "marketing",
                        ConsentMode.OPT_IN))
                .hasValue(RespectRules.SUPPRESSED);
        assertThat(RespectRules.refusal(
                        Purpose.TRANSACTIONAL, Channel.EMAIL, null, false, Map.of(), "marketing", ConsentMode.OPT_IN))
                .hasValue(RespectRules.NO_ADDRESS);
    }

    @Test
    void suppressionWinsOverGrantedConsent() {
        assertThat(RespectRules.refusal(
                        Purpose.MARKETING,
                        Channel.EMAIL,
                        "a@example.com",
                        true,
                        Map.of("email", true),
                        "marketing",
                        ConsentMode.OPT_IN))
                .hasValue(RespectRules.SUPPRESSED);
    }
}
