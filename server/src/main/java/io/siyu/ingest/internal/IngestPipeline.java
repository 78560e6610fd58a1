package io.siyu.ingest.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.siyu.commerce.CustomerTouch;
import io.siyu.commerce.OrderBook;
import io.siyu.customers.Profiles;
import io.siyu.customers.Touch;
import io.siyu.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies acknowledged messages to profiles and orders, in the order they were stored, a batch at a time.
 *
 * <p>Each batch is taken off the queue and applied in one transaction: a crash before the commit leaves the messages
 * in the queue, a commit removes them and applies them together, so every acknowledged message is applied exactly
 * once. One pipeline runs at a time across all nodes (a transaction-scoped advisory lock), which lets identity
 * resolution work in memory without racing another node.
 *
 * <p>A batch that fails is retried one message at a time; a message that fails alone for a reason that is not
 * transient (a bug, data the rules missed) moves to the dead-letter table with its error instead of blocking the
 * queue. Transient failures (the database went away) are retried after a pause and never dead-letter anything.
 */
@Component
class IngestPipeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);
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
    private final TransactionTemplate transactions;
    private final SegmentMessages messages;
    private final Profiles profiles;
    private final OrderBook orders;
    private final IngestProperties properties;
    private final Clock clock;
    private final Semaphore signal = new Semaphore(0);
    private final Counter applied;
    private final Counter deadLettered;
    private final Timer batchTimer;
    private volatile boolean running;
    private Thread worker;

    IngestPipeline(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            SegmentMessages messages,
            Profiles profiles,
            OrderBook orders,
            IngestProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.messages = messages;
        this.profiles = profiles;
        this.orders = orders;
        this.properties = properties;
        this.clock = clock;
        this.applied = meters.counter("siyu.pipeline.messages.applied");
        this.deadLettered = meters.counter("siyu.pipeline.messages.dead_lettered");
        this.batchTimer = meters.timer("siyu.pipeline.batch");
        Gauge.builder("siyu.pipeline.queue.depth", this, IngestPipeline::queueDepth)
                .register(meters);
    }

    record QueuedMessage(long seq, String messageId, Long writeKeyId, Instant receivedAt, String body) {}

    /** Tells the pipeline that new messages are waiting. */
    void wakeUp() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Applies everything queued now, in the caller's thread; for tests and the demo loader. */
    int drainAll() {
        var total = 0;
        int applied;
        do {
            applied = drainOnce();
            total += applied;
        } while (applied > 0);
        return total;
    }

    long queueDepth() {
        try {
            var depth =
                    jdbc.queryForObject("select coalesce(max(seq) - min(seq) + 1, 0) from ingest.queue", Long.class);
            return depth == null ? 0 : depth;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void loop() {
        while (running) {
            try {
                var count = drainOnce();
                if (count == 0) {
                    signal.tryAcquire(properties.idlePollMillis(), TimeUnit.MILLISECONDS);
                }
                if (count < properties.batchSize() && properties.lingerMillis() > 0) {
                    // Not behind: let messages gather for a moment. Fewer, larger batches cost the database far less
                    // than one transaction per acknowledged request, at the price of this much delay.
                    Thread.sleep(properties.lingerMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("pipeline paused after a failure; retrying in a second", e);
                pause();
            }
        }
    }

    synchronized int drainOnce() {
        var failed = new ArrayList<QueuedMessage>();
        Integer count = batchTimer.record(() -> transactions.execute(status -> {
            if (!Boolean.TRUE.equals(
                    jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY))) {
                return 0;
            }
            relaxCommit();
            // DELETE ... RETURNING hands rows back in the order it found them, not in queue order
            var batch = jdbc.query(TAKE, IngestPipeline::queued, properties.batchSize()).stream()
                    .sorted(java.util.Comparator.comparingLong(QueuedMessage::seq))
                    .toList();
            if (batch.isEmpty()) {
                return 0;
            }
            try {
                apply(batch);
                return batch.size();
            } catch (RuntimeException e) {
                if (isTransient(e)) {
                    throw e;
                }
                log.warn("a batch of {} messages failed; retrying it in halves", batch.size(), e);
                status.setRollbackOnly();
                failed.addAll(batch);
                return 0;
            }
        }));
        if (!failed.isEmpty()) {
            retryInHalves(failed.stream().map(QueuedMessage::seq).toList());
            return failed.size();
        }
        applied.increment(count == null ? 0 : count);
        return count == null ? 0 : count;
    }

    /**
     * Finds the messages that fail by bisection: each half is applied in its own transaction, a half that fails is
     * split again, and a single message that fails is dead-lettered. A batch with one bad message costs about
     * 2·log2(n) transactions instead of n.
     */
    private void retryInHalves(List<Long> seqs) {
        if (seqs.size() == 1) {
            applyAlone(seqs.getFirst());
            return;
        }
        try {
            transactions.executeWithoutResult(status -> {
                relaxCommit();
                var batch = take(seqs);
                apply(batch);
                applied.increment(batch.size());
            });
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e;
            }
            var middle = seqs.size() / 2;
            retryInHalves(seqs.subList(0, middle));
            retryInHalves(seqs.subList(middle, seqs.size()));
        }
    }

    private List<QueuedMessage> take(List<Long> seqs) {
        return jdbc
                .query(
                        connection -> {
                            var statement = connection.prepareStatement("""
                                    delete from ingest.queue where seq = any(?)
                                    returning seq, message_id, write_key_id, received_at, body""");
                            statement.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
                            return statement;
                        },
                        IngestPipeline::queued)
                .stream()
                .sorted(java.util.Comparator.comparingLong(QueuedMessage::seq))
                .toList();
    }

    /**
     * Lets this transaction commit without waiting for its WAL to reach the disk. Safe here, and only here: the batch
     * is taken off the queue in the same transaction that applies it, so if a crash loses the commit, the messages
     * are back in the queue and are applied again; nothing acknowledged depends on it. Waiting would make every
     * acknowledgement queue behind the pipeline's large WAL flushes.
     */
    private void relaxCommit() {
        jdbc.execute("set local synchronous_commit = off");
    }

    private void apply(List<QueuedMessage> batch) {
        var touches = new ArrayList<Touch>(batch.size());
        for (var message : batch) {
            touches.add(messages.touch(message.body()));
        }
        var customers = profiles.record(touches);
        var customerTouches = new ArrayList<CustomerTouch>(touches.size());
        for (int i = 0; i < touches.size(); i++) {
            customerTouches.add(new CustomerTouch(customers.get(i), touches.get(i)));
        }
        orders.apply(customerTouches);
    }

    private void applyAlone(long seq) {
        try {
            transactions.executeWithoutResult(status -> {
                var batch = take(List.of(seq));
                if (!batch.isEmpty()) {
                    apply(batch);
                    applied.increment();
                }
            });
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e;
            }
            transactions.executeWithoutResult(status -> {
                var moved = jdbc.update("""
                        with failed as (delete from ingest.queue where seq = ? returning *)
                        insert into ingest.dead_letter (seq, message_id, write_key_id, received_at, body, error, failed_at)
                        select seq, message_id, write_key_id, received_at, body, ?, ? from failed""", seq, describe(e), Timestamps.of(clock.instant()));
                if (moved > 0) {
                    deadLettered.increment();
                    log.error("message at queue position {} moved to ingest.dead_letter", seq, e);
                }
            });
        }
    }

    private static String describe(Throwable e) {
        var text = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
    }

    private static boolean isTransient(Throwable e) {
        return e instanceof TransientDataAccessException
                || e instanceof RecoverableDataAccessException
                || e instanceof CannotGetJdbcConnectionException
                || e instanceof QueryTimeoutException;
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

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        if (!properties.pipelineEnabled()) {
            log.info("ingestion pipeline disabled (siyu.ingest.pipeline-enabled=false): messages stay queued");
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("siyu-pipeline").daemon(true).start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            // no interrupt: a worker interrupted inside a JDBC call may leave a broken connection behind
            signal.release();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
