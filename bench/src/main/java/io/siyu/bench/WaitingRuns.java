package io.siyu.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Customers put straight at the first wait of a published journey, all due at one moment (the way the journey's own
 * wait writes them), and the moment the last of them completed the journey: what the journey benchmarks that measure
 * the worker share.
 */
final class WaitingRuns {

    private WaitingRuns() {}

    /** Puts customers 1 to {@code count} at node {@code w1} of version 1 of the journey, due at {@code due}. */
    static void enter(Connection db, long journey, int count, Instant due) throws SQLException {
        try (var insert = db.prepareStatement("""
                insert into journeys.run (journey_id, version, customer_id, occurrence, arm, state, node, due_at,
                                          entered_at, updated_at)
                select ?, 1, g, 'bench', 'treated', 'waiting', 'w1', ?, now(), now()
                  from generate_series(1, ?) g""")) {
            insert.setLong(1, journey);
            insert.setTimestamp(2, Timestamp.from(due));
            insert.setInt(3, count);
            insert.executeUpdate();
        }
    }

    /** Waits until {@code due}, then until all {@code count} runs completed; answers when the last one did. */
    static Instant awaitCompleted(Connection db, long journey, int count, Instant due) throws Exception {
        while (Instant.now().isBefore(due)) {
            Thread.sleep(10);
        }
        while (true) {
            Thread.sleep(100);
            try (var done = db.createStatement()
                    .executeQuery("select count(*), max(ended_at) from journeys.run where journey_id = " + journey
                            + " and state = 'completed'")) {
                done.next();
                if (done.getLong(1) >= count) {
                    return done.getTimestamp(2).toInstant();
                }
            }
        }
    }
}
