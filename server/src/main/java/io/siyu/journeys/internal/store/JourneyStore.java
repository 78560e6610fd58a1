package io.siyu.journeys.internal.store;

import io.siyu.audience.Audiences;
import io.siyu.journeys.JourneyAction;
import io.siyu.journeys.internal.graph.GraphReader;
import io.siyu.shared.ConflictException;
import io.siyu.shared.InputRules;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Timestamps;
import io.siyu.shared.Violation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journeys and their versions in the database. A draft is saved only when it is a graph that could run; publishing
 * checks it again (a template it sends may have been archived since) and adds a version that never changes afterwards.
 */
@Component
public class JourneyStore {

    private static final String COLUMNS = """
            select id, name, description, status, draft, version, created_at, updated_at, created_by
              from journeys.journey""";
    static final int MAX_DRAFT_BYTES = 256 * 1024;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, JourneyAction> actions;
    private final GraphReader.Terms terms;

    JourneyStore(JdbcTemplate jdbc, JsonMapper json, Clock clock, List<JourneyAction> actions, Audiences audiences) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.actions = GraphReader.byType(actions);
        this.terms = new GraphReader.Terms(
                this.actions, audiences::checkCondition, audiences::stages, audiences::isSegment, clock);
    }

    /** A published version. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "JourneyVersion")
    public record Version(long journeyId, int version, JsonNode graph, Instant publishedAt, String publishedBy) {}

    public Map<String, JourneyAction> actions() {
        return actions;
    }

    /** What drafts are checked against: the actions, the audience's conditions and lifecycle models. */
    public GraphReader.Terms terms() {
        return terms;
    }

    @Transactional
    public Journey create(String name, @Nullable String description, JsonNode draft, String by) {
        return create(name, description, draft, by, null);
    }

    /** Creates a draft; {@code scene} names the lifecycle scene it was made from, if any. */
    @Transactional
    public Journey create(
            String name, @Nullable String description, JsonNode draft, String by, @Nullable String scene) {
        check(name, description, draft);
        var now = Timestamps.of(clock.instant());
        var id = jdbc.queryForObject(
                """
                insert into journeys.journey (name, description, status, draft, created_at, updated_at, created_by,
                                              scene)
                values (?, ?, 'draft', ?::jsonb, ?, ?, ?, ?) returning id""", Long.class, name.strip(), description, json.writeValueAsString(draft), now, now, by, scene);
        return get(id);
    }

    /** The newest journey made from a scene that is not archived, if any. */
    public java.util.Optional<Journey> byScene(String scene) {
        return jdbc
                .query(
                        COLUMNS + " where scene = ? and status <> 'archived' order by id desc limit 1",
                        this::journey,
                        scene)
                .stream()
                .findFirst();
    }

    @Transactional
    public Journey saveDraft(long id, String name, @Nullable String description, JsonNode draft) {
        check(name, description, draft);
        var journey = get(id);
        if (journey.status() == JourneyStatus.ARCHIVED) {
            throw new ConflictException("archived", "an archived journey cannot change");
        }
        jdbc.update(
                "update journeys.journey set name = ?, description = ?, draft = ?::jsonb, updated_at = ? where id = ?",
                name.strip(),
                description,
                json.writeValueAsString(draft),
                Timestamps.of(clock.instant()),
                id);
        return get(id);
    }

    /** Publishes the draft as the next version: new customers enter it, customers inside finish on theirs. */
    @Transactional
    public Journey publish(long id, String by) {
        var journey = lock(id);
        if (journey.status() == JourneyStatus.ARCHIVED) {
            throw new ConflictException("archived", "an archived journey cannot be published");
        }
        GraphReader.read(journey.draft(), terms, "draft");
        var version = journey.version() == null ? 1 : journey.version() + 1;
        var now = Timestamps.of(clock.instant());
        jdbc.update("""
                insert into journeys.journey_version (journey_id, version, graph, published_at, published_by)
                values (?, ?, ?::jsonb, ?, ?)""", id, version, json.writeValueAsString(journey.draft()), now, by);
        jdbc.update(
                "update journeys.journey set status = 'published', version = ?, updated_at = ? where id = ?",
                version,
                now,
                id);
        return get(id);
    }

    /** Pauses or resumes a published journey. */
    @Transactional
    public Journey pause(long id, boolean paused) {
        var journey = lock(id);
        var from = paused ? JourneyStatus.PUBLISHED : JourneyStatus.PAUSED;
        if (journey.status() != from) {
            throw new ConflictException(
                    "status", "only a " + from.value() + " journey can be " + (paused ? "paused" : "resumed"));
        }
        jdbc.update(
                "update journeys.journey set status = ?, updated_at = ? where id = ?",
                paused ? "paused" : "published",
                Timestamps.of(clock.instant()),
                id);
        return get(id);
    }

    /** Archives a journey: nobody enters any more, and customers inside leave it. */
    @Transactional
    public Journey archive(long id) {
        lock(id);
        var now = Timestamps.of(clock.instant());
        jdbc.update("update journeys.journey set status = 'archived', updated_at = ? where id = ?", now, id);
        jdbc.update("""
                update journeys.run set state = 'exited', end_reason = 'archived', ended_at = ?, updated_at = ?,
                       due_at = null, wait_event = null, exit_node = node
                 where journey_id = ? and state in ('active', 'waiting')""", now, now, id);
        return get(id);
    }

    public Journey get(long id) {
        return jdbc.query(COLUMNS + " where id = ?", this::journey, id).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("journey", id));
    }

    public List<Journey> list() {
        return jdbc.query(COLUMNS + " order by status = 'archived', updated_at desc, id desc", this::journey);
    }

    public List<Version> versions(long id) {
        get(id);
        return jdbc.query("""
                select journey_id, version, graph, published_at, published_by from journeys.journey_version
                 where journey_id = ? order by version desc""", this::version, id);
    }

    public Version version(long id, int version) {
        return jdbc.query("""
                        select journey_id, version, graph, published_at, published_by from journeys.journey_version
                         where journey_id = ? and version = ?""", this::version, id, version).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("journey version", id + "/" + version));
    }

    private Journey lock(long id) {
        return jdbc.query(COLUMNS + " where id = ? for update", this::journey, id).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("journey", id));
    }

    private void check(String name, @Nullable String description, JsonNode draft) {
        var violations = new ArrayList<Violation>();
        if (name == null || name.isBlank()) {
            violations.add(new Violation("name", "required", "must not be blank"));
        } else if (InputRules.check("name", name, InputRules.MAX_NAME_LENGTH) instanceof Violation violation) {
            violations.add(violation);
        }
        if (description != null
                && InputRules.check("description", description, InputRules.MAX_DESCRIPTION_LENGTH)
                        instanceof Violation violation) {
            violations.add(violation);
        }
        if (draft == null || !draft.isObject()) {
            violations.add(new Violation("draft", "type", "must be an object (the journey's graph)"));
        } else if (json.writeValueAsBytes(draft).length > MAX_DRAFT_BYTES) {
            violations.add(new Violation("draft", "max-bytes", "must have at most " + MAX_DRAFT_BYTES + " bytes"));
        } else {
            GraphReader.check(draft, terms).forEach(v -> violations.add(v.at("draft")));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private Journey journey(ResultSet rs, int row) throws SQLException {
        return new Journey(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                JourneyStatus.of(rs.getString("status")),
                json.readTree(rs.getString("draft")),
                rs.getObject("version", Integer.class),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"),
                rs.getString("created_by"));
    }

    private Version version(ResultSet rs, int row) throws SQLException {
        return new Version(
                rs.getLong("journey_id"),
                rs.getInt("version"),
                json.readTree(rs.getString("graph")),
                Timestamps.read(rs, "published_at"),
                rs.getString("published_by"));
    }
}
