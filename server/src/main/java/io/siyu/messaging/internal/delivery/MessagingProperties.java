package io.siyu.messaging.internal.delivery;

import io.siyu.messaging.internal.respect.ConsentMode;
import java.time.Duration;
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
 * @param dispatch how messages are sent
 */
@ConfigurationProperties("siyu.messaging")
public record MessagingProperties(
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("Siyu") String brandName,
        @DefaultValue("opt-in") ConsentMode consent,
        @DefaultValue("marketing") String marketingCategory,
        @DefaultValue Email email,
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
     * @param workers dispatchers sending at once, each over its own SMTP connection
     * @param batch messages a dispatcher claims and sends over one connection
     * @param maxAttempts attempts before a message that keeps failing is parked
     * @param firstRetry the wait after the first failure; it doubles with each attempt
     * @param inFlightTimeout how long a claimed message may stay unsettled before it is queued again
     */
    public record Dispatch(
            @DefaultValue("4") int workers,
            @DefaultValue("100") int batch,
            @DefaultValue("6") int maxAttempts,
            @DefaultValue("30s") Duration firstRetry,
            @DefaultValue("5m") Duration inFlightTimeout) {}
}
