package io.siyu.audience.internal;

import io.siyu.access.AuditLog;
import io.siyu.customers.Profiles;
import io.siyu.customers.TouchesRecorded;
import io.siyu.shared.ConflictException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the per-day activity table ({@code audience.activity}) from every stored event, then the index from it:
 * for events recorded before the audience module kept activity, and after {@code siyu.audience.indexed-properties} or
 * {@code measures} changed, so that behaviour conditions on a newly indexed property cover the whole history.
 *
 * <p>The table is emptied and filled again in one transaction, a range of customer ids at a time, reading each range's
 * events and turning them into activity exactly as the event flow does. Meanwhile the pipeline's batches wait (the
 * engine's batch lock is held), so nothing is counted twice or lost: a batch that recorded events before the rebuild
 * began but had not written its activity yet writes it into the new table once the lock is released. Ingestion goes on
 * acknowledging messages; they are applied when the rebuild is done. The audience answers 503 while the index is built
 * again afterwards, as after a start.
 */
@Component
class ActivityRebuild {

    private static final Logger log = LoggerFactory.getLogger(ActivityRebuild.class);

    /** Customer ids read per step: their events are turned into activity in memory, then written. */
    private static final int CUSTOMERS_PER_STEP = 20_000;

    /** Where a rebuild stands: {@code state} is one of idle, rebuilding-activity, building-index, done, failed. */
    @Schema(name = "ActivityRebuildStatus")
    record Status(
            String state,
            @Nullable Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String startedBy,
            long customersRead,
            long customersTotal,
            long events,
            long rows,
            @Nullable String error) {

        static final Status IDLE = new Status("idle", null, null, null, 0, 0, 0, 0, null);

        boolean running() {
            return state.equals("rebuilding-activity") || state.equals("building-index");
        }

        /** The same rebuild in another state; {@code finishedAt} and {@code error} as given. */
        Status in(String next, Instant finished, String failure) {
            return new Status(
                    next, startedAt, finished, startedBy, customersRead, customersTotal, events, rows, failure);
        }

        Status progressed(long read, long total, long eventsRead, long rowsWritten) {
            return new Status(state, startedAt, null, startedBy, read, total, eventsRead, rowsWritten, null);
        }
    }

    private final Profiles profiles;
    private final ActivityRecorder recorder;
    private final ActivityStore store;
    private final AudienceEngine engine;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Clock clock;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.IDLE);

    ActivityRebuild(
            Profiles profiles,
            ActivityRecorder recorder,
            ActivityStore store,
            AudienceEngine engine,
            PlatformTransactionManager transactions,
            AuditLog audit,
            Clock clock) {
        this.profiles = profiles;
        this.recorder = recorder;
        this.store = store;
        this.engine = engine;
        this.transaction = new TransactionTemplate(transactions);
        this.audit = audit;
        this.clock = clock;
    }

    Status status() {
        return status.get();
    }

    /** Starts a rebuild in the background; refused while one runs or the index is being built. */
    synchronized Status start(String operator) {
        if (status.get().running()) {
            throw new ConflictException("rebuild-running", "a rebuild of the behaviour is running; see its status");
        }
        if (!engine.ready()) {
            throw new ConflictException(
                    "index-building", "the audience index is being built; try again when it is ready");
        }
        var started = new Status("rebuilding-activity", clock.instant(), null, operator, 0, 0, 0, 0, null);
        status.set(started);
        audit.record("audience.activity-rebuild-started", "audience:activity", Map.of());
        Thread.ofPlatform().name("siyu-audience-activity-rebuild").daemon(true).start(this::run);
        return started;
    }

    private void run() {
        try {
            var rows = new AtomicLong();
            var events = new AtomicLong();
            engine.batchStarted();
            try {
                transaction.executeWithoutResult(tx -> {
                    store.clear();
                    var highest = profiles.highestCustomerId();
                    update(s -> s.progressed(0, highest, 0, 0));
                    for (long from = 1; from <= highest; from += CUSTOMERS_PER_STEP) {
                        var touches = new ArrayList<TouchesRecorded.RecordedTouch>();
                        profiles.forEachStoredTouch(from, from + CUSTOMERS_PER_STEP, touches::add);
                        var deltas = recorder.deltas(touches);
                        store.add(deltas);
                        events.addAndGet(touches.size());
                        rows.addAndGet(deltas.size());
                        var read = Math.min(highest, from + CUSTOMERS_PER_STEP - 1);
                        update(s -> s.progressed(read, highest, events.get(), rows.get()));
                    }
                });
            } finally {
                engine.batchDone();
            }
            log.info("audience activity rebuilt from {} stored events into {} rows; building the index", events, rows);
            update(s -> s.in("building-index", null, null));
            engine.rebuild();
            update(s -> s.in("done", clock.instant(), null));
        } catch (RuntimeException e) {
            log.error("rebuilding the audience activity failed; the table is as it was", e);
            update(s -> s.in("failed", clock.instant(), String.valueOf(e.getMessage())));
        }
    }

    private void update(java.util.function.UnaryOperator<Status> change) {
        status.updateAndGet(change);
    }
}
