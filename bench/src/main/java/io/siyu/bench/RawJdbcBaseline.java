package io.siyu.bench;

import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling ingestion is measured against: the same rows inserted into the same tables (the idempotency keys and the
 * queue) with plain batched JDBC inserts, one committed transaction per 100 rows, from as many connections as the HTTP
 * clients use. No HTTP, no parsing, no validation.
 */
final class RawJdbcBaseline {

    private RawJdbcBaseline() {}

    static IngestThroughput.Result run(String jdbcUrl, int connections, int batchSize, int seconds, String runId)
            throws Exception {
        var messages = new Messages(runId, 200_000);
        var inserted = new AtomicLong();
        var failures = new AtomicLong();
        var deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        var started = System.nanoTime();
        try (var workers = Executors.newFixedThreadPool(connections)) {
            for (int c = 0; c < connections; c++) {
                var seed = 1000 + c;
                workers.submit(() -> {
                    var random = new SplittableRandom(seed);
                    try (var connection = DriverManager.getConnection(jdbcUrl)) {
                        connection.setAutoCommit(false);
                        var keys = connection.prepareStatement(
                                "insert into ingest.message_key (message_id, received_at) values (?, ?)");
                        var queue = connection.prepareStatement(
                                "insert into ingest.queue (message_id, write_key_id, received_at, body) values (?, ?, ?, ?)");
                        while (System.nanoTime() < deadline) {
                            var now = Timestamp.from(Instant.now());
                            for (int i = 0; i < batchSize; i++) {
                                var id = "raw-" + runId + "-" + seed + "-" + messages.sent() + "-" + i;
                                var body = messages.message(random);
                                keys.setString(1, id);
                                keys.setTimestamp(2, now);
                                keys.addBatch();
                                queue.setString(1, id);
                                queue.setLong(2, 1);
                                queue.setTimestamp(3, now);
                                queue.setString(4, body);
                                queue.addBatch();
                            }
                            keys.executeBatch();
                            queue.executeBatch();
                            connection.commit();
                            inserted.addAndGet(batchSize);
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        e.printStackTrace();
                    }
                    return null;
                });
            }
        }
        return new IngestThroughput.Result(inserted.get(), (System.nanoTime() - started) / 1e9, failures.get());
    }

    static long removeRows(String jdbcUrl, String runId) throws Exception {
        try (var connection = DriverManager.getConnection(jdbcUrl);
                var statement = connection.createStatement()) {
            var removed =
                    statement.executeUpdate("delete from ingest.queue where message_id like 'raw-" + runId + "-%'");
            statement.executeUpdate("delete from ingest.message_key where message_id like 'raw-" + runId + "-%'");
            return removed;
        }
    }
}
