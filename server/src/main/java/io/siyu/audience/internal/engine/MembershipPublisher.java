package io.siyu.audience.internal.engine;

import io.siyu.audience.CustomerChangedStage;
import io.siyu.audience.CustomerEnteredSegment;
import io.siyu.audience.CustomerLeftSegment;
import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.customers.CustomerId;
import io.siyu.shared.Timestamps;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces what changed in segments, stages and rule tags, and persists where everyone stands.
 *
 * <p>Every change is published, in a transaction, as one event per customer ({@link CustomerEnteredSegment},
 * {@link CustomerLeftSegment}, {@link CustomerChangedStage}); the module event registry makes sure a listening module
 * receives it even if it fails first. Stage moves and rule-tag changes are also written to their history tables.
 *
 * <p>Segment and stage members are persisted as compressed bitmaps, every few seconds for the sets that changed (and
 * at shutdown); at start the engine diffs the fresh sets against them, so changes that happened while Siyu was down
 * (a day passed) are announced too. Announcements are therefore at least once: after a crash, changes of the last few
 * seconds may be announced again, and listeners must be idempotent.
 */
@Component
public class MembershipPublisher {

    enum Kind {
        SEGMENT,
        TAG,
        TAG_VALUE,
        STAGE
    }

    /** Customers who entered and left one set: a segment or rule tag (by id), or a stage or tag value (by name). */
    record Change(Kind kind, String name, String value, RoaringBitmap entered, RoaringBitmap left) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Set<Long> dirtySegments = ConcurrentHashMap.newKeySet();
    private final Set<String> dirtyModels = ConcurrentHashMap.newKeySet();
    private volatile AudienceIndex index;

    /**
     * Held while changes are announced, so that announcements go out in the order the changes were made: the changes
     * found at start (everything that happened while Siyu was down) before those of the first batches applied after.
     */
    private final java.util.concurrent.locks.ReentrantLock announcing = new java.util.concurrent.locks.ReentrantLock();

    /** The turn to announce, held from {@link #takeTurn} until closed, by the thread that took it. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the turn to announce: announcements from other threads wait until it is closed. */
    Turn takeTurn() {
        announcing.lock();
        return announcing::unlock;
    }

    MembershipPublisher(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.clock = clock;
    }

    /** Loads the persisted members into the index, so that the first full refresh yields the changes since. */
    void preload(AudienceIndex index) {
        this.index = index;
        jdbc.query("select segment_id, members from audience.segment_membership", (RowCallbackHandler) rs -> {
            var members = deserialize(rs.getBytes("members"));
            var segment = rs.getLong("segment_id");
            index.write(() -> index.putSegment(segment, members));
        });
        jdbc.query("select model, stage, members from audience.stage_membership", (RowCallbackHandler) rs -> {
            var members = deserialize(rs.getBytes("members"));
            var model = rs.getString("model");
            var stage = rs.getString("stage");
            index.write(() -> index.putStage(model, stage, members));
        });
    }

    void publish(List<Change> changes) {
        publish(changes, null);
    }

    /**
     * Publishes changes, except that the stage placements of {@code newModel} (a lifecycle model just created) are
     * recorded as transitions without an announcement each: nothing changed for its customers, as for a new segment's
     * first members.
     */
    void publish(List<Change> changes, @org.jspecify.annotations.Nullable String newModel) {
        if (changes.isEmpty()) {
            return;
        }
        try (var turn = takeTurn()) {
            announce(changes, newModel);
        }
    }

    private void announce(List<Change> changes, @org.jspecify.annotations.Nullable String newModel) {
        var now = clock.instant();
        transactions.executeWithoutResult(status -> {
            var stageMoves = new HashMap<String, Map<Integer, String[]>>();
            for (var change : changes) {
                switch (change.kind()) {
                    case SEGMENT -> {
                        var segment = Long.parseLong(change.name());
                        change.entered()
                                .forEach((int ordinal) -> events.publishEvent(
                                        new CustomerEnteredSegment(segment, CustomerId.of(ordinal), now)));
                        change.left()
                                .forEach((int ordinal) -> events.publishEvent(
                                        new CustomerLeftSegment(segment, CustomerId.of(ordinal), now)));
                        dirtySegments.add(segment);
                    }
                    case STAGE -> {
                        var moves = stageMoves.computeIfAbsent(change.name(), m -> new HashMap<>());
                        change.left()
                                .forEach((int ordinal) ->
                                        moves.computeIfAbsent(ordinal, o -> new String[2])[0] = change.value());
                        change.entered()
                                .forEach((int ordinal) ->
                                        moves.computeIfAbsent(ordinal, o -> new String[2])[1] = change.value());
                        dirtyModels.add(change.name());
                    }
                    case TAG -> tagChanges(Long.parseLong(change.name()), change, null, now);
                    case TAG_VALUE -> tagChanges(Long.parseLong(change.name()), change, change.value(), now);
                }
            }
            stageMoves.forEach((model, moves) -> recordMoves(model, moves, now, !model.equals(newModel)));
        });
    }

    /**
     * Records stage moves and announces each: the transitions are written with PostgreSQL's COPY (in the caller's
     * transaction), several times faster than batched inserts where it matters, a first start on ten million customers
     * recording twenty million, and one round trip for the few of a batch.
     */
    private void recordMoves(String model, Map<Integer, String[]> moves, java.time.Instant now, boolean announce) {
        var at = now.toString();
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            var copy = connection
                    .unwrap(org.postgresql.PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy audience.stage_transition (model, customer_id, from_stage, to_stage, at) "
                            + "from stdin with (format csv)");
            try {
                var line = new StringBuilder();
                var buffer = new ByteArrayOutputStream(1 << 16);
                for (var entry : moves.entrySet()) {
                    var move = entry.getValue();
                    if (move[1] == null) {
                        continue; // left every stage: merged away or erased
                    }
                    line.setLength(0);
                    line.append(csv(model))
                            .append(',')
                            .append(entry.getKey().longValue())
                            .append(',');
                    if (move[0] != null) {
                        line.append(csv(move[0]));
                    }
                    line.append(',').append(csv(move[1])).append(',').append(at).append('\n');
                    buffer.writeBytes(line.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    if (buffer.size() > (1 << 16) - 512) {
                        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                        buffer.reset();
                    }
                }
                copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            return null;
        });
        if (!announce) {
            return;
        }
        // after the COPY: a module that listens records the event's publication on this connection, busy until then
        moves.forEach((customer, move) -> {
            if (move[1] != null) {
                events.publishEvent(new CustomerChangedStage(model, CustomerId.of(customer), move[0], move[1], now));
            }
        });
    }

    /** A text field of CSV, always quoted, so that an empty stage name is not read as NULL. */
    private static String csv(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private void tagChanges(long tag, Change change, String value, java.time.Instant now) {
        var added = new ArrayList<Object[]>();
        change.entered()
                .forEach((int ordinal) -> added.add(
                        new Object[] {tag, (long) ordinal, value == null ? "" : value, Timestamps.of(now), "rule"}));
        jdbc.batchUpdate("""
                insert into audience.tag_assignment (tag_id, customer_id, value, assigned_at, assigned_by)
                values (?, ?, ?, ?, ?)
                on conflict (tag_id, customer_id) do update set value = excluded.value, assigned_at = excluded.assigned_at""", added);
        var history = new ArrayList<Object[]>();
        change.entered()
                .forEach((int ordinal) -> history.add(new Object[] {
                    tag, (long) ordinal, value == null ? "ADDED" : "CHANGED", value, Timestamps.of(now), "rule"
                }));
        if (value == null) {
            var removed = new ArrayList<Object[]>();
            change.left().forEach((int ordinal) -> {
                removed.add(new Object[] {tag, (long) ordinal});
                history.add(new Object[] {tag, (long) ordinal, "REMOVED", null, Timestamps.of(now), "rule"});
            });
            jdbc.batchUpdate("delete from audience.tag_assignment where tag_id = ? and customer_id = ?", removed);
        }
        jdbc.batchUpdate("""
                insert into audience.tag_history (tag_id, customer_id, change, value, at, by_whom)
                values (?, ?, ?, ?, ?, ?)""", history);
    }

    /** Writes the members of the sets that changed since the last flush. */
    @Scheduled(fixedDelayString = "${siyu.audience.flush-millis:5000}")
    void flush() {
        var current = index;
        if (current == null || (dirtySegments.isEmpty() && dirtyModels.isEmpty())) {
            return;
        }
        var now = Timestamps.of(clock.instant());
        var segments = new ArrayList<>(dirtySegments);
        dirtySegments.removeAll(segments);
        var models = new ArrayList<>(dirtyModels);
        dirtyModels.removeAll(models);
        // copies of the members under the read lock, compacted and serialized after it, so that the pipeline's writes
        // do not wait for that
        var rows = current.read(() -> {
            var segmentRows = new ArrayList<Object[]>();
            for (var id : segments) {
                var members = current.segment(id);
                if (members != null) {
                    segmentRows.add(new Object[] {id, members.clone(), (long) members.getCardinality(), now});
                }
            }
            var stageRows = new ArrayList<Object[]>();
            for (var model : models) {
                current.stages(model)
                        .forEach((stage, members) -> stageRows.add(
                                new Object[] {model, stage, members.clone(), (long) members.getCardinality(), now}));
            }
            return List.of(segmentRows, stageRows);
        });
        rows.get(0).forEach(row -> row[1] = serializeOwned((RoaringBitmap) row[1]));
        rows.get(1).forEach(row -> row[2] = serializeOwned((RoaringBitmap) row[2]));
        jdbc.batchUpdate("""
                insert into audience.segment_membership (segment_id, members, size, updated_at) values (?, ?, ?, ?)
                on conflict (segment_id) do update set members = excluded.members, size = excluded.size,
                       updated_at = excluded.updated_at""", rows.get(0));
        jdbc.batchUpdate("""
                insert into audience.stage_membership (model, stage, members, size, updated_at) values (?, ?, ?, ?, ?)
                on conflict (model, stage) do update set members = excluded.members, size = excluded.size,
                       updated_at = excluded.updated_at""", rows.get(1));
        recordSizes(current, LocalDate.now(clock.withZone(current.zone())));
    }

    /** Records today's size of every segment and stage (the last size seen today wins). */
    void recordSizes(AudienceIndex index, LocalDate day) {
        var sizes = index.read(() -> {
            var segmentRows = new ArrayList<Object[]>();
            index.forEachSegment(
                    (id, members) -> segmentRows.add(new Object[] {id, day, (long) members.getCardinality()}));
            var stageRows = new ArrayList<Object[]>();
            index.forEachStage((model, stage, members) ->
                    stageRows.add(new Object[] {model, stage, day, (long) members.getCardinality()}));
            return List.of(segmentRows, stageRows);
        });
        jdbc.batchUpdate("""
                insert into audience.segment_size (segment_id, day, size) values (?, ?, ?)
                on conflict (segment_id, day) do update set size = excluded.size""", sizes.get(0));
        jdbc.batchUpdate("""
                insert into audience.stage_size (model, stage, day, size) values (?, ?, ?, ?)
                on conflict (model, stage, day) do update set size = excluded.size""", sizes.get(1));
    }

    void markSegment(long id) {
        dirtySegments.add(id);
    }

    public static byte[] serialize(RoaringBitmap members) {
        // a copy: compacting the index's own bitmap would change it under concurrent readers
        return serializeOwned(members.clone());
    }

    /** Serializes a bitmap nobody else holds, compacting it first. */
    private static byte[] serializeOwned(RoaringBitmap bitmap) {
        bitmap.runOptimize();
        var bytes = new ByteArrayOutputStream(bitmap.serializedSizeInBytes());
        try (var out = new DataOutputStream(bytes)) {
            bitmap.serialize(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static RoaringBitmap deserialize(byte[] bytes) {
        var bitmap = new RoaringBitmap();
        try {
            bitmap.deserialize(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bitmap;
    }
}
