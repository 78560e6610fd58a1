package io.siyu.webhooks.internal.delivery;

import io.siyu.webhooks.internal.WebhooksProperties;
import io.siyu.webhooks.internal.endpoints.AddressPolicy;
import io.siyu.webhooks.internal.endpoints.EndpointUrl;
import io.siyu.webhooks.internal.endpoints.Endpoints.Target;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private final Duration deadline;

    Sender(AddressPolicy policy, WebhooksProperties properties, Clock clock) {
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
        // the request's timeout ends at the answer's headers; this one also bounds connecting and the body's start
        this.deadline =
                properties.connectTimeout().plus(properties.readTimeout()).plusSeconds(1);
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
        var answer = client.sendAsync(request, info -> new Excerpt(WebhookOutbox.EXCERPT * 4));
        try {
            var response = answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            var verdict = Verdict.of(
                    response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    clock.instant());
            return new Attempt(verdict, excerpt(response.body()));
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new Attempt(Verdict.of(new HttpTimeoutException("the answer took too long")), null);
        } catch (ExecutionException e) {
            return new Attempt(
                    Verdict.of(e.getCause() instanceof IOException io ? io : new IOException(e.getCause())), null);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return new Attempt(new Verdict(Verdict.Kind.RETRY, null, "interrupted while sending", null), null);
        }
    }

    /**
     * Takes the first {@code limit} bytes of an answer's body and lets go of the rest, so that a receiver sending a
     * large or endless body costs neither memory nor time.
     */
    static final class Excerpt implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;
        private Flow.@Nullable Subscription subscription;

        Excerpt(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (var buffer : buffers) {
                var chunk = new byte[Math.min(buffer.remaining(), limit - bytes.size())];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
            if (bytes.size() >= limit) {
                Objects.requireNonNull(subscription).cancel();
                body.complete(bytes.toByteArray());
            } else {
                Objects.requireNonNull(subscription).request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
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
