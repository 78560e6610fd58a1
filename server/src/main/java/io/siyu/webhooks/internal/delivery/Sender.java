package io.siyu.webhooks.internal.delivery;

import io.siyu.webhooks.internal.WebhooksProperties;
import io.siyu.webhooks.internal.endpoints.AddressPolicy;
import io.siyu.webhooks.internal.endpoints.EndpointUrl;
import io.siyu.webhooks.internal.endpoints.Endpoints.Target;
import java.io.IOException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Makes one attempt of a delivery: checks where the endpoint's host leads now, signs the body with the endpoint's
 * secrets and posts it with the Standard Webhooks headers, within the connect and read timeouts; redirects are not
 * followed. Answers the {@link Verdict} and the start of the receiver's answer.
 */
@Component
class Sender {

    private final HttpClient client;
    private final AddressPolicy policy;
    private final WebhooksProperties properties;
    private final Clock clock;

    Sender(AddressPolicy policy, WebhooksProperties properties, Clock clock) {
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** What one attempt came to. */
    record Attempt(Verdict verdict, @Nullable String excerpt) {}

    Attempt send(Target target, WebhookOutbox.Claimed delivery) {
        try {
            var refusal = policy.refusal(EndpointUrl.host(target.url()));
            if (refusal.isPresent()) {
                return new Attempt(Verdict.refused(refusal.get()), null);
            }
        } catch (UnknownHostException e) {
            return new Attempt(new Verdict(Verdict.Kind.RETRY, null, "the host does not resolve", null), null);
        }
        var timestamp = clock.instant().getEpochSecond();
        var request = HttpRequest.newBuilder(target.url())
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Siyu-Webhooks/1")
                .header("webhook-id", delivery.idempotencyKey())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header(
                        "webhook-signature",
                        Signature.header(target.secrets(), delivery.idempotencyKey(), timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                .build();
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (var body = response.body()) {
                excerpt = excerpt(body.readNBytes(WebhookOutbox.EXCERPT * 4));
            }
            var verdict = Verdict.of(
                    response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    clock.instant());
            return new Attempt(verdict, excerpt);
        } catch (IOException e) {
            return new Attempt(Verdict.of(e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(new Verdict(Verdict.Kind.RETRY, null, "interrupted while sending", null), null);
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
