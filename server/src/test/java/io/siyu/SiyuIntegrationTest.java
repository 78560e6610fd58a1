package io.siyu;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port against a real PostgreSQL, with the bootstrap credentials of
 * {@link TestCredentials}. Tests share one such application; they use their own ids so that they never depend on
 * each other's rows. They reach it through {@link SiyuUnderTest}, or with {@link HttpFixtures} on its port.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "siyu.bootstrap.admin-password=" + TestCredentials.ADMIN_PASSWORD,
            "siyu.bootstrap.write-key=" + TestCredentials.WRITE_KEY,
            "siyu.bootstrap.api-token=" + TestCredentials.API_TOKEN,
            "siyu.demo.enabled=false",
            // tests send marketing at whatever hour they run; the tests of quiet hours switch them on
            "siyu.messaging.respect.quiet-hours=off",
            // the receivers webhook tests start listen on this machine, which endpoints may not reach by default
            "siyu.webhooks.allowed-networks=127.0.0.0/8",
            // as behind the TLS proxy of docs/operations.md: tests pose as clients and proxies with X-Forwarded-*
            "server.forward-headers-strategy=native"
        })
@Import(SiyuUnderTest.class)
public @interface SiyuIntegrationTest {}
