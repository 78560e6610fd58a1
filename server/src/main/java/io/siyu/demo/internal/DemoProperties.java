package io.siyu.demo.internal;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo brand ({@code siyu.demo.*}).
 *
 * @param enabled load the demo brand on first start ({@code SIYU_DEMO})
 * @param seed the seed of the generator ({@code SIYU_DEMO_SEED})
 * @param customers how many customers ({@code SIYU_DEMO_CUSTOMERS})
 * @param liveTraffic once loaded, publish the lifecycle journeys and keep the shop busy with live sign-ups, visits,
 *     carts and orders every few seconds ({@code SIYU_DEMO_LIVE_TRAFFIC})
 */
@ConfigurationProperties("siyu.demo")
record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("2026") long seed,
        @DefaultValue("20000") int customers,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("true") boolean liveTraffic) {}
