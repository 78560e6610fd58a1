package io.siyu.ingest.internal.pipeline;

import io.siyu.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The pipeline's side of the inbox: the lock that lets one pipeline run across all nodes, messages taken off
 * {@code ingest.queue} in queue order, the queue's depth, and the dead letters. Every method runs in the caller's
 * transaction.
 */
@Component
class QueuedMessages {

    private static final long LOCK_KEY = 0x5379_7500_0001L;

    /**
     * Takes the head of the queue. The head is chosen once, as an array: written as {@code seq in (select ...)} the
     * planner may, trusting statistics taken while the queue was empty, join the queue with that selection and run the
     * selection again for every queued row, which with a backlog of hundreds of thousands stalled the pipeline for
     * minutes.
     */
    static final String TAKE = """
            delete from ingest.queue where seq = any(array(
                select seq from ingest.queue order by seq limit ? for update skip locked))
            returning seq, message_id, write_key_id, received_at, body""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    QueuedMessages(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record QueuedMessage(long seq, String messageId, Long writeKeyId, Instant receivedAt, String body) {}

    /** Whether this transaction now holds the pipeline's lock (released at its end); false if another holds it. */
    boolean lockPipeline() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY));
    }

    /**
     * Lets this transaction commit without waiting for its WAL to reach the disk. Safe here, and only here: the batch
     * is taken off the queue in the same transaction that applies it, so if a crash loses the commit, the messages
     * are back in the queue and are applied again; nothing acknowledged depends on it. Waiting would make every
     * acknowledgement queue behind the pipeline's large WAL flushes.
     */
    void relaxCommit() {
        jdbc.execute("set local synchronous_commit = off");
    }

    /** Takes up to {@code size} messages off the head of the queue. */
    List<QueuedMessage> takeHead(int size) {
        return inQueueOrder(jdbc.query(TAKE, QueuedMessages::queued, size));
    }

    /** Takes the given messages off the queue, those still there. */
    List<QueuedMessage> take(List<Long> seqs) {
        return inQueueOrder(jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            delete from ingest.queue where seq = any(?)
                            returning seq, message_id, write_key_id, received_at, body""");
                    statement.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
                    return statement;
                },
                QueuedMessages::queued));
    }

    /** DELETE ... RETURNING hands rows back in the order it found them, not in queue order. */
    private static List<QueuedMessage> inQueueOrder(List<QueuedMessage> taken) {
        return taken.stream()
                .sorted(Comparator.comparingLong(QueuedMessage::seq))
                .toList();
    }

    /** Moves a message that failed alone to {@code ingest.dead_letter} with its error; false if it was gone. */
    boolean deadLetter(long seq, String error) {
        return jdbc.update("""
                with failed as (delete from ingest.queue where seq = ? returning *)
                insert into ingest.dead_letter (seq, message_id, write_key_id, received_at, body, error, failed_at)
                select seq, message_id, write_key_id, received_at, body, ?, ? from failed""", seq, error, Timestamps.of(clock.instant())) > 0;
    }

    /** About how many messages wait: the span of queue positions, -1 when the database cannot be asked. */
    long depth() {
        try {
            var depth =
                    jdbc.queryForObject("select coalesce(max(seq) - min(seq) + 1, 0) from ingest.queue", Long.class);
            return depth == null ? 0 : depth;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static QueuedMessage queued(ResultSet rs, int row) throws SQLException {
        var writeKey = rs.getLong("write_key_id");
        var writeKeyId = rs.wasNull() ? null : writeKey;
        return new QueuedMessage(
                rs.getLong("seq"),
                rs.getString("message_id"),
                writeKeyId,
                Timestamps.read(rs, "received_at"),
                rs.getString("body"));
    }
}
