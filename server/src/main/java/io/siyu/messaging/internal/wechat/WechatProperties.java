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

        /**
         * The Token (令牌) of the app's message push (消息推送) in WeChat's back office: WeChat signs each push with
         * it, and it is the secret part of the address the pushes go to; none, and the app's pushes are not taken.
         */
        @Nullable
        String pushToken();

        /**
         * The EncodingAESKey (消息加解密密钥) of the app's message push, for its safe mode (安全模式): 43 letters and
         * digits; none, and only plaintext pushes are taken.
         */
        @Nullable
        String encodingAesKey();

        /** Whether the app takes WeChat's pushes: it has a push token. */
        default boolean pushOpen() {
            return pushToken() != null && !pushToken().isBlank();
        }

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
     * @param pushToken the Token of its message push
     * @param encodingAesKey the EncodingAESKey of its message push, for the safe mode
     */
    public record MiniProgram(
            @Nullable String appId,
            @Nullable String appSecret,
            @Nullable String pushToken,
            @Nullable String encodingAesKey)
            implements App {

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
     * @param pushToken the Token of its message push
     * @param encodingAesKey the EncodingAESKey of its message push, for the safe mode
     */
    public record OfficialAccount(
            @Nullable String appId,
            @Nullable String appSecret,
            @Nullable String miniProgramAppId,
            @Nullable String pushToken,
            @Nullable String encodingAesKey)
            implements App {

        @Override
        public String toString() {
            return "OfficialAccount[appId=" + appId + ", miniProgramAppId=" + miniProgramAppId + "]";
        }
    }
}
