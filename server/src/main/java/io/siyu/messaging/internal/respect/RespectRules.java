package io.siyu.messaging.internal.respect;

import io.siyu.messaging.Channel;
import io.siyu.messaging.Purpose;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether one message may be sent, and if not, why. In order: the customer must have an address for the channel and
 * must not be suppressed on it; a marketing message also needs the channel's consent category (granted, or in
 * {@link ConsentMode#OPT_OUT} mode at least not denied; on a channel whose use is consent, such as a subscription
 * granted in the mini-program, not denied) and the marketing category not denied. Transactional messages
 * need no consent: the customer asked for them by placing an order or an account.
 */
public final class RespectRules {

    /** Why a message was not sent, as the ledger records it. */
    public static final String NO_ADDRESS = "no-address";

    public static final String SUPPRESSED = "suppressed";
    public static final String CONSENT_DENIED = "consent-denied";
    public static final String CONSENT_MISSING = "consent-missing";

    private RespectRules() {}

    /**
     * The reason a message must not be sent, empty when it may.
     *
     * @param consents the customer's decisions per category (absent: never decided)
     * @param marketingCategory the category that stands for marketing as a whole
     */
    public static Optional<String> refusal(
            Purpose purpose,
            Channel channel,
            @Nullable String address,
            boolean suppressed,
            Map<String, Boolean> consents,
            String marketingCategory,
            ConsentMode mode) {
        if (address == null || address.isBlank()) {
            return Optional.of(NO_ADDRESS);
        }
        if (suppressed) {
            return Optional.of(SUPPRESSED);
        }
        if (purpose == Purpose.TRANSACTIONAL) {
            return Optional.empty();
        }
        var onChannel = consents.get(channel.category());
        if (Boolean.FALSE.equals(onChannel) || Boolean.FALSE.equals(consents.get(marketingCategory))) {
            return Optional.of(CONSENT_DENIED);
        }
        if (mode == ConsentMode.OPT_IN && !Boolean.TRUE.equals(onChannel) && !channel.consentByUse()) {
            return Optional.of(CONSENT_MISSING);
        }
        return Optional.empty();
    }
}
