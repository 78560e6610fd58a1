package io.siyu.audience.internal.definitions;

import io.siyu.shared.ConflictException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Segments with their versions and lifecycle models as stored; every change is stamped with the time it is made. */
@Repository
public class DefinitionStore {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    DefinitionStore(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public record StoredSegment(
            long id,
            String name,
            String description,
            JsonNode definition,
            int version,
            boolean builtIn,
            String createdBy,
            Instant createdAt,
            Instant updatedAt) {}

    public record StoredModel(String name, String label, JsonNode stages, boolean builtIn) {}

    public List<StoredSegment> segments() {
        return jdbc.query("select * from audience.segment where deleted_at is null order by id", this::segmentRow);
    }

    public Optional<StoredSegment> segment(long id) {
        return jdbc
                .query("select * from audience.segment where id = ? and deleted_at is null", this::segmentRow, id)
                .stream()
                .findFirst();
    }

    public long createSegment(String name, String description, JsonNode definition, boolean builtIn, String by) {
        var at = clock.instant();
        try {
            var id = jdbc.queryForObject(
                    """
                    insert into audience.segment (name, description, definition, built_in, created_by, created_at, updated_at)
                    values (?, ?, ?::jsonb, ?, ?, ?, ?) returning id""",
                    Long.class,
                    name,
                    description,
                    json.writeValueAsString(definition),
                    builtIn,
                    by,
                    Timestamps.of(at),
                    Timestamps.of(at));
            version(id, 1, definition, by, at);
            return id;
        } catch (DuplicateKeyException e) {
            throw new ConflictException("unique", "a segment named '" + name + "' exists");
        }
    }

    public int updateSegment(long id, String name, String description, JsonNode definition, String by) {
        var at = clock.instant();
        var current = segment(id).orElseThrow(() -> new NotFoundException("segment", id));
        var version = current.definition().equals(definition) ? current.version() : current.version() + 1;
        try {
            jdbc.update("""
                    update audience.segment set name = ?, description = ?, definition = ?::jsonb, version = ?, updated_at = ?
                     where id = ?""", name, description, json.writeValueAsString(definition), version, Timestamps.of(at), id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("unique", "a segment named '" + name + "' exists");
        }
        if (version != current.version()) {
            version(id, version, definition, by, at);
        }
        return version;
    }

    public void deleteSegment(long id) {
        jdbc.update(
                "update audience.segment set deleted_at = ?, name = name || ' (deleted ' || id || ')' where id = ?",
                Timestamps.of(clock.instant()),
                id);
        jdbc.update("delete from audience.segment_membership where segment_id = ?", id);
    }

    public record Version(
            int version, JsonNode definition, @Nullable String changedBy, Instant changedAt) {}

    public List<Version> versions(long segmentId) {
        return jdbc.query(
                "select * from audience.segment_version where segment_id = ? order by version desc",
                (rs, n) -> new Version(
                        rs.getInt("version"),
                        json.readTree(rs.getString("definition")),
                        rs.getString("changed_by"),
                        Timestamps.read(rs, "changed_at")),
                segmentId);
    }

    private void version(long id, int version, JsonNode definition, String by, Instant at) {
        jdbc.update("""
                insert into audience.segment_version (segment_id, version, definition, changed_by, changed_at)
                values (?, ?, ?::jsonb, ?, ?)""", id, version, json.writeValueAsString(definition), by, Timestamps.of(at));
    }

    private StoredSegment segmentRow(ResultSet rs, int row) throws SQLException {
        return new StoredSegment(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                json.readTree(rs.getString("definition")),
                rs.getInt("version"),
                rs.getBoolean("built_in"),
                rs.getString("created_by"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"));
    }

    public List<StoredModel> models() {
        return jdbc.query(
                "select * from audience.lifecycle_model order by name",
                (rs, n) -> new StoredModel(
                        rs.getString("name"),
                        rs.getString("label"),
                        json.readTree(rs.getString("stages")),
                        rs.getBoolean("built_in")));
    }

    public Optional<StoredModel> model(String name) {
        return models().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public void saveModel(String name, String label, JsonNode stages, boolean builtIn, String by) {
        jdbc.update("""
                insert into audience.lifecycle_model (name, label, stages, built_in, updated_by, updated_at)
                values (?, ?, ?::jsonb, ?, ?, ?)
                on conflict (name) do update set label = excluded.label, stages = excluded.stages,
                       updated_by = excluded.updated_by, updated_at = excluded.updated_at""", name, label, json.writeValueAsString(stages), builtIn, by, Timestamps.of(clock.instant()));
    }
}
