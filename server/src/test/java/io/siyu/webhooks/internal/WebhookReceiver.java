package io.siyu.webhooks.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A shop's webhook receiver for tests: a real HTTP server on this machine that records every request and answers
 * with the statuses it was told to give, in order (200 once they run out).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String id, String timestamp, String signature, String contentType, String body) {}

    /** An answer to give: status, headers and body. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public static Answer of(int status) {
            return new Answer(status, Map.of(), "");
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() throws IOException {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var receiver = new WebhookReceiver(server);
        server.createContext("/hooks", exchange -> {
            var headers = exchange.getRequestHeaders();
            receiver.received.add(new Received(
                    headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"),
                    headers.getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            var answer = receiver.script.poll();
            if (answer == null) {
                answer = Answer.of(200);
            }
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            var body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return receiver;
    }

    /** The URL endpoints register. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/siyu";
    }

    /** Answers the next requests with these, in order. */
    public WebhookReceiver answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until at least {@code count} requests have arrived, and answers them. */
    public List<Received> await(int count) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (received.size() < count) {
            throw new AssertionError("expected " + count + " requests, got " + received);
        }
        return received();
    }

    /**
     * Verifies a request as a receiver would (docs/webhooks.md): the HMAC-SHA256 of {@code id.timestamp.body} under
     * the secret's bytes, compared in constant time with each {@code v1} signature of the header.
     */
    public static boolean verified(Received request, String secret) {
        try {
            var key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            var expected = mac.doFinal(
                    (request.id() + "." + request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8));
            var matched = new ArrayList<Boolean>();
            for (var signature : request.signature().split(" ")) {
                if (signature.startsWith("v1,")) {
                    matched.add(
                            MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3))));
                }
            }
            return matched.contains(true);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
