package io.siyu.audience.internal.segments;

import io.siyu.access.AuditLog;
import io.siyu.access.Viewer;
import io.siyu.audience.internal.definitions.DefinitionStore;
import io.siyu.audience.internal.engine.MembershipPublisher;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.shared.InputRules;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** A segment over time: its size day by day, and the snapshots operators take of its members ("as of" lists). */
@Service
public class SegmentHistory {

    private final CurrentIndex current;
    private final DefinitionStore store;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    SegmentHistory(CurrentIndex current, DefinitionStore store, JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.current = current;
        this.store = store;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public record TrendPoint(LocalDate day, long size) {}

    public List<TrendPoint> trend(long id, int days) {
        store.segment(id).orElseThrow(() -> new NotFoundException("segment", id));
        var from = current.today().minusDays(days - 1L);
        return jdbc.query(
                "select day, size from audience.segment_size where segment_id = ? and day >= ? order by day",
                (rs, n) -> new TrendPoint(rs.getObject("day", LocalDate.class), rs.getLong("size")),
                id,
                from);
    }

    public record Snapshot(
            long id,
            long segmentId,
            String name,
            long size,
            Instant takenAt,
            @Nullable String takenBy) {}

    public Snapshot snapshot(long segmentId, String name) {
        InputRules.requireMaxLength("name", name, InputRules.MAX_NAME_LENGTH);
        current.requireReady();
        var segment = store.segment(segmentId).orElseThrow(() -> new NotFoundException("segment", segmentId));
        var members = current.index().segmentMembers(segmentId);
        var label = name == null || name.isBlank() ? segment.name() + " " + current.today() : name.strip();
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

    public List<Snapshot> snapshots(long segmentId) {
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

    public RoaringBitmap snapshotMembers(long segmentId, long snapshotId) {
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
}
