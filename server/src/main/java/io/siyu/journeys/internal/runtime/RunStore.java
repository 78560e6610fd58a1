package io.siyu.journeys.internal.runtime;

import io.siyu.shared.Timestamps;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Runs in the database: entered once, claimed without overlap, moved on, converted; and the entry and node counts. */
@Component
class RunStore {

    private static final String COLUMNS = """
            r.id, r.journey_id, r.version, r.customer_id, r.occurrence, r.arm, r.state, r.node, r.steps, r.entered_at,
            r.data, coalesce(r.action_key, r.customer_id || ':' || r.occurrence) as action_key\s""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    RunStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A run to insert: a customer entering a version of a journey, in the treated or the control arm. */
    record NewRun(
            long journeyId,
            int version,
            long customerId,
            String occurrence,
            String arm,
            Instant at,
            Map<String, Object> data) {}

    /** A journey and a customer, as the re-entry rules and the "one live run" rule see them. */
    record Inside(long journeyId, long customerId) {}

    /**
     * Inserts runs in one statement, skipping each whose occurrence entered before or whose customer is inside the
     * journey already (the two unique keys); answers the inserted ones by journey, customer and occurrence.
     */
    Map<List<Object>, Run> insert(List<NewRun> entering) {
        if (entering.isEmpty()) {
            return Map.of();
        }
        var inserted = jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            insert into journeys.run as r (journey_id, version, customer_id, occurrence, arm, state,
                                                           entered_at, updated_at, data)
                            select j, v, c, o, a, 'active', t::timestamptz, t::timestamptz, d::jsonb
                              from unnest(?::bigint[], ?::int[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                                          ?::text[]) as x(j, v, c, o, a, t, d)
                            on conflict do nothing
                            returning\s""" + COLUMNS);
                    statement.setArray(1, connection.createArrayOf("bigint", column(entering, NewRun::journeyId)));
                    statement.setArray(2, connection.createArrayOf("int4", column(entering, NewRun::version)));
                    statement.setArray(3, connection.createArrayOf("bigint", column(entering, NewRun::customerId)));
                    statement.setArray(4, connection.createArrayOf("text", column(entering, NewRun::occurrence)));
                    statement.setArray(5, connection.createArrayOf("text", column(entering, NewRun::arm)));
                    statement.setArray(6, connection.createArrayOf("text", column(entering, r -> r.at().toString())));
                    statement.setArray(
                            7,
                            connection.createArrayOf("text", column(entering, r -> json.writeValueAsString(r.data()))));
                    return statement;
                },
                this::run);
        var byOccurrence = new java.util.HashMap<List<Object>, Run>();
        for (var run : inserted) {
            byOccurrence.put(occurrenceOf(run.journeyId(), run.customerId(), run.occurrence()), run);
        }
        return byOccurrence;
    }

    /** The key {@link #insert} answers runs by. */
    static List<Object> occurrenceOf(long journeyId, long customerId, String occurrence) {
        return List.of(journeyId, customerId, occurrence);
    }

    private static Object[] column(List<NewRun> runs, java.util.function.Function<NewRun, Object> value) {
        return runs.stream().map(value).toArray();
    }

    /** When each of these customers last entered each journey; absent when never. */
    Map<Inside, Instant> lastEntered(Collection<Inside> asked) {
        if (asked.isEmpty()) {
            return Map.of();
        }
        var last = new java.util.HashMap<Inside, Instant>();
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            select journey_id, customer_id, max(entered_at) as entered_at from journeys.run
                             where (journey_id, customer_id) in (select * from unnest(?::bigint[], ?::bigint[]))
                             group by journey_id, customer_id""");
                    statement.setArray(
                            1,
                            connection.createArrayOf(
                                    "bigint",
                                    asked.stream().map(Inside::journeyId).toArray()));
                    statement.setArray(
                            2,
                            connection.createArrayOf(
                                    "bigint",
                                    asked.stream().map(Inside::customerId).toArray()));
                    return statement;
                },
                rs -> {
                    last.put(
                            new Inside(rs.getLong("journey_id"), rs.getLong("customer_id")),
                            Timestamps.read(rs, "entered_at"));
                });
        return last;
    }

    /** Takes up to {@code wanted} entries of a day's cap; answers how many it could take. */
    int takeCap(long journeyId, LocalDate day, int cap, int wanted) {
        jdbc.update(
                "insert into journeys.entry_count (journey_id, day, entries) values (?, ?, 0) on conflict do nothing",
                journeyId,
                day);
        var taken = jdbc.queryForObject(
                "select entries from journeys.entry_count where journey_id = ? and day = ? for update",
                Integer.class,
                journeyId,
                day);
        var granted = Math.max(0, Math.min(wanted, cap - (taken == null ? 0 : taken)));
        if (granted > 0) {
            jdbc.update(
                    "update journeys.entry_count set entries = entries + ? where journey_id = ? and day = ?",
                    granted,
                    journeyId,
                    day);
        }
        return granted;
    }

    void delete(Collection<Long> runIds) {
        if (!runIds.isEmpty()) {
            jdbc.update(connection -> {
                var statement = connection.prepareStatement("delete from journeys.run where id = any(?)");
                statement.setArray(1, connection.createArrayOf("bigint", runIds.toArray()));
                return statement;
            });
        }
    }

    /**
     * Where a run stopped after a step, the experiment's variant it was given on the way, if any, and the last node it
     * was at (where it ended, if it ended).
     */
    record Saved(
            long runId,
            Interpreter.Stop stop,
            int steps,
            @Nullable String variant,
            @Nullable String lastNode) {}

    /** Writes where runs stopped, in two batched statements: those that wait, those that ended. */
    void save(List<Saved> saved, Instant now) {
        var waiting = new ArrayList<Object[]>();
        var ended = new ArrayList<Object[]>();
        var at = Timestamps.of(now);
        for (var run : saved) {
            switch (run.stop()) {
                case Interpreter.Stop.Waiting wait ->
                    waiting.add(new Object[] {
                        wait.node(),
                        Timestamps.of(wait.dueAt()),
                        wait.event(),
                        run.steps(),
                        run.variant(),
                        at,
                        run.runId()
                    });
                case Interpreter.Stop.Ended end ->
                    ended.add(new Object[] {
                        "exit".equals(end.reason()) ? "exited" : "completed",
                        end.reason(),
                        run.lastNode(),
                        run.steps(),
                        run.variant(),
                        at,
                        at,
                        run.runId()
                    });
            }
        }
        if (!waiting.isEmpty()) {
            jdbc.batchUpdate("""
                    update journeys.run set state = 'waiting', node = ?, due_at = ?, wait_event = ?, steps = ?,
                           variant = coalesce(?, variant), updated_at = ? where id = ?""", waiting);
        }
        if (!ended.isEmpty()) {
            jdbc.batchUpdate("""
                    update journeys.run set state = ?, end_reason = ?, exit_node = ?, node = null, due_at = null,
                           wait_event = null, steps = greatest(steps, ?), variant = coalesce(?, variant), ended_at = ?,
                           updated_at = ?
                     where id = ?""", ended);
        }
    }

    private static final String END = """
            update journeys.run set state = ?, end_reason = ?, node = null, due_at = null, wait_event = null,
                   steps = greatest(steps, ?), ended_at = ?, updated_at = ? where id = ?""";

    /** Holds a control-group run until its goal window ends, or ends it when the journey has no goal. */
    void hold(long runId, @Nullable Instant until, Instant now) {
        if (until == null) {
            end(runId, "completed", "control", 0, now);
            return;
        }
        jdbc.update(
                "update journeys.run set state = 'waiting', due_at = ?, updated_at = ? where id = ?",
                Timestamps.of(until),
                Timestamps.of(now),
                runId);
    }

    void end(long runId, String state, String reason, int steps, Instant now) {
        jdbc.update(END, state, reason, steps, Timestamps.of(now), Timestamps.of(now), runId);
    }

    /** Claims waiting runs whose time has come, of journeys that are published, skipping runs others hold. */
    List<Run> claimDue(Instant now, int limit) {
        return jdbc.query("select " + COLUMNS + """
                  from journeys.run r join journeys.journey j on j.id = r.journey_id and j.status = 'published'
                 where r.state = 'waiting' and r.due_at <= ?
                 order by r.due_at limit ? for update of r skip locked""", this::run, Timestamps.of(now), limit);
    }

    /** When the earliest timer after {@code after} of a published journey falls due, if any is set. */
    Optional<Instant> nextDue(Instant after) {
        return jdbc.query("""
                        select r.due_at from journeys.run r
                          join journeys.journey j on j.id = r.journey_id and j.status = 'published'
                         where r.state = 'waiting' and r.due_at > ?
                         order by r.due_at limit 1""", (rs, row) -> Timestamps.read(rs, "due_at"), Timestamps.of(after)).stream()
                .findFirst();
    }

    /** Claims the runs of a customer waiting for an event, in published journeys. */
    List<Run> claimWaitingFor(long customer, String event) {
        return jdbc.query("select " + COLUMNS + """
                  from journeys.run r join journeys.journey j on j.id = r.journey_id and j.status = 'published'
                 where r.customer_id = ? and r.wait_event = ? and r.state = 'waiting'
                 for update of r skip locked""", this::run, customer, event);
    }

    /** The customer's runs in the given journeys not yet converted nor exited, with when they entered. */
    List<Run> convertible(long customer, Collection<Long> journeys) {
        if (journeys.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("select " + COLUMNS + """
                              from journeys.run r
                             where r.customer_id = ? and r.converted_at is null and r.state <> 'exited'
                               and r.journey_id = any(?) for update of r""");
                    statement.setLong(1, customer);
                    statement.setArray(2, connection.createArrayOf("bigint", journeys.toArray()));
                    return statement;
                },
                this::run);
    }

    /** Ends the customer's live runs in the given journeys, for an exit condition. */
    void exitLive(long customer, List<Long> journeys, String reason, Instant now) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                            update journeys.run set state = 'exited', end_reason = ?, exit_node = node, node = null,
                                   due_at = null,
                                   wait_event = null, ended_at = ?, updated_at = ?
                             where customer_id = ? and journey_id = any(?) and state in ('active', 'waiting')""");
            statement.setString(1, reason);
            statement.setObject(2, Timestamps.of(now));
            statement.setObject(3, Timestamps.of(now));
            statement.setLong(4, customer);
            statement.setArray(5, connection.createArrayOf("bigint", journeys.toArray()));
            return statement;
        });
    }

    /** Converts a run on its goal: it ends, with the revenue the goal event brought. */
    void convert(long runId, Instant at, BigDecimal revenue, Instant now) {
        jdbc.update("""
                update journeys.run set converted_at = ?, revenue = ?, state = 'converted', end_reason = 'goal',
                       exit_node = coalesce(node, exit_node), node = null, due_at = null, wait_event = null,
                       ended_at = coalesce(ended_at, ?), updated_at = ?
                 where id = ?""", Timestamps.of(at), revenue, Timestamps.of(now), Timestamps.of(now), runId);
    }

    /** Why a run ended that the merge of its customer into another made one too many. */
    static final String MERGED = "merged";

    /**
     * Gives the absorbed profile's runs to the survivor: where both are inside the same journey, the survivor's run goes
     * on and the absorbed one's ends, exited for {@link #MERGED} ("never twice at once"); a run whose occurrence the
     * survivor entered on too keeps it marked as the absorbed profile's, so that both stay on record (and count for the
     * re-entry rules). Timers, awaited events and goals are columns of the run, and move with it; the keys of its actions
     * stay as they were.
     */
    void move(long absorbed, long survivor, Instant now) {
        var at = Timestamps.of(now);
        // the runs that go on name their actions as before, whoever they now belong to
        jdbc.update("""
                update journeys.run set action_key = customer_id || ':' || occurrence
                 where customer_id = ? and state in ('active', 'waiting') and action_key is null""", absorbed);
        jdbc.update("""
                update journeys.run a set state = 'exited', end_reason = ?, exit_node = node, node = null, due_at = null,
                       wait_event = null, ended_at = ?, updated_at = ?
                 where a.customer_id = ? and a.state in ('active', 'waiting')
                   and exists (select 1 from journeys.run b
                                where b.customer_id = ? and b.journey_id = a.journey_id
                                  and b.state in ('active', 'waiting'))""", MERGED, at, at, absorbed, survivor);
        jdbc.update("""
                update journeys.run a set occurrence = a.occurrence || ':merged:' || a.customer_id
                 where a.customer_id = ?
                   and exists (select 1 from journeys.run b
                                where b.customer_id = ? and b.journey_id = a.journey_id and b.occurrence = a.occurrence)""", absorbed, survivor);
        jdbc.update("update journeys.run set customer_id = ? where customer_id = ?", survivor, absorbed);
    }

    /** Adds to the counts of runs that passed nodes: key is journey, version and node. */
    void countPassed(Map<NodeKey, Long> passed) {
        if (passed.isEmpty()) {
            return;
        }
        var rows = new ArrayList<Object[]>();
        passed.forEach((key, count) -> rows.add(new Object[] {key.journeyId(), key.version(), key.node(), count}));
        jdbc.batchUpdate("""
                insert into journeys.node_count as c (journey_id, version, node, passed) values (?, ?, ?, ?)
                on conflict (journey_id, version, node) do update set passed = c.passed + excluded.passed""", rows);
    }

    record NodeKey(long journeyId, int version, String node) {}

    private Run run(ResultSet rs, int row) throws SQLException {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = json.readValue(rs.getString("data"), Map.class);
        return new Run(
                rs.getLong("id"),
                rs.getLong("journey_id"),
                rs.getInt("version"),
                rs.getLong("customer_id"),
                rs.getString("occurrence"),
                rs.getString("arm"),
                rs.getString("state"),
                rs.getString("node"),
                rs.getInt("steps"),
                Timestamps.read(rs, "entered_at"),
                data,
                rs.getString("action_key"));
    }
}
