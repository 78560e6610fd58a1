package io.siyu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figure: {@code ./siyu run} after the first build is ready in under 20 seconds. Runs the README's command itself on a
 * data folder that already holds the demo brand, and times it from launch to the readiness probe answering 200.
 */
public final class StartupBenchmark {

    public static void main(String[] args) throws Exception {
        var runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        var dir = Bench.fresh("startup");
        var data = dir.resolve("data");
        var times = new ArrayList<Double>();
        // the first start creates the database and loads the demo brand; it is not counted
        first(data);
        for (int i = 0; i < runs; i++) {
            times.add(timeToReady(data));
        }
        var sorted = times.stream().sorted().toList();
        Bench.report(
                "startup",
                String.format(
                        Locale.ROOT,
                        """
                Measured %s with `bench/run startup %d`: `./siyu run` on a data folder that already holds the demo brand,
                from launch to `/actuator/health/readiness` answering 200 (embedded PostgreSQL start included).

                | runs | fastest | median | slowest |
                |---:|---:|---:|---:|
                | %d | %.1f s | **%.1f s** | %.1f s |

                Target: ready in < 20 s — %s.""",
                        Bench.machine(),
                        runs,
                        runs,
                        sorted.getFirst(),
                        sorted.get(sorted.size() / 2),
                        sorted.getLast(),
                        sorted.getLast() < 20 ? "met" : "NOT met"));
    }

    static void first(java.nio.file.Path data) throws Exception {
        var process = launch(data, true);
        try {
            awaitReady(process);
            var client = HttpClient.newHttpClient();
            // wait for the demo brand to finish loading
            while (true) {
                var overview = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:18084/api/v1/overview?days=7"))
                                .header("Authorization", "Bearer " + BenchServer.API_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (overview.body().contains("\"customers\":20000")) {
                    break;
                }
                Thread.sleep(1000);
            }
        } finally {
            stop(process);
        }
    }

    static double timeToReady(java.nio.file.Path data) throws Exception {
        var started = System.nanoTime();
        var process = launch(data, true);
        try {
            awaitReady(process);
            return (System.nanoTime() - started) / 1e9;
        } finally {
            stop(process);
        }
    }

    static Process launch(java.nio.file.Path data, boolean demo) throws Exception {
        var builder = new ProcessBuilder(List.of(Bench.ROOT.resolve("siyu").toString(), "run", "--port", "18084"))
                .redirectErrorStream(true)
                .redirectOutput(data.getParent().resolve("server.out").toFile());
        builder.environment().put("SIYU_DATA_DIR", data.toString());
        builder.environment().put("SIYU_DEMO", Boolean.toString(demo));
        builder.environment().put("SIYU_BOOTSTRAP_API_TOKEN", BenchServer.API_TOKEN);
        return builder.start();
    }

    static void awaitReady(Process process) throws Exception {
        var client = HttpClient.newHttpClient();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("./siyu run exited");
            }
            try {
                var response = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:18084/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(25);
        }
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
