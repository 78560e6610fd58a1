package io.siyu.webhooks.internal.delivery;

import io.siyu.webhooks.internal.WebhooksProperties;
import io.siyu.webhooks.internal.endpoints.AddressPolicy;
import io.siyu.webhooks.internal.endpoints.Endpoints.Target;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Makes one attempt of a delivery: signs the body with the endpoint's
 * secrets and posts it with the Standard Webhooks headers, within the connect and read timeouts and an overall
 * deadline; redirects are not followed. Answers the {@link Verdict} and the start of the receiver's answer.
 *
 * <p>The connection goes only to addresses the {@link AddressPolicy} allows: the client resolves the host through a
 * {@link CheckedResolver}, once per connection, so the addresses it connects to are the ones it checked, whatever the
 * name answers a moment before or after (DNS rebinding); a refusal names the address for an operator.
 */
@Component
class Sender {

    /** UTF-8 by definition (RFC 8259), so named without a charset, as receivers expect it. */
    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpClient client;
    private final WebhooksProperties properties;
    private final Clock clock;
    private final Duration deadline;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("siyu-webhooks-deadline").factory());

    Sender(AddressPolicy policy, WebhooksProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        // the read timeout bounds each wait for bytes; this one bounds connecting and the whole answer's start
        this.deadline =
                properties.connectTimeout().plus(properties.readTimeout()).plusSeconds(1);
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckedResolver(policy))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.readTimeout()))
                        .build())
                .setMaxConnTotal(Math.max(2, properties.batch()))
                .setMaxConnPerRoute(Math.max(2, properties.batch()))
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(properties.connectTimeout()))
                        .setResponseTimeout(Timeout.of(properties.readTimeout()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    @PreDestroy
    void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    /** What one attempt came to. */
    record Attempt(Verdict verdict, @Nullable String excerpt) {}

    Attempt send(Target target, WebhookOutbox.Claimed delivery) {
        var timestamp = clock.instant().getEpochSecond();
        var request = new HttpPost(target.url());
        request.setHeader("User-Agent", "Siyu-Webhooks/1");
        request.setHeader("webhook-id", delivery.idempotencyKey());
        request.setHeader("webhook-timestamp", Long.toString(timestamp));
        request.setHeader(
                "webhook-signature",
                Signature.header(target.secrets(), delivery.idempotencyKey(), timestamp, delivery.body()));
        request.setEntity(new ByteArrayEntity(delivery.body().getBytes(StandardCharsets.UTF_8), JSON));
        var late = new AtomicBoolean();
        var alarm = deadlines.schedule(
                () -> {
                    late.set(true);
                    request.cancel();
                },
                deadline.toMillis(),
                TimeUnit.MILLISECONDS);
        org.apache.hc.core5.http.ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, request, null);
            var retryAfter = response.getFirstHeader("Retry-After");
            var verdict =
                    Verdict.of(response.getCode(), retryAfter == null ? null : retryAfter.getValue(), clock.instant());
            var start = start(response);
            // the rest of the answer is not read: the connection is dropped, not kept for another delivery
            request.cancel();
            return new Attempt(verdict, excerpt(start));
        } catch (CheckedResolver.Refused e) {
            return new Attempt(Verdict.refused(e.getMessage()), null);
        } catch (UnknownHostException e) {
            return new Attempt(new Verdict(Verdict.Kind.RETRY, null, "the host does not resolve", null), null);
        } catch (IOException e) {
            if (late.get()) {
                return new Attempt(new Verdict(Verdict.Kind.RETRY, null, "no answer in time", null), null);
            }
            return new Attempt(Verdict.of(e), null);
        } finally {
            alarm.cancel(false);
            closeQuietly(response);
        }
    }

    /** The first bytes of an answer's body, as many as came before the body ended, failed or reached the limit. */
    private static byte[] start(org.apache.hc.core5.http.ClassicHttpResponse response) {
        var entity = response.getEntity();
        if (entity == null) {
            return new byte[0];
        }
        var start = new java.io.ByteArrayOutputStream();
        var buffer = new byte[1024];
        try {
            var body = entity.getContent();
            while (start.size() < WebhookOutbox.EXCERPT * 4) {
                var read = body.read(buffer, 0, Math.min(buffer.length, WebhookOutbox.EXCERPT * 4 - start.size()));
                if (read < 0) {
                    break;
                }
                start.write(buffer, 0, read);
            }
        } catch (IOException e) {
            // what came is kept: the status already tells how the receiver took the delivery
        }
        return start.toByteArray();
    }

    private static void closeQuietly(org.apache.hc.core5.http.@Nullable ClassicHttpResponse response) {
        if (response == null) {
            return;
        }
        try {
            response.close();
        } catch (IOException e) {
            // the connection was dropped on purpose
        }
    }

    /** The start of an answer as text, without NUL characters (PostgreSQL's text cannot hold them); null when empty. */
    static @Nullable String excerpt(byte[] bytes) {
        var text =
                new String(bytes, StandardCharsets.UTF_8).replace("\u0000", "").strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > WebhookOutbox.EXCERPT ? text.substring(0, WebhookOutbox.EXCERPT) + "…" : text;
    }
}
