package io.siyu.audience.internal;

import io.siyu.access.AuditLog;
import io.siyu.access.Viewer;
import io.siyu.customers.CustomerId;
import io.siyu.customers.CustomerSummary;
import io.siyu.customers.Profiles;
import io.siyu.shared.ConflictException;
import io.siyu.shared.Cursor;
import io.siyu.shared.InputRules;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Problems;
import io.siyu.shared.Slice;
import io.siyu.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Segments: definitions, live counts, members, overlaps, snapshots and trends. */
@Service
class AudienceService {

    private final AudienceEngine engine;
    private final DefinitionStore store;
    private final MembershipPublisher publisher;
    private final Profiles profiles;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AudienceService(
            AudienceEngine engine,
            DefinitionStore store,
            MembershipPublisher publisher,
            Profiles profiles,
            AuditLog audit,
            JdbcTemplate jdbc,
            Clock clock) {
        this.engine = engine;
        this.store = store;
        this.publisher = publisher;
        this.profiles = profiles;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Refuses questions while the index is being built, with how far it got. */
    void requireReady() {
        if (!engine.ready()) {
            var problem = Problems.problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "index-building",
                    "Audience index is being built",
                    "the audience index is being built (" + engine.loadedProfiles()
                            + " profiles so far); try again in a moment");
            throw new AudienceNotReady(problem);
        }
    }

    /** The index is still being built: answered 503 with a Retry-After. */
    static final class AudienceNotReady extends RuntimeException {
        final org.springframework.http.ProblemDetail problem;

        AudienceNotReady(org.springframework.http.ProblemDetail problem) {
            super(problem.getDetail(), null, false, false);
            this.problem = problem;
        }
    }

    AudienceEngine.Status status() {
        return engine.status();
    }

    AudienceEngine.Vocabulary vocabulary() {
        requireReady();
        return engine.vocabulary();
    }

    ConditionParser.Parsed parse(JsonNode definition) {
        requireReady();
        return ConditionParser.parse(definition, engine.catalog());
    }

    record Count(long count, long live, double tookMillis) {}

    Count count(JsonNode definition) {
        var parsed = parse(definition);
        var started = System.nanoTime();
        var members = engine.index().read(() -> engine.evaluator().evaluate(parsed.condition(), null));
        var live = engine.index().read(() -> (long) engine.index().live.getCardinality());
        return new Count(members.getCardinality(), live, (System.nanoTime() - started) / 1e6);
    }

    record Preview(long count, List<CustomerSummary> customers) {}

    Preview preview(JsonNode definition, int limit) {
        var parsed = parse(definition);
        var members = engine.index().read(() -> engine.evaluator().evaluate(parsed.condition(), null));
        return new Preview(members.getCardinality(), summaries(first(members, null, limit)));
    }

    record SegmentView(
            long id,
            String name,
            @Nullable String description,
            JsonNode definition,
            int version,
            boolean builtIn,
            long size,
            @Nullable String createdBy,
            Instant createdAt,
            Instant updatedAt) {}

    List<SegmentView> segments() {
        return store.segments().stream().map(this::view).toList();
    }

    SegmentView segment(long id) {
        return view(store.segment(id).orElseThrow(() -> new NotFoundException("segment", id)));
    }

    private SegmentView view(DefinitionStore.StoredSegment segment) {
        var size = engine.index().read(() -> {
            var members = engine.index().segments.get(segment.id());
            return members == null ? 0L : (long) members.getCardinality();
        });
        return new SegmentView(
                segment.id(),
                segment.name(),
                segment.description(),
                segment.definition(),
                segment.version(),
                segment.builtIn(),
                size,
                segment.createdBy(),
                segment.createdAt(),
                segment.updatedAt());
    }

    SegmentView create(String name, String description, JsonNode definition) {
        requireName(name);
        InputRules.requireMaxLength("description", description, InputRules.MAX_DESCRIPTION_LENGTH);
        var parsed = parse(definition);
        var id = store.createSegment(name.strip(), description, definition, false, Viewer.name(), clock.instant());
        // a new segment's first members are not announced as entries: nothing changed for them
        engine.index().write(() -> {
            engine.reloadRegistry();
            engine.index().segments.put(id, engine.evaluator().evaluate(parsed.condition(), null));
        });
        publisher.markSegment(id);
        audit.record("segment.created", "segment:" + id, Map.of("name", name));
        return segment(id);
    }

    SegmentView update(long id, String name, String description, JsonNode definition) {
        requireName(name);
        InputRules.requireMaxLength("description", description, InputRules.MAX_DESCRIPTION_LENGTH);
        var existing = store.segment(id).orElseThrow(() -> new NotFoundException("segment", id));
        if (existing.builtIn()) {
            throw new ConflictException("built-in", "built-in segments cannot be changed; copy it instead");
        }
        var parsed = parse(definition);
        SegmentOrder.refuseCycles("segment:" + id, parsed, engine.registry(), "definition.condition");
        var version = store.updateSegment(id, name.strip(), description, definition, Viewer.name(), clock.instant());
        engine.index().write(engine::reloadRegistry);
        // a changed definition is announced: customers who now match entered, those who no longer do left
        engine.refresh(null);
        audit.record("segment.updated", "segment:" + id, Map.of("name", name, "version", version));
        return segment(id);
    }

    void delete(long id) {
        var existing = store.segment(id).orElseThrow(() -> new NotFoundException("segment", id));
        if (existing.builtIn()) {
            throw new ConflictException("built-in", "built-in segments cannot be deleted");
        }
        var users = engine.registry().usersOf(parsed -> parsed.segments().contains(id));
        if (!users.isEmpty()) {
            throw new ConflictException("in-use", "in use by " + String.join(", ", users));
        }
        store.deleteSegment(id, clock.instant());
        engine.index().write(() -> {
            engine.reloadRegistry();
            engine.index().segments.remove(id);
        });
        audit.record("segment.deleted", "segment:" + id, Map.of("name", existing.name()));
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "required", "is required");
        }
        InputRules.requireMaxLength("name", name, InputRules.MAX_NAME_LENGTH);
    }

    List<DefinitionStore.Version> versions(long id) {
        store.segment(id).orElseThrow(() -> new NotFoundException("segment", id));
        return store.versions(id);
    }

    /** Checks a page request's limit (1 to 500) and answers its cursor, null for the first page. */
    static String cursor(String cursor, int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "range", "must be between 1 and 500");
        }
        return cursor == null || cursor.isBlank() ? null : cursor;
    }

    /** A page of a segment's members, by customer id ascending. */
    Slice<CustomerSummary> members(long id, String cursor, int limit) {
        requireReady();
        store.segment(id).orElseThrow(() -> new NotFoundException("segment", id));
        return page(index -> index.segments.get(id), cursor, limit);
    }

    /** A page of the customers who have a tag, by customer id ascending. */
    Slice<CustomerSummary> tagMembers(long tagId, String cursor, int limit) {
        requireReady();
        store.tag(tagId).orElseThrow(() -> new NotFoundException("tag", tagId));
        return page(index -> index.tags.get(tagId), cursor, limit);
    }

    private Slice<CustomerSummary> page(
            java.util.function.Function<AudienceIndex, RoaringBitmap> set, String cursor, int limit) {
        var after = cursor == null
                ? null
                : Integer.valueOf(Cursor.decode("cursor", cursor, 1).smallNumber(0));
        var index = engine.index();
        var page = index.read(() -> {
            var members = set.apply(index);
            return members == null
                    ? new Page(List.<Integer>of(), 0)
                    : new Page(first(members, after, Slice.rowsToFetch(limit)), members.getLongCardinality());
        });
        return Slice.cut(page.ids(), limit, id -> Cursor.encode(id))
                .mapItems(this::summaries)
                .withTotal(page.total());
    }

    private record Page(List<Integer> ids, long total) {}

    RoaringBitmap membersOf(long id) {
        return engine.index().read(() -> {
            var members = engine.index().segments.get(id);
            return members == null ? new RoaringBitmap() : members.clone();
        });
    }

    private static List<Integer> first(RoaringBitmap members, Integer after, int limit) {
        var ids = new ArrayList<Integer>(limit);
        var iterator = members.getIntIterator();
        if (after != null) {
            var peekable = members.getIntIterator();
            peekable.advanceIfNeeded(after + 1);
            iterator = peekable;
        }
        while (iterator.hasNext() && ids.size() < limit) {
            ids.add(iterator.next());
        }
        return ids;
    }

    private List<CustomerSummary> summaries(List<Integer> ordinals) {
        return profiles.summaries(ordinals.stream().map(o -> CustomerId.of(o)).toList());
    }

    record Overlap(List<Long> segments, Map<String, Long> regions, long union) {}

    /** Sizes of every region of a Venn diagram of two or three segments, keyed by which segments (e.g. "1+3"). */
    Overlap overlap(List<Long> ids) {
        requireReady();
        if (ids == null || ids.size() < 2 || ids.size() > 3) {
            throw new InvalidInputException("segments", "size", "compare two or three segments");
        }
        var sets = new ArrayList<RoaringBitmap>();
        for (var id : ids) {
            store.segment(id).orElseThrow(() -> new NotFoundException("segment", id));
            sets.add(membersOf(id));
        }
        var regions = new LinkedHashMap<String, Long>();
        for (int mask = 1; mask < (1 << ids.size()); mask++) {
            var region = engine.index().live.clone();
            var name = new ArrayList<String>();
            for (int i = 0; i < ids.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    region.and(sets.get(i));
                    name.add(String.valueOf(ids.get(i)));
                } else {
                    region.andNot(sets.get(i));
                }
            }
            regions.put(String.join("+", name), (long) region.getCardinality());
        }
        var union = new RoaringBitmap();
        sets.forEach(union::or);
        return new Overlap(ids, regions, union.getCardinality());
    }

    record TrendPoint(LocalDate day, long size) {}

    List<TrendPoint> trend(long id, int days) {
        store.segment(id).orElseThrow(() -> new NotFoundException("segment", id));
        var from = LocalDate.now(clock.withZone(engine.index().zone())).minusDays(days - 1L);
        return jdbc.query(
                "select day, size from audience.segment_size where segment_id = ? and day >= ? order by day",
                (rs, n) -> new TrendPoint(rs.getObject("day", LocalDate.class), rs.getLong("size")),
                id,
                from);
    }

    record Snapshot(
            long id,
            long segmentId,
            String name,
            long size,
            Instant takenAt,
            @Nullable String takenBy) {}

    Snapshot snapshot(long segmentId, String name) {
        InputRules.requireMaxLength("name", name, InputRules.MAX_NAME_LENGTH);
        requireReady();
        var segment = store.segment(segmentId).orElseThrow(() -> new NotFoundException("segment", segmentId));
        var members = membersOf(segmentId);
        var label = name == null || name.isBlank()
                ? segment.name() + " "
                        + LocalDate.now(clock.withZone(engine.index().zone()))
                : name.strip();
        var id = jdbc.queryForObject(
                """
                insert into audience.segment_snapshot (segment_id, name, members, size, taken_at, taken_by)
                values (?, ?, ?, ?, ?, ?) returning id""",
                Long.class,
                segmentId,
                label,
                MembershipPublisher.serialize(members),
                (long) members.getCardinality(),
                Timestamps.of(clock.instant()),
                Viewer.name());
        audit.record(
                "segment.snapshot-taken",
                "segment:" + segmentId,
                Map.of("snapshot", id, "size", members.getCardinality()));
        return snapshots(segmentId).stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow();
    }

    List<Snapshot> snapshots(long segmentId) {
        return jdbc.query(
                """
                select id, segment_id, name, size, taken_at, taken_by from audience.segment_snapshot
                 where segment_id = ? order by taken_at desc""",
                (rs, n) -> new Snapshot(
                        rs.getLong("id"),
                        rs.getLong("segment_id"),
                        rs.getString("name"),
                        rs.getLong("size"),
                        Timestamps.read(rs, "taken_at"),
                        rs.getString("taken_by")),
                segmentId);
    }

    RoaringBitmap snapshotMembers(long segmentId, long snapshotId) {
        return jdbc
                .query(
                        "select members from audience.segment_snapshot where id = ? and segment_id = ?",
                        (rs, n) -> MembershipPublisher.deserialize(rs.getBytes(1)),
                        snapshotId,
                        segmentId)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("snapshot", snapshotId));
    }

    List<CustomerSummary> summariesOf(List<Integer> ordinals) {
        return summaries(ordinals);
    }
}
