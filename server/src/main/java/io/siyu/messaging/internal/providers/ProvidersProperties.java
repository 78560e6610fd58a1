package io.siyu.messaging.internal.providers;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the providers' settings ({@code siyu.messaging.providers.*}, documented in docs/operations.md).
 *
 * @param keys the Tink keyset sealing the providers' credentials saved in the console, as JSON
 *     ({@code SIYU_PROVIDER_KEYS}); when unset it is read from, or generated into,
 *     {@code <data-dir>/keys/provider-keys.json}
 * @param refresh how long a node keeps a channel's saved settings before reading them again, so that a change saved
 *     on another node holds here too; the node that saves them uses them at once
 */
@ConfigurationProperties("siyu.messaging.providers")
public record ProvidersProperties(
        @Nullable String keys, @DefaultValue("10s") Duration refresh) {}
