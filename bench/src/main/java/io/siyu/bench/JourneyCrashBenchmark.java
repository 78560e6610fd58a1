package io.siyu.bench;

import io.siyu.bench.BroadcastBenchmark.Broadcasts;
import io.siyu.bench.JourneyTimersBenchmark.Timers;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Reliability of journeys and messaging: in each round the server is killed with SIGKILL once during a broadcast to a
 * segment (by e-mail into a local SMTP sink) and once while timers fire, restarted on the same data, and then every
 * customer of the segment must have got the e-mail and every timer must have moved its run on exactly once. A message
 * may reach the sink twice only if it was in flight at the kill (claimed by a dispatcher, not yet settled); the sink
 * counts them.
 */
public final class JourneyCrashBenchmark {

    public static void main(String[] args) throws Exception {
        var rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        var customers = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        var random = new SplittableRandom(12);
        var dir = Bench.fresh("journey-crash");
        var broadcastLines = new ArrayList<String>();
        var timerLines = new ArrayList<String>();
        var allGood = true;
        try (var sink = new SmtpSink()) {
            var environment = new HashMap<>(BroadcastBenchmark.environment(sink));
            // what a killed dispatcher left claimed is queued again this long after its claim
            environment.put("SIYU_MESSAGING_DISPATCH_INFLIGHTTIMEOUT", "30s");
            try (var server = new BenchServer(dir, 18091, 15443, environment)) {
                server.jvm.add("-Xmx4g");
                var segment = Broadcasts.setUp(server, customers);
                var template = Broadcasts.template(server);
                for (int round = 1; round <= rounds; round++) {
                    // a broadcast, killed when the sink has a random share of it
                    sink.reset();
                    var share = 0.2 + random.nextDouble() * 0.5;
                    var firing = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
                    var journey = Broadcasts.publish(server, segment, template, "crash broadcast " + round, firing);
                    var deadline = Instant.now().plus(Duration.ofMinutes(10));
                    if (round == 1) {
                        // the first round is killed while the firing still enters the segment's members
                        awaitEntered(server, journey, (long) (customers * share), deadline);
                    } else {
                        while (sink.messages() < customers * share
                                && Instant.now().isBefore(deadline)) {
                            Thread.sleep(5);
                        }
                    }
                    server.kill();
                    var atKill = sink.messages();
                    var inFlight = count(
                            server,
                            "select count(*) from messaging.send where state = 'sending' and" + " origin = 'journey:"
                                    + journey + "'");
                    var entered = count(
                            server,
                            "select coalesce(sum(entered), 0) from journeys.broadcast where" + " journey_id = "
                                    + journey);
                    var restart = server.start();
                    try (var db = DriverManager.getConnection(server.jdbcUrl())) {
                        Broadcasts.awaitSent(db, journey, sink, customers, Duration.ofMinutes(15));
                        var missed = customers - sink.recipients();
                        var duplicates = sink.duplicates();
                        var ok = missed == 0 && duplicates[1] <= Math.max(0, inFlight);
                        allGood &= ok;
                        broadcastLines.add(String.format(
                                Locale.ROOT,
                                "| %d | %,d of %,d (%,d entered) | %,d | %.1f s | %,d | %,d | **%,d** | %s |",
                                round,
                                atKill,
                                customers,
                                entered,
                                inFlight,
                                restart,
                                sink.recipients(),
                                missed,
                                duplicates[1],
                                Broadcasts.ledger(db, journey)));
                    }

                    // timers due over a minute, killed while they fire
                    var timers = Api.publishJourney(server, "crash timers " + round, """
                            {"trigger":{"type":"api"},"reentry":{"mode":"always"},"first":"wait","nodes":[
                             {"id":"wait","type":"wait","duration":"PT1H","next":null}]}""");
                    var window = Duration.ofSeconds(60);
                    Instant first;
                    try (var db = DriverManager.getConnection(server.jdbcUrl())) {
                        first = Instant.now().plusSeconds(10).plusNanos(customers * 100_000L);
                        Timers.load(db, timers, customers, first, window);
                    }
                    var killAt = first.plusMillis(10_000 + random.nextInt(40_000));
                    while (Instant.now().isBefore(killAt)) {
                        Thread.sleep(10);
                    }
                    server.kill();
                    var firedAtKill = count(
                            server,
                            "select count(*) from journeys.run where journey_id = " + timers
                                    + " and state = 'completed'");
                    var timerRestart = server.start();
                    try (var db = DriverManager.getConnection(server.jdbcUrl())) {
                        Timers.awaitMovedOn(db, timers, customers, Instant.now().plus(Duration.ofMinutes(10)));
                        var result = Timers.measure(db, timers, customers, first, window, false);
                        var ok = result.movedOn() == customers && result.wrong() == 0;
                        allGood &= ok;
                        timerLines.add(String.format(
                                Locale.ROOT,
                                "| %d | %.1f s | %,d of %,d | %.1f s | %,d | **%,d** | %,d ms | %,d ms |",
                                round,
                                Duration.between(first, killAt).toMillis() / 1000.0,
                                firedAtKill,
                                customers,
                                timerRestart,
                                result.movedOn(),
                                result.wrong(),
                                result.p99(),
                                result.max()));
                    }
                    System.out.println(broadcastLines.getLast());
                    System.out.println(timerLines.getLast());
                }
            }
        }
        Bench.report(
                "journey-crash",
                String.format(
                        Locale.ROOT,
                        """
                Measured %s with `bench/run journey-crash %d %d`: %,d customers with an e-mail address and consent form
                a segment. Each round, a journey with a `schedule` trigger sends them a marketing e-mail over SMTP into a
                local SMTP sink, and the server (Java process) is killed with SIGKILL: in the first round while the firing
                is still entering the segment's members (once a random share of them has entered), in the others once the
                sink has accepted a random share of the messages; it is restarted on the same data (its orphaned PostgreSQL is stopped and recovers
                from its WAL) and the broadcast goes on. "In flight" are the ledger rows a dispatcher had claimed and not
                yet settled at the kill (read from the database right after it); messages claimed by a dead dispatcher are
                queued again 30 s after their claim (`siyu.messaging.dispatch.in-flight-timeout`, 5 min by default). Then
                %,d customers are put at the wait node of another journey, their timers due over 60 s, and the server is
                killed while they fire and restarted.

                Broadcast killed mid-way:

                | round | sink had at the kill | in flight at the kill | restart to ready | customers who got it | missed | sent twice |  ledger |
                |---:|---:|---:|---:|---:|---:|---:|---|
                %s

                Timers killed while firing:

                | round | killed after the first was due | fired at the kill | restart to ready | runs moved on | lost or moved twice | lateness p99 | max |
                |---:|---:|---:|---:|---:|---:|---:|---:|
                %s

                No customer missed, no timer lost, and messages sent twice no more than were in flight: %s.
                """,
                        Bench.machine(),
                        rounds,
                        customers,
                        customers,
                        customers,
                        String.join("\n", broadcastLines),
                        String.join("\n", timerLines),
                        allGood ? "yes" : "NO"));
    }

    /** Waits until the broadcast's firing has entered at least {@code entered} customers (committed chunks). */
    private static void awaitEntered(BenchServer server, long journey, long entered, Instant deadline)
            throws Exception {
        try (var db = DriverManager.getConnection(server.jdbcUrl());
                var query = db.prepareStatement(
                        "select coalesce(sum(entered), 0) from journeys.broadcast where journey_id = ?")) {
            query.setLong(1, journey);
            while (Instant.now().isBefore(deadline)) {
                try (var row = query.executeQuery()) {
                    row.next();
                    if (row.getLong(1) >= entered) {
                        return;
                    }
                }
                Thread.sleep(2);
            }
        }
    }

    /** A count read from the database, -1 when it cannot be read. */
    private static long count(BenchServer server, String sql) {
        try (var db = DriverManager.getConnection(server.jdbcUrl());
                var row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }
}
