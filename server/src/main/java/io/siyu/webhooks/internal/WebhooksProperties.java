package io.siyu.webhooks.internal;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the webhooks module ({@code siyu.webhooks.*}, documented in docs/operations.md).
 *
 * @param keys the Tink keyset sealing signing secrets, as JSON ({@code SIYU_WEBHOOK_KEYS}); when unset it is read from,
 *     or generated into, {@code <data-dir>/keys/webhook-keys.json}
 * @param allowedNetworks networks (CIDR, e.g. {@code 10.0.0.0/8}) that endpoints may reach although they are private,
 *     loopback or link-local; empty refuses every such address
 * @param connectTimeout for connecting to an endpoint
 * @param readTimeout for the endpoint's answer once the request is sent
 * @param maxAttempts attempts before a delivery that keeps failing in a way that may pass is parked
 * @param firstRetry the wait after the first failed attempt; it doubles with each attempt
 * @param inFlightTimeout how long a claimed delivery may stay unsettled before it is queued again
 * @param previousSecretGrace how long a rotated-out secret keeps signing beside the new one
 * @param workers senders working at once
 * @param batch deliveries a sender claims at a time
 */
@ConfigurationProperties("siyu.webhooks")
public record WebhooksProperties(
        @Nullable String keys,
        @DefaultValue List<String> allowedNetworks,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("5m") Duration inFlightTimeout,
        @DefaultValue("24h") Duration previousSecretGrace,
        @DefaultValue("4") int workers,
        @DefaultValue("20") int batch) {}
