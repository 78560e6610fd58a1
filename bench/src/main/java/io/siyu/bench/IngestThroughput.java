package io.siyu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained ingestion through the batch API: {@code connections} clients each send batches of {@code batchSize}
 * messages back to back for {@code seconds}; an event counts once the server acknowledged its batch with 200 (which
 * Siyu sends only after the commit).
 */
public final class IngestThroughput {

    public record Result(long events, double seconds, long failures) {
        double perSecond() {
            return events / seconds;
        }
    }

    public static Result run(String url, String writeKey, int connections, int batchSize, int seconds, String runId)
            throws Exception {
        var messages = new Messages(runId, 200_000);
        var auth = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        var acknowledged = new AtomicLong();
        var failures = new AtomicLong();
        var client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        var started = System.nanoTime();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                var seed = c;
                workers.submit(() -> {
                    var random = new SplittableRandom(seed);
                    while (System.nanoTime() < deadline) {
                        var body = messages.batch(random, batchSize);
                        var request = HttpRequest.newBuilder(URI.create(url + "/v1/batch"))
                                .header("Authorization", auth)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build();
                        try {
                            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200) {
                                acknowledged.addAndGet(batchSize);
                            } else {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        var elapsed = (System.nanoTime() - started) / 1e9;
        return new Result(acknowledged.get(), elapsed, failures.get());
    }

    public static void main(String[] args) throws Exception {
        var url = args.length > 0 ? args[0] : "http://localhost:8080";
        var key = args.length > 1 ? args[1] : System.getenv("SIYU_WRITE_KEY");
        var connections = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        var seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        var result = run(url, key, connections, 100, seconds, Long.toHexString(System.nanoTime()));
        System.out.printf(
                "%d events acknowledged in %.1f s: %.0f events/s, %d failed requests%n",
                result.events(), result.seconds(), result.perSecond(), result.failures());
    }
}
