package io.siyu.messaging.internal.wechat;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the WeChat channels ({@code siyu.messaging.wechat.*}, documented in docs/operations.md). Secrets come
 * from the environment only and are never logged.
 *
 * @param miniProgram the mini-program that sends subscribe messages; without it, they go to the sandbox outbox
 * @param officialAccount the official account that sends template messages; without it, they go to the sandbox outbox
 * @param endpoint WeChat's server API
 * @param miniprogramState which version of the mini-program a subscribe message opens: {@code formal} (the released
 *     one), {@code trial} or {@code developer}
 * @param lang the language of the subscribe message's frame in WeChat: {@code zh_CN}, {@code en_US}, {@code zh_HK} or
 *     {@code zh_TW}
 * @param timeout for connecting to WeChat and for its answer
 */
@ConfigurationProperties("siyu.messaging.wechat")
public record WechatProperties(
        @DefaultValue MiniProgram miniProgram,
        @DefaultValue OfficialAccount officialAccount,
        @DefaultValue("https://api.weixin.qq.com") URI endpoint,
        @DefaultValue("formal") String miniprogramState,
        @DefaultValue("zh_CN") String lang,
        @DefaultValue("10s") Duration timeout) {

    /**
     * Where and how long an app's calls go: the API address and timeout of the app's channel saved in the console, else
     * the environment's {@code endpoint} and {@code timeout}.
     */
    public record Api(URI endpoint, Duration timeout) {}

    /** An app of the brand at WeChat, as its back office names it. */
    public interface App {

        @Nullable
        String appId();

        @Nullable
        String appSecret();

        default boolean configured() {
            return appId() != null
                    && !appId().isBlank()
                    && appSecret() != null
                    && !appSecret().isBlank();
        }
    }

    /**
     * @param appId the mini-program's AppID
     * @param appSecret its AppSecret
     */
    public record MiniProgram(
            @Nullable String appId, @Nullable String appSecret) implements App {

        @Override
        public String toString() {
            return "MiniProgram[appId=" + appId + "]";
        }
    }

    /**
     * @param appId the official account's AppID
     * @param appSecret its AppSecret
     * @param miniProgramAppId the mini-program whose page a template message opens ({@code miniprogram.appid}), if
     *     any; it must be linked to the official account
     */
    public record OfficialAccount(
            @Nullable String appId,
            @Nullable String appSecret,
            @Nullable String miniProgramAppId) implements App {

        @Override
        public String toString() {
            return "OfficialAccount[appId=" + appId + ", miniProgramAppId=" + miniProgramAppId + "]";
        }
    }
}
