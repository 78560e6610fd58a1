package io.siyu.bench;

import java.sql.DriverManager;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Journey steps per second with durable state: {@code runs} customers wait at the first of a chain of five short waits
 * of a published journey, all due at one moment; the server's worker moves each through the chain, one step per wait
 * (claim with SKIP LOCKED, interpret, write the run's new position and the node counts, commit), until every run has
 * left the journey. Steps per second is the runs times the steps of the chain, over the time from the moment they fell
 * due to the last run's end. Compared with the target of 5,000 steps per second.
 */
public final class JourneyStepsBenchmark {

    static final int CHAIN = 5;

    public static void main(String[] args) throws Exception {
        var runs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var dir = Bench.fresh("journey-steps");
        try (var server = new BenchServer(dir, 18087, 15439, Map.of())) {
            server.start();
            var journey = publish(server);
            try (var db = DriverManager.getConnection(server.jdbcUrl())) {
                var due = Instant.now().plusSeconds(5);
                WaitingRuns.enter(db, journey, runs, due);
                var finished = WaitingRuns.awaitCompleted(db, journey, runs, due);
                var seconds = (finished.toEpochMilli() - due.toEpochMilli()) / 1000.0;
                var steps = (long) runs * CHAIN;
                var rate = steps / seconds;
                Bench.report(
                        "journey-steps",
                        String.format(Locale.ROOT, """
                                Measured %s with `bench/run journey-steps %d`: %,d customers wait at the first of a chain of
                                %d waits (0.001 s each) of a published journey, all due at one moment; the worker claims due
                                runs 500 at a time (`FOR UPDATE SKIP LOCKED`), moves each one node on, writes its new position
                                and the node counts, and commits, until every run has completed.

                                | figure | measured | target (issue 12) |
                                |---|---:|---:|
                                | steps | %,d | |
                                | seconds from due to the last run's end | %.1f | |
                                | journey steps per second, durable | %,.0f | ≥ 5,000 |
                                """, Bench.machine(), runs, runs, CHAIN, steps, seconds, rate));
            }
        }
    }

    private static long publish(BenchServer server) throws Exception {
        var nodes = new StringBuilder();
        for (int i = 1; i <= CHAIN; i++) {
            nodes.append(i > 1 ? "," : "")
                    .append("{\"id\":\"w")
                    .append(i)
                    .append("\",\"type\":\"wait\",\"duration\":\"PT0.001S\",\"next\":")
                    .append(i < CHAIN ? "\"w" + (i + 1) + "\"" : "null")
                    .append('}');
        }
        var graph = "{\"trigger\":{\"type\":\"api\"},\"reentry\":{\"mode\":\"always\"},\"first\":\"w1\",\"nodes\":["
                + nodes + "]}";
        return Api.publishJourney(server, "bench", graph);
    }
}
