package io.siyu.audience.internal.engine;

import io.siyu.access.AuditLog;
import io.siyu.audience.internal.activity.ActivityReplay;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.shared.ConflictException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the per-day activity table ({@code audience.activity}) from every stored event, then the index from it:
 * for events recorded before the audience module kept activity, and after {@code siyu.audience.indexed-properties} or
 * {@code measures} changed, so that behaviour conditions on a newly indexed property cover the whole history.
 *
 * <p>The table is emptied and filled again in one transaction ({@link ActivityReplay}). Meanwhile the pipeline's
 * batches wait (the batch lock of {@link CurrentIndex} is held), so nothing is counted twice or lost: a batch that recorded events before the rebuild
 * began but had not written its activity yet writes it into the new table once the lock is released. Ingestion goes on
 * acknowledging messages; they are applied when the rebuild is done. The audience answers 503 while the index is built
 * again afterwards, as after a start.
 */
@Component
public class ActivityRebuild {

    private static final Logger log = LoggerFactory.getLogger(ActivityRebuild.class);

    /** Where a rebuild stands: {@code state} is one of idle, rebuilding-activity, building-index, done, failed. */
    @Schema(name = "ActivityRebuildStatus")
    public record Status(
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

    private final ActivityReplay replay;
    private final CurrentIndex current;
    private final IndexBuilder builder;
    private final AuditLog audit;
    private final Clock clock;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.IDLE);

    ActivityRebuild(ActivityReplay replay, CurrentIndex current, IndexBuilder builder, AuditLog audit, Clock clock) {
        this.replay = replay;
        this.current = current;
        this.builder = builder;
        this.audit = audit;
        this.clock = clock;
    }

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild in the background; refused while one runs or the index is being built. */
    public synchronized Status start(String operator) {
        if (status.get().running()) {
            throw new ConflictException("rebuild-running", "a rebuild of the behaviour is running; see its status");
        }
        if (!current.ready()) {
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
            ActivityReplay.Progress replayed;
            current.holdBatches();
            try {
                replayed = replay.replay(progress -> update(s -> s.progressed(
                        progress.customersRead(), progress.customersTotal(), progress.events(), progress.rows())));
            } finally {
                current.releaseBatches();
            }
            log.info(
                    "audience activity rebuilt from {} stored events into {} rows; building the index",
                    replayed.events(),
                    replayed.rows());
            update(s -> s.in("building-index", null, null));
            builder.rebuild();
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
