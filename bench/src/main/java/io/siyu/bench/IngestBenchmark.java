package io.siyu.bench;

import java.sql.DriverManager;
import java.util.Locale;
import java.util.Map;

/**
 * Figure: sustained ingestion through the batch API (100 events per batch, acknowledged = committed) of at least
 * 20,000 events/s, and at least 40 % of a raw JDBC insert of the same rows into the same tables, in one run.
 */
public final class IngestBenchmark {

    static final int CONNECTIONS = 8;
    static final int BATCH = 100;

    public static void main(String[] args) throws Exception {
        var seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        var dir = Bench.fresh("ingest");
        IngestThroughput.Result http;
        IngestThroughput.Result raw;
        double drainRate;
        IngestThroughput.Result steady;
        double steadyApplied;
        try (var server = new BenchServer(dir, 18081, 15433, Map.of("SIYU_INGEST_PIPELINE_ENABLED", "false"))) {
            server.start();
            IngestThroughput.run(server.url(), BenchServer.WRITE_KEY, CONNECTIONS, BATCH, 10, "warm");
            http = IngestThroughput.run(server.url(), BenchServer.WRITE_KEY, CONNECTIONS, BATCH, seconds, "http");
            RawJdbcBaseline.run(server.jdbcUrl(), CONNECTIONS, BATCH, 5, "rawwarm");
            raw = RawJdbcBaseline.run(server.jdbcUrl(), CONNECTIONS, BATCH, seconds, "raw");
            RawJdbcBaseline.removeRows(server.jdbcUrl(), "rawwarm");
            RawJdbcBaseline.removeRows(server.jdbcUrl(), "raw");
        }
        try (var server = new BenchServer(dir, 18081, 15433, Map.of())) {
            server.start();
            var queued = queueDepth(server);
            var started = System.nanoTime();
            while (queueDepth(server) > 0) {
                Thread.sleep(200);
            }
            drainRate = queued / ((System.nanoTime() - started) / 1e9);
            var before = appliedEvents(server);
            steady = IngestThroughput.run(server.url(), BenchServer.WRITE_KEY, CONNECTIONS, BATCH, seconds, "steady");
            steadyApplied = (appliedEvents(server) - before) / steady.seconds();
        }
        var ratio = http.perSecond() / raw.perSecond();
        Bench.report(
                "ingest",
                String.format(
                        Locale.ROOT,
                        """
                Measured %s with `bench/run ingest %d` (%d connections, %d events per batch, %d s per phase, client and
                server on the same machine).

                | phase | events/s | notes |
                |---|---:|---|
                | batch API, acknowledged = committed | **%,.0f** | %,d events, %d failed requests; pipeline paused |
                | raw JDBC insert of the same rows into the same tables | %,.0f | the ceiling, no HTTP, parsing or checks |
                | batch API as a share of raw JDBC | **%.0f %%** | target ≥ 40 %% |
                | pipeline applying the backlog to profiles, timelines and orders | %,.0f | the backlog of the first phase |
                | batch API with the pipeline running | %,.0f | the pipeline applied %,.0f events/s meanwhile |

                Target: ≥ 20,000 events/s through the batch API — %s.""",
                        Bench.machine(),
                        seconds,
                        CONNECTIONS,
                        BATCH,
                        seconds,
                        http.perSecond(),
                        http.events(),
                        http.failures(),
                        raw.perSecond(),
                        100 * ratio,
                        drainRate,
                        steady.perSecond(),
                        steadyApplied,
                        http.perSecond() >= 20_000 && ratio >= 0.4 ? "met" : "NOT met"));
    }

    private static long queueDepth(BenchServer server) throws Exception {
        try (var connection = DriverManager.getConnection(server.jdbcUrl());
                var rows = connection.createStatement().executeQuery("select count(*) from ingest.queue")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long appliedEvents(BenchServer server) throws Exception {
        try (var connection = DriverManager.getConnection(server.jdbcUrl());
                var rows = connection.createStatement().executeQuery("select count(*) from customers.event")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
