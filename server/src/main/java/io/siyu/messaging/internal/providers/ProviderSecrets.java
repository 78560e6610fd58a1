package io.siyu.messaging.internal.providers;

import com.google.crypto.tink.Aead;
import io.siyu.messaging.Channel;
import io.siyu.shared.SealingKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Seals the credentials operators give a channel's provider (passwords, secrets, keys), as personal data is sealed:
 * AES-256-GCM under the provider keys, each channel's secrets bound to the channel as associated data, so that sealed
 * secrets copied to another channel's row cannot be opened there.
 */
final class ProviderSecrets {

    private final Aead aead;

    ProviderSecrets(Aead aead) {
        this.aead = aead;
    }

    byte[] seal(Channel channel, byte[] secrets) {
        try {
            return aead.encrypt(secrets, associatedData(channel));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secrets sealed for the channel; throws when they were sealed for another or with other keys. */
    byte[] open(Channel channel, byte[] sealed) throws GeneralSecurityException {
        return aead.decrypt(sealed, associatedData(channel));
    }

    private static byte[] associatedData(Channel channel) {
        return ("provider:" + channel.category()).getBytes(StandardCharsets.UTF_8);
    }

    /** The keys from {@code SIYU_PROVIDER_KEYS}, else {@code <data-dir>/keys/provider-keys.json}. */
    @Configuration(proxyBeanMethods = false)
    static class Keys {

        @Bean
        ProviderSecrets providerSecrets(
                ProvidersProperties properties, @Value("${siyu.data-dir:./data}") Path dataDir) {
            return new ProviderSecrets(SealingKeys.open(
                    properties.keys(),
                    dataDir.resolve("keys").resolve("provider-keys.json"),
                    "the provider keys",
                    "without it the providers' credentials saved in the console must be given again"));
        }
    }
}
