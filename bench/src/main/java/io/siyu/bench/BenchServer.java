package io.siyu.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Siyu server started from the built jar for a benchmark, on its own data folder, with a fixed port for its embedded
 * PostgreSQL so that baselines can write to the same database.
 */
final class BenchServer implements AutoCloseable {

    static final String WRITE_KEY = "sywk_bench_write_key_0123456789abcdef";
    static final String API_TOKEN = "sypat_bench_api_token_0123456789abcdef";

    final int port;
    final int databasePort;
    final Path dataDir;
    private final Map<String, String> environment;
    /** Extra options for the server's JVM, e.g. its heap size. */
    final List<String> jvm = new ArrayList<>();

    private Process process;

    BenchServer(Path dataDir, int port, int databasePort, Map<String, String> extra) {
        this.dataDir = dataDir;
        this.port = port;
        this.databasePort = databasePort;
        this.environment = new HashMap<>(extra);
    }

    String url() {
        return "http://localhost:" + port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + databasePort + "/siyu?user=postgres&reWriteBatchedInserts=true";
    }

    /** Starts the server and returns the seconds until it answered ready. */
    double start() throws IOException, InterruptedException {
        var jar = Bench.ROOT.resolve("server/target/siyu.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build first: ./siyu build");
        }
        Files.createDirectories(dataDir);
        var command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        if (Runtime.version().feature() >= 24) {
            command.add(1, "--sun-misc-unsafe-memory-access=allow");
        }
        command.add(1, "-Xlog:gc:file=" + dataDir.resolve("gc.log"));
        command.addAll(1, jvm);
        var extraJvm = System.getenv("SIYU_BENCH_SERVER_JVM");
        if (extraJvm != null && !extraJvm.isBlank()) {
            command.addAll(1, java.util.List.of(extraJvm.trim().split("\\s+")));
        }
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.out").toFile());
        builder.environment().put("SIYU_DATA_DIR", dataDir.toString());
        builder.environment().put("SIYU_PORT", Integer.toString(port));
        builder.environment().put("SIYU_EMBEDDED_DB_PORT", Integer.toString(databasePort));
        builder.environment().put("SIYU_BOOTSTRAP_WRITE_KEY", WRITE_KEY);
        builder.environment().put("SIYU_BOOTSTRAP_API_TOKEN", API_TOKEN);
        builder.environment().put("SIYU_BOOTSTRAP_ADMIN_PASSWORD", "bench-admin-password");
        builder.environment().putAll(environment);
        var started = System.nanoTime();
        process = builder.start();
        awaitReady(Duration.ofMinutes(3));
        return (System.nanoTime() - started) / 1e9;
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        var client = HttpClient.newHttpClient();
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited; see " + dataDir.resolve("server.out"));
            }
            try {
                var response = client.send(
                        HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server did not get ready in " + timeout);
    }

    /** Kills the server without warning, as a power cut or OOM killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
