package io.siyu.webhooks.internal;

import io.siyu.webhooks.internal.endpoints.AddressPolicy;
import io.siyu.webhooks.internal.endpoints.SigningSecrets;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhooks module's keys and address policy, from its settings. */
@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

    @Bean
    SigningSecrets signingSecrets(WebhooksProperties properties, @Value("${siyu.data-dir:./data}") Path dataDir) {
        return SigningSecrets.open(properties.keys(), dataDir.resolve("keys").resolve("webhook-keys.json"));
    }

    @Bean
    AddressPolicy addressPolicy(WebhooksProperties properties) {
        return new AddressPolicy(properties.allowedNetworks());
    }
}
