package io.siyu.platform.internal;

import io.siyu.shared.PersonalData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What counts as a phone number or an e-mail address, for the brand's region ({@code SIYU_PHONE_REGION}). */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    @Bean
    PersonalData personalData(@Value("${siyu.phone-region:CN}") String region) {
        return new PersonalData(region);
    }
}
