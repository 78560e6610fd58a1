package io.siyu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reliability: the server is killed with SIGKILL while clients send batches; after a restart every message whose batch
 * was acknowledged is stored exactly once. Repeated over several rounds on the same data.
 */
public final class CrashRecoveryBenchmark {

    public static void main(String[] args) throws Exception {
        var rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        var dir = Bench.fresh("crash");
        var acknowledged = new ConcurrentLinkedQueue<String>();
        var lines = new ArrayList<String>();
        var random = new SplittableRandom(7);
        long totalAcknowledged = 0;
        try (var server = new BenchServer(dir, 18085, 15437, Map.of())) {
            server.start();
            for (int round = 1; round <= rounds; round++) {
                var before = acknowledged.size();
                var killAfter = Duration.ofMillis(4000 + random.nextInt(6000));
                var sending = new AtomicBoolean(true);
                var failedRequests = new java.util.concurrent.atomic.AtomicLong();
                try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int c = 0; c < 6; c++) {
                        var seed = round * 100 + c;
                        clients.submit(() -> send(server, "r" + seed, sending, acknowledged, failedRequests));
                    }
                    Thread.sleep(killAfter.toMillis());
                    server.kill();
                    Thread.sleep(300);
                    sending.set(false);
                }
                var restart = server.start();
                awaitDrained(server);
                var check = verify(server, List.copyOf(acknowledged));
                totalAcknowledged = acknowledged.size();
                lines.add(String.format(
                        Locale.ROOT,
                        "| %d | %.1f s | %,d | %,d | %.1f s | %,d | %,d | %,d |",
                        round,
                        killAfter.toMillis() / 1000.0,
                        acknowledged.size() - before,
                        failedRequests.get(),
                        restart,
                        check.missing(),
                        check.duplicated(),
                        check.deadLetters()));
                if (check.missing() != 0 || check.duplicated() != 0) {
                    System.err.println("LOST OR DUPLICATED MESSAGES in round " + round + ": " + check);
                }
            }
        }
        Bench.report(
                "crash",
                String.format(
                        Locale.ROOT,
                        """
                Measured %s with `bench/run crash %d`: 6 clients send batches of 100 messages; the server (Java process)
                is killed with SIGKILL at a random moment, restarted on the same data (its orphaned PostgreSQL is
                stopped and recovers from its WAL), and once the pipeline has applied the queue every acknowledged
                message id is looked up on the timeline.

                | round | killed after | acknowledged | requests cut off | restart to ready | acknowledged but missing | stored twice | dead letters |
                |---:|---:|---:|---:|---:|---:|---:|---:|
                %s

                %,d acknowledged messages in all; every one stored exactly once: %s.""",
                        Bench.machine(),
                        rounds,
                        String.join("\n", lines),
                        totalAcknowledged,
                        lines.stream().allMatch(l -> l.endsWith("| 0 | 0 | 0 |")) ? "yes" : "NO"));
    }

    record Check(long missing, long duplicated, long deadLetters) {}

    static Void send(
            BenchServer server,
            String prefix,
            AtomicBoolean sending,
            ConcurrentLinkedQueue<String> acknowledged,
            java.util.concurrent.atomic.AtomicLong failed) {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var auth = "Basic "
                + Base64.getEncoder().encodeToString((BenchServer.WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        long n = 0;
        while (sending.get()) {
            var ids = new ArrayList<String>(100);
            var body = new StringBuilder("{\"batch\":[");
            for (int i = 0; i < 100; i++) {
                var id = "crash-" + prefix + "-" + (n++);
                ids.add(id);
                body.append(i == 0 ? "" : ",")
                        .append("{\"type\":\"track\",\"anonymousId\":\"a-")
                        .append(prefix)
                        .append('-')
                        .append(n % 500)
                        .append("\",\"event\":\"Product Viewed\",\"messageId\":\"")
                        .append(id)
                        .append("\",\"properties\":{\"product_id\":\"p")
                        .append(n % 97)
                        .append("\"}}");
            }
            body.append("]}");
            try {
                var response = client.send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/v1/batch"))
                                .header("Authorization", auth)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    acknowledged.addAll(ids);
                } else {
                    failed.incrementAndGet();
                }
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        }
        return null;
    }

    static void awaitDrained(BenchServer server) throws Exception {
        try (var connection = DriverManager.getConnection(server.jdbcUrl())) {
            while (true) {
                try (var rows = connection.createStatement().executeQuery("select count(*) from ingest.queue")) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
        }
    }

    static Check verify(BenchServer server, List<String> acknowledged) throws Exception {
        try (var connection = DriverManager.getConnection(server.jdbcUrl())) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("create temporary table acknowledged (message_id text primary key) on commit drop");
            }
            try (var insert =
                    connection.prepareStatement("insert into acknowledged values (?) on conflict do nothing")) {
                for (var id : acknowledged) {
                    insert.setString(1, id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            long missing;
            long duplicated;
            long dead;
            try (var statement = connection.createStatement()) {
                var rows = statement.executeQuery("""
                        select count(*) from acknowledged a
                         where not exists (select 1 from customers.event e where e.message_id = a.message_id)""");
                rows.next();
                missing = rows.getLong(1);
                rows = statement.executeQuery("""
                        select count(*) from (select message_id from customers.event where message_id like 'crash-%'
                                               group by message_id having count(*) > 1) d""");
                rows.next();
                duplicated = rows.getLong(1);
                rows = statement.executeQuery("select count(*) from ingest.dead_letter");
                rows.next();
                dead = rows.getLong(1);
            }
            connection.commit();
            return new Check(missing, duplicated, dead);
        }
    }
}
