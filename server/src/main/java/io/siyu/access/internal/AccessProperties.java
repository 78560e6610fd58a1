package io.siyu.access.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a fresh installation gets its first credentials, all from the environment.
 *
 * @param bootstrap {@code SIYU_BOOTSTRAP_ADMIN_PASSWORD}, {@code SIYU_BOOTSTRAP_WRITE_KEY},
 *     {@code SIYU_BOOTSTRAP_API_TOKEN}
 * @param demo {@code SIYU_DEMO_ENABLED}: create the demo team with the documented demo password
 * @param publicUrl where people reach the console, for the messages Siyu prints
 */
@ConfigurationProperties("siyu")
record AccessProperties(
        Bootstrap bootstrap,
        Demo demo,
        @DefaultValue("http://localhost:8080") String publicUrl) {

    record Bootstrap(String adminPassword, String writeKey, String apiToken) {}

    record Demo(@DefaultValue("false") boolean enabled) {}

    AccessProperties {
        bootstrap = bootstrap == null ? new Bootstrap(null, null, null) : bootstrap;
        demo = demo == null ? new Demo(false) : demo;
    }
}
