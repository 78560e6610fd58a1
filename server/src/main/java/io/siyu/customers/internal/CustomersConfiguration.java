package io.siyu.customers.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CustomersConfiguration {

    @Bean
    PersonalDataVault personalDataVault(CustomersProperties properties, JsonMapper json, IdentityRules rules) {
        return PersonalDataVault.open(
                properties.personalDataKeys(),
                properties.dataDir().resolve("keys").resolve("personal-data-keys.json"),
                json,
                rules.personalData());
    }

    @Bean
    IdentityRules identityRules(CustomersProperties properties) {
        return new IdentityRules(properties.phoneRegion());
    }
}
