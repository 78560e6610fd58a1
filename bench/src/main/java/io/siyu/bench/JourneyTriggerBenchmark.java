package io.siyu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * From an acknowledged trigger event to a journey's first action: tracked events stream in open loop at a fixed rate
 * for a pool of customers; each one enters a published journey whose first node queues a message. The latency of an
 * event is the time from its acknowledgement (the answer to its {@code track} call) to the commit of the message's
 * ledger row, matched by the event's message id (the run's occurrence, part of the ledger row's reason). Compared with
 * the target: p99 under 1 s at 1,000 events/s.
 */
public final class JourneyTriggerBenchmark {

    /** Seconds of the same stream before the measured one: the JVM compiles, the 20,000 customers come to exist. */
    static final int WARM_UP_SECONDS = 30;

    /**
     * Calls in flight at most, by default: a shop's backend sends through a pool of connections. Without a bound, every
     * call due while the server is busy opens one more connection, and thousands of them cost the server memory and
     * collection pauses that no client of this kind would cause.
     */
    static final int CONNECTIONS = 64;

    public static void main(String[] args) throws Exception {
        var rate = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        var seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        var connections = args.length > 2 ? Integer.parseInt(args[2]) : CONNECTIONS;
        var dir = Bench.fresh("journey-trigger");
        try (var server = new BenchServer(dir, 18088, 15440, Map.of())) {
            server.start();
            var journey = setUp(server);
            var warmUp = new ConcurrentHashMap<String, Instant>();
            var warmUpFailures = new ConcurrentHashMap<String, AtomicLong>();
            stream(server, rate, WARM_UP_SECONDS, connections, "warm-", warmUp, warmUpFailures);
            var acknowledged = new ConcurrentHashMap<String, Instant>();
            var failures = new ConcurrentHashMap<String, AtomicLong>();
            var histogram = new Histogram(3);
            long matched = 0;
            double achieved;
            try (var db = DriverManager.getConnection(server.jdbcUrl());
                    var backlog = Backlog.print(server, journey)) {
                awaitFirstActions(db, journey, warmUp.size());
                awaitSettled(db);
                var streamed = stream(server, rate, seconds, connections, "bench-", acknowledged, failures);
                achieved = acknowledged.size() / streamed;
                awaitFirstActions(db, journey, warmUp.size() + acknowledged.size());
                try (var rows = db.createStatement()
                        .executeQuery("select reason, queued_at from messaging.send where origin = 'journey:" + journey
                                + "' and reason like '%:bench-%'")) {
                    while (rows.next()) {
                        var reason = rows.getString(1);
                        var occurrence = reason.substring(reason.indexOf("bench-"), reason.lastIndexOf(':'));
                        var ack = acknowledged.get(occurrence);
                        if (ack != null) {
                            var millis =
                                    Math.max(1, rows.getTimestamp(2).toInstant().toEpochMilli() - ack.toEpochMilli());
                            histogram.recordValue(millis);
                            matched++;
                        }
                    }
                }
            }
            Bench.report(
                    "journey-trigger",
                    String.format(
                            Locale.ROOT,
                            """
                            Measured %s with `bench/run journey-trigger %d %d %d`: `track` calls in open loop at %d events/s
                            for %d s over at most %d connections at once (as a shop's backend holds a pool; a call due while all
                            are busy waits for one, and the rate is kept), after %d s of the same stream to warm up and its
                            backlog drained, each for one of 20,000 customers and each a trigger of a published journey whose
                            first node queues a message; latency from the event's acknowledgement to the commit of the message's
                            ledger row.

                            | figure | measured | target (issue 12) |
                            |---|---:|---:|
                            | events acknowledged (failed) | %,d (%,d) | |
                            | acknowledged per second, over the stream | %,.0f | 1,000 |
                            | first actions matched | %,d | every event |
                            | p50 | %,d ms | |
                            | p99 | **%,d ms** | < 1,000 ms |
                            | max | %,d ms | |

                            Failed calls while warming up: %s; while measured: %s.
                            """,
                            Bench.machine(),
                            rate,
                            seconds,
                            connections,
                            rate,
                            seconds,
                            connections,
                            WARM_UP_SECONDS,
                            acknowledged.size(),
                            total(failures),
                            achieved,
                            matched,
                            histogram.getValueAtPercentile(50),
                            histogram.getValueAtPercentile(99),
                            histogram.getMaxValue(),
                            failed(warmUpFailures),
                            failed(failures)));
        }
    }

    /**
     * Prints every five seconds what waits at each stage: messages acknowledged but not applied, triggers not yet
     * taken by journeys, messages queued but not sent. Where the backlog grows is where the time goes.
     */
    record Backlog(java.util.concurrent.ScheduledExecutorService timer) implements AutoCloseable {
        static Backlog print(BenchServer server, long journey) throws Exception {
            var db = DriverManager.getConnection(server.jdbcUrl());
            var timer = Executors.newSingleThreadScheduledExecutor();
            timer.scheduleAtFixedRate(
                    () -> {
                        try (var row = db.createStatement().executeQuery("""
                                select (select count(*) from ingest.queue),
                                       (select count(*) from journeys.trigger_inbox),
                                       (select count(*) from messaging.send where origin = 'journey:%d'),
                                       (select count(*) from messaging.send where state = 'queued')""".formatted(journey))) {
                            row.next();
                            System.out.printf(
                                    Locale.ROOT,
                                    "%s ingest queue %,d, trigger inbox %,d, first actions %,d, unsent %,d%n",
                                    Instant.now(),
                                    row.getLong(1),
                                    row.getLong(2),
                                    row.getLong(3),
                                    row.getLong(4));
                        } catch (Exception e) {
                            System.out.println("backlog: " + e.getMessage());
                        }
                    },
                    5,
                    5,
                    java.util.concurrent.TimeUnit.SECONDS);
            return new Backlog(timer);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /**
     * Waits until the journey queued as many first messages as events were acknowledged, or until their number stood
     * still for ten seconds (at most five minutes).
     */
    private static void awaitFirstActions(java.sql.Connection db, long journey, long expected) throws Exception {
        var deadline = System.nanoTime() + 300_000_000_000L;
        long queued = -1;
        var still = 0;
        while (System.nanoTime() < deadline && still < 20) {
            Thread.sleep(500);
            try (var count = db.createStatement()
                    .executeQuery("select count(*) from messaging.send where origin = 'journey:" + journey + "'")) {
                count.next();
                var now = count.getLong(1);
                if (now >= expected) {
                    return;
                }
                still = now == queued ? still + 1 : 0;
                queued = now;
            }
        }
    }

    /** Waits until nothing is left to apply, to enter or to send (at most five minutes): the warm-up's tail. */
    private static void awaitSettled(java.sql.Connection db) throws Exception {
        var deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (var row = db.createStatement().executeQuery("""
                    select (select count(*) from ingest.queue) + (select count(*) from journeys.trigger_inbox)
                         + (select count(*) from messaging.send where state in ('queued', 'sending'))""")) {
                row.next();
                if (row.getLong(1) == 0) {
                    return;
                }
            }
            Thread.sleep(500);
        }
    }

    private static String failed(Map<String, AtomicLong> failures) {
        return failures.isEmpty()
                ? "none"
                : failures.entrySet().stream()
                        .map(e -> String.format(
                                Locale.ROOT, "%s: %,d", e.getKey(), e.getValue().get()))
                        .sorted()
                        .collect(java.util.stream.Collectors.joining(", "));
    }

    private static long total(Map<String, AtomicLong> failures) {
        return failures.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private static long setUp(BenchServer server) throws Exception {
        Api.post(server, "/api/v1/message-templates", """
                {"key":"bench-first","name":"Bench","channel":"email","purpose":"transactional","subject":"Hi",
                 "text":"Hi {{customer.first_name}}"}""", 201);
        return Api.publishJourney(server, "bench trigger", """
                {"trigger":{"type":"event","event":"Bench Trigger"},"reentry":{"mode":"always"},"first":"send","nodes":[
                  {"id":"send","type":"action","action":"send_message","config":{"template":"bench-first"}}]}""");
    }

    /** Streams the calls; answers the seconds from the first call's moment to the last answer. */
    private static double stream(
            BenchServer server,
            int rate,
            int seconds,
            int connections,
            String prefix,
            Map<String, Instant> acknowledged,
            Map<String, AtomicLong> failures)
            throws InterruptedException {
        var auth = "Basic "
                + Base64.getEncoder().encodeToString((BenchServer.WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        var client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var interval = 1_000_000_000L / rate;
        var start = System.nanoTime();
        var total = (long) rate * seconds;
        var pool = new java.util.concurrent.Semaphore(connections);
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                var due = start + i * interval;
                var wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                var messageId = prefix + i;
                var body =
                        "{\"userId\":\"bench-user-" + (i % 20_000) + "\",\"event\":\"Bench Trigger\",\"messageId\":\""
                                + messageId + "\",\"properties\":{\"n\":" + i + "}}";
                workers.submit(() -> {
                    try {
                        pool.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    try {
                        var response = client.send(
                                HttpRequest.newBuilder(URI.create(server.url() + "/v1/track"))
                                        .header("Authorization", auth)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            acknowledged.put(messageId, Instant.now());
                        } else {
                            failures.computeIfAbsent("HTTP " + response.statusCode(), k -> new AtomicLong())
                                    .incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong())
                                .incrementAndGet();
                    } finally {
                        pool.release();
                    }
                });
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
