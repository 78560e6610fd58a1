package io.siyu.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Timer lateness with many customers waiting: {@code customers} runs wait at a published journey's wait node, their
 * timers falling due evenly over a window of {@code window} seconds; the server's worker fires each one (claim with
 * SKIP LOCKED, move on, commit). A timer's lateness is the commit of the step that moved its run on minus the moment it
 * was due (PostgreSQL's commit timestamp of the run's last change). Every run must have moved on exactly once.
 */
public final class JourneyTimersBenchmark {

    public static void main(String[] args) throws Exception {
        var customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        var window = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 300);
        var dir = Bench.fresh("journey-timers");
        try (var server = new BenchServer(dir, 18089, 15441, Map.of())) {
            server.start();
            var commitTimes = Timers.trackCommitTimes(server);
            var journey = Api.publishJourney(server, "bench timers", """
                    {"trigger":{"type":"api"},"reentry":{"mode":"always"},"first":"wait","nodes":[
                     {"id":"wait","type":"wait","duration":"PT1H","next":null}]}""");
            try (var db = DriverManager.getConnection(server.jdbcUrl())) {
                var loadStarted = Instant.now();
                // the first timer falls due once the load is surely over: 30 s plus 0.1 ms per customer
                var first = loadStarted.plusSeconds(30).plusNanos(customers * 100_000L);
                Timers.load(db, journey, customers, first, window);
                var loaded = Duration.between(loadStarted, Instant.now());
                System.out.printf(
                        "%,d customers waiting, loaded in %.1f s; the first timer falls due at %s%n",
                        customers, loaded.toMillis() / 1000.0, first);
                var last = first.plus(window);
                Timers.awaitMovedOn(db, journey, customers, last.plus(window).plusSeconds(120));
                var result = Timers.measure(db, journey, customers, first, window, commitTimes);
                Bench.report(
                        "journey-timers",
                        String.format(
                                Locale.ROOT,
                                """
                Measured %s with `bench/run journey-timers %d %d`: %,d customers wait at the wait node of a published
                journey (loaded straight into `journeys.run` in %.0f s, the way the journey's own wait writes them); their
                timers fall due evenly over %d s (%,.0f a second), the first %.0f s after the load began. The worker fires
                them from the `run_due` index, 500 per transaction. Lateness = %s minus the moment the timer was due.

                | figure | measured | target (issue 12) |
                |---|---:|---:|
                | customers waiting when the first timer fell due | %,d | 1,000,000 |
                | timers fired (runs moved on) | %,d | every one |
                | runs moved on more than once, or still waiting | %,d | 0 |
                | lateness p50 | %,d ms | |
                | lateness p99 | **%,d ms** | < 2,000 ms |
                | lateness p99.9 | %,d ms | |
                | lateness max | %,d ms | |

                %s""",
                                Bench.machine(),
                                customers,
                                window.toSeconds(),
                                customers,
                                loaded.toMillis() / 1000.0,
                                window.toSeconds(),
                                customers / (double) window.toSeconds(),
                                Duration.between(loadStarted, first).toMillis() / 1000.0,
                                commitTimes
                                        ? "the commit time of the transaction that moved the run on"
                                        : "the time the worker claimed the run",
                                result.waitingAtFirst(),
                                result.movedOn(),
                                result.wrong(),
                                result.p50(),
                                result.p99(),
                                result.p999(),
                                result.max(),
                                result.p99() < 2000 && result.wrong() == 0 && result.movedOn() == customers
                                        ? "Target met; no timer lost."
                                        : "Target NOT met (see the rows above)."));
            }
        }
    }

    /** Loading timers, waiting for them, and measuring them: shared with the crash benchmark. */
    static final class Timers {

        private Timers() {}

        /**
         * Turns on PostgreSQL's commit timestamps (a restart of the server and its database), so that each run's last
         * change tells when it committed. Answers whether they are on.
         */
        static boolean trackCommitTimes(BenchServer server) throws Exception {
            try (var db = DriverManager.getConnection(server.jdbcUrl())) {
                db.createStatement().execute("alter system set track_commit_timestamp = on");
            }
            server.close();
            server.start();
            try (var db = DriverManager.getConnection(server.jdbcUrl());
                    var row = db.createStatement().executeQuery("show track_commit_timestamp")) {
                row.next();
                return row.getString(1).equals("on");
            }
        }

        /** Customers 1..n waiting at node {@code wait}, due evenly from {@code first} over {@code window}. */
        static void load(Connection db, long journey, int customers, Instant first, Duration window) throws Exception {
            var chunk = 100_000;
            try (var insert = db.prepareStatement("""
                    insert into journeys.run (journey_id, version, customer_id, occurrence, arm, state, node, due_at,
                                              entered_at, updated_at)
                    select ?, 1, g, 'bench', 'treated', 'waiting', 'wait',
                           ?::timestamptz + (g - 1) * (? * interval '1 microsecond'), now(), now()
                      from generate_series(?, ?) g""")) {
                for (int from = 1; from <= customers; from += chunk) {
                    insert.setLong(1, journey);
                    insert.setTimestamp(2, Timestamp.from(first));
                    insert.setDouble(3, window.toNanos() / 1000.0 / customers);
                    insert.setInt(4, from);
                    insert.setInt(5, Math.min(customers, from + chunk - 1));
                    insert.executeUpdate();
                }
            }
            db.createStatement().execute("vacuum analyze journeys.run");
        }

        /** Waits until every run of the journey has left the wait node, printing progress every ten seconds. */
        static void awaitMovedOn(Connection db, long journey, long customers, Instant deadline) throws Exception {
            var printed = Instant.now();
            while (Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
                long waiting;
                try (var row = db.createStatement()
                        .executeQuery("select count(*) from journeys.run where state = 'waiting' and journey_id = "
                                + journey)) {
                    row.next();
                    waiting = row.getLong(1);
                }
                if (Instant.now().isAfter(printed.plusSeconds(10))) {
                    printed = Instant.now();
                    System.out.printf(Locale.ROOT, "%s %,d of %,d still waiting%n", printed, waiting, customers);
                }
                if (waiting == 0) {
                    return;
                }
            }
        }

        record Result(long waitingAtFirst, long movedOn, long wrong, long p50, long p99, long p999, long max) {}

        /** Lateness of every fired timer, from the runs' commit times (or claim times) and their due times. */
        static Result measure(
                Connection db, long journey, int customers, Instant first, Duration window, boolean commitTimes)
                throws Exception {
            var fired = commitTimes ? "pg_xact_commit_timestamp(xmin)" : "ended_at";
            try (var statement = db.prepareStatement("""
                    with timer as (
                      select state, steps, ended_at,
                             extract(epoch from %s - (?::timestamptz + (customer_id - 1)
                                                        * (? * interval '1 microsecond'))) * 1000 as late
                        from journeys.run where journey_id = ?)
                    select count(*) filter (where state = 'completed' and steps = 1),
                           count(*) filter (where state <> 'completed' or steps <> 1),
                           count(*) filter (where ended_at >= ?),
                           percentile_disc(array[0.5, 0.99, 0.999]) within group (order by late)
                             filter (where state = 'completed'),
                           max(late) filter (where state = 'completed')
                      from timer""".formatted(fired))) {
                statement.setTimestamp(1, Timestamp.from(first));
                statement.setDouble(2, window.toNanos() / 1000.0 / customers);
                statement.setLong(3, journey);
                statement.setTimestamp(4, Timestamp.from(first));
                try (var row = statement.executeQuery()) {
                    row.next();
                    var percentiles = (Object[]) row.getArray(4).getArray();
                    return new Result(
                            row.getLong(3),
                            row.getLong(1),
                            row.getLong(2) + (customers - row.getLong(1) - row.getLong(2)),
                            Math.round(((Number) percentiles[0]).doubleValue()),
                            Math.round(((Number) percentiles[1]).doubleValue()),
                            Math.round(((Number) percentiles[2]).doubleValue()),
                            Math.round(row.getDouble(5)));
                }
            }
        }
    }
}
