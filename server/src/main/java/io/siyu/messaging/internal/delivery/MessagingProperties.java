package io.siyu.messaging.internal.delivery;

import io.siyu.messaging.internal.respect.ConsentMode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the messaging module ({@code siyu.messaging.*}, documented in docs/operations.md).
 *
 * @param publicUrl where customers' mail clients and browsers reach Siyu: tracking links and unsubscribe pages
 * @param brandName the sender's name customers see in messages and on the unsubscribe page
 * @param consent what marketing needs from a customer who never decided on a channel
 * @param marketingCategory the consent category that stands for marketing as a whole
 * @param email the e-mail channel
 * @param sms the SMS channel
 * @param dispatch how messages are sent
 */
@ConfigurationProperties("siyu.messaging")
public record MessagingProperties(
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("Siyu") String brandName,
        @DefaultValue("opt-in") ConsentMode consent,
        @DefaultValue("marketing") String marketingCategory,
        @DefaultValue Email email,
        @DefaultValue Sms sms,
        @DefaultValue Dispatch dispatch) {

    /**
     * @param from the sender address, e.g. {@code Brand <news@brand.example>}
     * @param replyTo where replies go, if not to {@code from}
     * @param unsubscribeMailto an address that also takes unsubscribe requests ({@code List-Unsubscribe}), if any
     * @param smtp the SMTP server; without a host, e-mail goes to the sandbox outbox
     */
    public record Email(
            @DefaultValue("Siyu <noreply@siyu.localhost>") String from,
            @Nullable String replyTo,
            @Nullable String unsubscribeMailto,
            @DefaultValue Smtp smtp) {}

    /**
     * @param host the SMTP server; empty sends every e-mail to the sandbox outbox
     * @param startTls upgrade the connection with STARTTLS, and refuse to send without it
     * @param ssl connect with TLS from the start (port 465)
     * @param timeout for connecting, reading and writing
     */
    public record Smtp(
            @Nullable String host,
            @DefaultValue("587") int port,
            @Nullable String username,
            @Nullable String password,
            @DefaultValue("true") boolean startTls,
            @DefaultValue("false") boolean ssl,
            @DefaultValue("10s") Duration timeout) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    /**
     * @param accessKeyId the Alibaba Cloud AccessKey that sends SMS; without it (or its secret), SMS goes to the
     *     sandbox outbox
     * @param accessKeySecret its secret, which signs every request
     * @param endpoint Alibaba Cloud SMS's service address ({@code Dysmsapi}, API version 2017-05-25)
     * @param signName the signature (签名) of templates that name none; it must be approved at the provider
     * @param optOut the words every marketing SMS template must hold, telling customers how to refuse more
     * @param unsubscribeKeywords replies that unsubscribe the customer from SMS (compared trimmed, case-insensitive)
     * @param callbackToken the secret path segment of the receipt and reply addresses given to the provider; without
     *     it, receipts and replies are refused
     * @param timeout for connecting to the provider and for its answer
     * @param batch numbers per request when many messages share a template ({@code SendBatchSms} takes 100 at most)
     */
    public record Sms(
            @Nullable String accessKeyId,
            @Nullable String accessKeySecret,
            @DefaultValue("https://dysmsapi.aliyuncs.com") URI endpoint,
            @Nullable String signName,
            @DefaultValue("拒收请回复R") String optOut,

            @DefaultValue({"T", "TD", "退订", "R", "N", "STOP"})
            List<String> unsubscribeKeywords,

            @Nullable String callbackToken,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("100") int batch) {

        public boolean configured() {
            return accessKeyId != null
                    && !accessKeyId.isBlank()
                    && accessKeySecret != null
                    && !accessKeySecret.isBlank();
        }

        /** Whether the receipt and reply addresses are open: only with a token of at least 16 characters. */
        public boolean callbacksOpen() {
            return callbackToken != null && callbackToken.strip().length() >= 16;
        }
    }

    /**
     * @param workers dispatchers sending at once, each over its own SMTP connection
     * @param batch messages a dispatcher claims and sends over one connection
     * @param maxAttempts attempts before a message that keeps failing is parked
     * @param firstRetry the wait after the first failure; it doubles with each attempt
     * @param inFlightTimeout how long a claimed message may stay unsettled before it is queued again
     */
    public record Dispatch(
            @DefaultValue("6") int workers,
            @DefaultValue("200") int batch,
            @DefaultValue("6") int maxAttempts,
            @DefaultValue("30s") Duration firstRetry,
            @DefaultValue("5m") Duration inFlightTimeout) {}
}
