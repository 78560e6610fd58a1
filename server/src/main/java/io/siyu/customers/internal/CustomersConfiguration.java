package io.siyu.customers.internal;

import io.siyu.customers.internal.identity.IdentityRules;
import io.siyu.customers.internal.vault.CustomersProperties;
import io.siyu.customers.internal.vault.PersonalDataVault;
import io.siyu.shared.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CustomersConfiguration {

    @Bean
    PersonalDataVault personalDataVault(CustomersProperties properties, JsonMapper json, PersonalData personalData) {
        return PersonalDataVault.open(
                properties.personalDataKeys(),
                properties.dataDir().resolve("keys").resolve("personal-data-keys.json"),
                json,
                personalData);
    }

    @Bean
    IdentityRules identityRules(PersonalData personalData) {
        return new IdentityRules(personalData);
    }
}
