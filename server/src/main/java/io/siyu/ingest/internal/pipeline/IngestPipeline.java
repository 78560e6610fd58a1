package io.siyu.ingest.internal.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.siyu.ingest.internal.messages.IngestProperties;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies acknowledged messages to profiles and orders, in the order they were stored, a batch at a time:
 * {@link QueuedMessages} takes them off the queue and {@link BatchApplier} applies them; this class decides the
 * transactions, the retries and when to run.
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
public class IngestPipeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    private final QueuedMessages queue;
    private final BatchApplier applier;
    private final TransactionTemplate transactions;
    private final IngestProperties properties;
    private final Semaphore signal = new Semaphore(0);
    private final Counter applied;
    private final Counter deadLettered;
    private final Timer batchTimer;
    private volatile boolean running;
    private Thread worker;

    IngestPipeline(
            QueuedMessages queue,
            BatchApplier applier,
            PlatformTransactionManager transactionManager,
            IngestProperties properties,
            MeterRegistry meters) {
        this.queue = queue;
        this.applier = applier;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.applied = meters.counter("siyu.pipeline.messages.applied");
        this.deadLettered = meters.counter("siyu.pipeline.messages.dead_lettered");
        this.batchTimer = meters.timer("siyu.pipeline.batch");
        Gauge.builder("siyu.pipeline.queue.depth", this, IngestPipeline::queueDepth)
                .register(meters);
    }

    /** Tells the pipeline that new messages are waiting. */
    public void wakeUp() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Applies everything queued now, in the caller's thread; for tests and the demo loader. */
    public int drainAll() {
        var total = 0;
        int applied;
        do {
            applied = drainOnce();
            total += applied;
        } while (applied > 0);
        return total;
    }

    public long queueDepth() {
        return queue.depth();
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
        var failed = new ArrayList<QueuedMessages.QueuedMessage>();
        Integer count = batchTimer.record(() -> transactions.execute(status -> {
            if (!queue.lockPipeline()) {
                return 0;
            }
            queue.relaxCommit();
            var batch = queue.takeHead(properties.batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            try {
                applier.apply(batch);
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
            retryInHalves(failed.stream().map(QueuedMessages.QueuedMessage::seq).toList());
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
                queue.relaxCommit();
                var batch = queue.take(seqs);
                applier.apply(batch);
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

    private void applyAlone(long seq) {
        try {
            transactions.executeWithoutResult(status -> {
                var batch = queue.take(List.of(seq));
                if (!batch.isEmpty()) {
                    applier.apply(batch);
                    applied.increment();
                }
            });
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e;
            }
            transactions.executeWithoutResult(status -> {
                if (queue.deadLetter(seq, describe(e))) {
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
