package io.siyu.messaging.internal.push;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of app push ({@code siyu.messaging.push.*}, documented in docs/operations.md).
 *
 * @param appKey the JPush application's AppKey; without it (or the master secret), push goes to the sandbox outbox
 * @param masterSecret its Master Secret, which authenticates every request (HTTP Basic, with the app key)
 * @param endpoint JPush's Push API address ({@code https://bjapi.push.jiguang.cn} for apps in the Beijing data centre)
 * @param apnsProduction send iOS notifications through Apple's production service; false for development builds
 * @param timeToLive how long JPush keeps a notification for a device that is offline (at most 10 days; 0 keeps none)
 * @param timeout for connecting to JPush and for its answer
 */
@ConfigurationProperties("siyu.messaging.push")
public record PushSettings(
        @Nullable String appKey,
        @Nullable String masterSecret,
        @DefaultValue("https://api.jpush.cn") URI endpoint,
        @DefaultValue("true") boolean apnsProduction,
        @DefaultValue("1d") Duration timeToLive,
        @DefaultValue("10s") Duration timeout) {

    /** JPush keeps an offline notification for 10 days at most. */
    static final Duration MAX_TIME_TO_LIVE = Duration.ofDays(10);

    public boolean configured() {
        return appKey != null && !appKey.isBlank() && masterSecret != null && !masterSecret.isBlank();
    }

    /** The time to live in seconds, as JPush takes it, within its bounds. */
    long timeToLiveSeconds() {
        var seconds = timeToLive.toSeconds();
        return Math.max(0, Math.min(seconds, MAX_TIME_TO_LIVE.toSeconds()));
    }
}
