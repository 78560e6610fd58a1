package io.siyu.access;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The shop's customer calling the consumer API ({@code /consumer/...}) with a token the shop's backend signed: the
 * principal of such a request, which handlers receive with {@code @AuthenticationPrincipal ConsumerCaller caller}.
 *
 * @param subject the shop's user id of the customer (the token's {@code sub}), as the tracking API knows it in
 *     {@code userId}
 * @param keyId the id of the shop's key that signed the token ({@code kid})
 * @param tokenId the token's own id ({@code jti}); every write carries one, used once; reads may leave it out
 * @param expiresAt when the token expires ({@code exp})
 */
public record ConsumerCaller(
        String subject, String keyId, @Nullable String tokenId, Instant expiresAt) {

    /** The authority every consumer request has, and no operator or write key has. */
    public static final String AUTHORITY = "consumer";

    /** The customer calling the current request, if it is a consumer request. */
    public static Optional<ConsumerCaller> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ConsumerCaller caller
                ? Optional.of(caller)
                : Optional.empty();
    }

    /** Names no one in logs: the subject is the shop's user id of a customer. */
    @Override
    public String toString() {
        return "consumer(key " + keyId + ")";
    }
}
