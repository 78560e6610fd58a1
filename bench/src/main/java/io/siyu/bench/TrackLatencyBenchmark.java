package io.siyu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Figure: a single {@code track} call answers within 25 ms at the 99th percentile at 500 requests a second.
 *
 * <p>Open loop: requests are started on a fixed schedule whether or not earlier ones have answered, and each latency is
 * measured from the time the request was due, so a stall shows up in the figures instead of silently slowing the
 * sender down (coordinated omission).
 */
public final class TrackLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        var rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        var seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        var paused = args.length > 2 && args[2].equals("pipeline-paused");
        var dir = Bench.fresh("track-latency");
        var environment = new java.util.HashMap<String, String>();
        environment.put("MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILES_HTTP_SERVER_REQUESTS", "0.5,0.99,0.999");
        if (paused) {
            environment.put("SIYU_INGEST_PIPELINE_ENABLED", "false");
        }
        try (var server = new BenchServer(dir, 18082, 15434, environment)) {
            server.start();
            measure(server, rate, 60, "warm");
            var result = measure(server, rate, seconds, "measured");
            var histogram = result.histogram();
            var serverSide = serverPercentiles(server);
            Bench.report(
                    "track",
                    String.format(
                            Locale.ROOT,
                            """
                    Measured %s with `bench/run track %d %d` (open loop at %d requests/s for %d s after a 60 s warm-up;
                    latency from the time each request was due; the pipeline applies the events meanwhile).

                    | percentile | latency |
                    |---|---:|
                    | p50 | %.1f ms |
                    | p90 | %.1f ms |
                    | p99 | **%.1f ms** |
                    | p99.9 | %.1f ms |
                    | max | %.1f ms |

                    %,d requests, %d failed. Inside the server (Micrometer, from the request's arrival to its answer):
                    %s. Target: p99 < 25 ms at 500 requests/s — %s.""",
                            Bench.machine(),
                            rate,
                            seconds,
                            rate,
                            seconds,
                            histogram.getValueAtPercentile(50) / 1000.0,
                            histogram.getValueAtPercentile(90) / 1000.0,
                            histogram.getValueAtPercentile(99) / 1000.0,
                            histogram.getValueAtPercentile(99.9) / 1000.0,
                            histogram.getMaxValue() / 1000.0,
                            histogram.getTotalCount(),
                            result.failures(),
                            serverSide,
                            histogram.getValueAtPercentile(99) < 25_000 && rate >= 500 ? "met" : "NOT met"));
        }
    }

    record Result(org.HdrHistogram.Histogram histogram, long failures) {}

    /** The server's own view of the track endpoint's latency, from its Prometheus metrics. */
    static String serverPercentiles(BenchServer server) throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/actuator/prometheus"))
                                .header("Authorization", "Bearer " + BenchServer.API_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        var found = new java.util.TreeMap<String, String>();
        for (var line : response.body().split("\n")) {
            if (line.startsWith("http_server_requests_seconds{")
                    && line.contains("quantile=")
                    && line.contains("uri=\"/v1/{endpoint")
                    && line.contains("status=\"200\"")) {
                var quantile = line.replaceAll(".*quantile=\"([^\"]+)\".*", "$1");
                var seconds = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found.put(
                        quantile,
                        String.format(
                                Locale.ROOT,
                                "p%s %.1f ms",
                                String.valueOf(Double.parseDouble(quantile) * 100)
                                        .replaceAll("\\.0$", ""),
                                seconds * 1000));
            }
        }
        return found.isEmpty() ? "not available" : String.join(", ", found.values());
    }

    static Result measure(BenchServer server, int rate, int seconds, String runId) throws Exception {
        var messages = new Messages(runId, 50_000);
        var auth = "Basic "
                + Base64.getEncoder().encodeToString((BenchServer.WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        var client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var recorder = new Recorder(3);
        var failures = new AtomicLong();
        var intervalNanos = 1_000_000_000L / rate;
        var start = System.nanoTime();
        var total = (long) rate * seconds;
        var random = new SplittableRandom(rate);
        var worst = new java.util.concurrent.atomic.AtomicLongArray(seconds + 1);
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                var due = start + i * intervalNanos;
                var wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                var body = messages.message(random);
                workers.submit(() -> {
                    var request = HttpRequest.newBuilder(URI.create(server.url() + "/v1/track"))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    try {
                        var response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    var micros = Math.max(1, (System.nanoTime() - due) / 1000);
                    recorder.recordValue(micros);
                    if (System.getenv("SIYU_BENCH_TRACE") != null) {
                        var second = (int) ((due - start) / 1_000_000_000L);
                        worst.accumulateAndGet(second, micros, Math::max);
                    }
                });
            }
        }
        if (System.getenv("SIYU_BENCH_TRACE") != null) {
            var trace = new StringBuilder("worst latency per second (ms):");
            for (int i = 0; i < worst.length(); i++) {
                trace.append(' ').append(worst.get(i) / 1000);
            }
            System.out.println(trace);
        }
        return new Result(recorder.getIntervalHistogram(), failures.get());
    }
}
